// ESLint for the whole repository: typescript-eslint's recommended rules (syntax only; type-aware
// linting would need the whole program type-checked a second time, which `npm run typecheck` does),
// the package boundaries of docs/architecture.md, and stable codes from named constants only.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/** The four subgraphs; each owns the db schema module of the same name. */
const SUBGRAPHS = ['contacts', 'incidents', 'dataflows', 'aipolicy'];

/**
 * The packages as the boundaries plugin sees them, matched on the file's path from the repository
 * root (imports are resolved to files first, so `@cadg/db/contacts` and `../../db/src/schema/contacts.ts`
 * are the same dependency).
 */
const elements = [
  { type: 'db', pattern: 'db' },
  { type: 'platform', pattern: 'platform' },
  { type: 'subgraph', pattern: 'subgraphs/*', capture: ['name'] },
  { type: 'gateway', pattern: 'gateway' },
  { type: 'stack', pattern: 'stack' },
  { type: 'bench', pattern: 'bench' },
  { type: 'e2e', pattern: 'test' },
  { type: 'example', pattern: 'examples/*', capture: ['name'] },
  { type: 'dashboard', pattern: 'dashboard' },
];

/** db's table modules: `module` is the subgraph that owns the tables (or `audit`, the shared shape). */
const files = [{ category: 'schema', pattern: 'db/src/schema/*.ts', capture: ['module'] }];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });

/**
 * Who may import whom: anything not allowed here is an error. The arrows point down only:
 * platform and db import nothing of ours; a subgraph imports platform, db, and of db's table modules
 * only its own (and the shared audit table shape); the gateway knows subgraphs only by URL and SDL.
 * A later policy overrides an earlier one for the imports both match.
 */
const policies = [
  { from: { element: { type: 'platform' } }, allow: to('platform') },
  { from: { element: { type: 'db' } }, allow: to('db') },
  ...SUBGRAPHS.map((name) => ({
    from: { element: { type: 'subgraph', captured: { name } } },
    allow: [{ to: { element: { type: 'subgraph', captured: { name } } } }, to('platform', 'db')],
  })),
  ...SUBGRAPHS.map((name) => ({
    from: { element: { type: 'subgraph', captured: { name } } },
    disallow: {
      to: {
        element: { type: 'db' },
        file: { categories: 'schema', captured: { module: `!(${name}|${name}-*|audit)` } },
      },
    },
  })),
  { from: { element: { type: 'gateway' } }, allow: to('gateway', 'platform') },
  // The all-in-one runner starts every service, so it imports each one's server module.
  {
    from: { element: { type: 'stack' } },
    allow: to('stack', 'gateway', 'subgraph', 'platform', 'db', 'dashboard'),
  },
  // Benchmarks and end-to-end tests drive the whole system from outside: any package may be used.
  {
    from: { element: { types: { anyOf: ['bench', 'e2e'] } } },
    allow: to('bench', 'e2e', 'stack', 'gateway', 'subgraph', 'platform', 'db', 'example', 'dashboard'),
  },
  { from: { element: { type: 'example' } }, allow: to('example') },
  // The partner dashboard is a browser app: it reaches the graph over HTTP only.
  { from: { element: { type: 'dashboard' } }, allow: to('dashboard') },
];

/**
 * Stable codes come from named constants (platform's `ErrorCode`, graphql-ws's `CloseCode`, ...), never
 * from literals at the place of use, so that a code's spelling lives in one place and can be searched.
 */
const namedCodes = [
  {
    selector:
      "Property[key.name='extensions'] > ObjectExpression > Property[key.name='code'][value.type=/^(Literal|TemplateLiteral)$/]",
    message: 'Use a named error code constant (see platform/src/errors.ts), not a literal.',
  },
  {
    selector: "CallExpression[callee.property.name='close'][arguments.0.raw=/^[0-9]/]",
    message: "Use a named close code constant (graphql-ws's CloseCode or platform's), not a literal.",
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/.turbo/**',
      '**/coverage/**',
      'db/migrations/**',
      'db/src/seed/*-data.ts',
      'subgraphs/*/src/generated/**',
      'examples/relay/__generated__/**',
      'dashboard/src/gql/**',
      'schema/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { boundaries },
    settings: {
      // Resolves `@cadg/*` through each package's `exports` and `.ts` paths, so boundaries see files.
      'import/resolver': { typescript: { alwaysTryTypes: true } },
      // Patterns are matched from the repository root, wherever ESLint is started from.
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': elements,
      'boundaries/files': files,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
      // `_name` marks a binding kept on purpose (a rest-sibling that drops a key, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // What the services send. Tests keep literal codes: they check the wire, not our constants.
    files: ['**/src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...namedCodes] },
  },
);
