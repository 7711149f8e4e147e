import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The repository's own eslint.config.js, run through ESLint's Node API on snippets placed (virtually,
// never written to disk) in one package or another: the import resolver, the package map and the
// policies are exercised exactly as `npm run lint` runs them.
const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The messages ESLint reports for `code` as if it were the file at `filePath` (from the repo root). */
async function lint(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

const boundaryErrors = async (filePath: string, code: string) =>
  (await lint(filePath, code)).filter((m) => m.ruleId === 'boundaries/dependencies');

describe('import boundaries', () => {
  it('refuse a gateway module importing a subgraph, by package name, by relative path or dynamically', async () => {
    const byName = await boundaryErrors(
      'gateway/src/snippet.ts',
      "import { createContactsServer } from '@cadg/contacts/server';\nexport const start = createContactsServer;\n",
    );
    expect(byName).toHaveLength(1);
    expect(byName[0]?.message).toMatch(/"gateway" to elements of type "subgraph"/);

    const byPath = await boundaryErrors(
      'gateway/src/snippet.ts',
      "import { createIncidentsServer } from '../../subgraphs/incidents/src/server.ts';\nexport const start = createIncidentsServer;\n",
    );
    expect(byPath).toHaveLength(1);

    const dynamic = await boundaryErrors(
      'gateway/src/snippet.ts',
      "export const load = () => import('@cadg/dataflows/server');\n",
    );
    expect(dynamic).toHaveLength(1);
  });

  it('let the gateway import platform', async () => {
    expect(
      await boundaryErrors(
        'gateway/src/snippet.ts',
        "import { ErrorCode } from '@cadg/platform';\nexport const code = ErrorCode.NotFound;\n",
      ),
    ).toEqual([]);
  });

  it('refuse a subgraph importing another subgraph or its db table module, and allow its own', async () => {
    const other = await boundaryErrors(
      'subgraphs/incidents/src/snippet.ts',
      "import { createContactsServer } from '@cadg/contacts/server';\nexport const start = createContactsServer;\n",
    );
    expect(other).toHaveLength(1);

    const otherTables = await boundaryErrors(
      'subgraphs/incidents/src/snippet.ts',
      "import * as tables from '@cadg/db/contacts';\nexport const all = tables;\n",
    );
    expect(otherTables).toHaveLength(1);
    expect(otherTables[0]?.message).toMatch(/module="contacts"/);

    const own = await boundaryErrors(
      'subgraphs/incidents/src/snippet.ts',
      "import * as tables from '@cadg/db/incidents';\nimport { createDatabase } from '@cadg/db';\nexport const all = [tables, createDatabase];\n",
    );
    expect(own).toEqual([]);
  });

  it('refuse db and platform importing any package of ours', async () => {
    const dbToPlatform = await boundaryErrors(
      'db/src/snippet.ts',
      "import { ErrorCode } from '@cadg/platform';\nexport const code = ErrorCode.NotFound;\n",
    );
    expect(dbToPlatform).toHaveLength(1);

    const platformToDb = await boundaryErrors(
      'platform/src/snippet.ts',
      "import { createDatabase } from '@cadg/db';\nexport const create = createDatabase;\n",
    );
    expect(platformToDb).toHaveLength(1);
  });

  it("let the all-in-one runner import each subgraph's server module", async () => {
    expect(
      await boundaryErrors(
        'stack/src/snippet.ts',
        "import { createContactsServer } from '@cadg/contacts/server';\nexport const start = createContactsServer;\n",
      ),
    ).toEqual([]);
  });
});

describe('named codes', () => {
  it('refuse a literal error code or close code in service code, and accept the named constants', async () => {
    const literal = await lint(
      'gateway/src/snippet.ts',
      [
        "import { GraphQLError } from 'graphql';",
        "import type { WebSocket } from 'ws';",
        "export const refuse = () => new GraphQLError('No.', { extensions: { code: 'FORBIDDEN' } });",
        "export const bye = (socket: WebSocket) => socket.close(4400, 'Bad request');",
        '',
      ].join('\n'),
    );
    expect(literal.map((m) => m.ruleId)).toEqual(['no-restricted-syntax', 'no-restricted-syntax']);

    const named = await lint(
      'gateway/src/snippet.ts',
      [
        "import { ErrorCode } from '@cadg/platform';",
        "import { GraphQLError } from 'graphql';",
        "import { CloseCode } from 'graphql-ws';",
        "import type { WebSocket } from 'ws';",
        "export const refuse = () => new GraphQLError('No.', { extensions: { code: ErrorCode.Forbidden } });",
        "export const bye = (socket: WebSocket) => socket.close(CloseCode.BadRequest, 'Bad request');",
        '',
      ].join('\n'),
    );
    expect(named).toEqual([]);
  });
});
