import { parseArgs } from 'node:util';
import { dataDirFromEnv } from '@cadg/db';
import { identityConfigFromEnv, Role, signDevToken } from '@cadg/platform';

// `npm run token -- --org <organizationId> --roles ORG_ADMIN,MEMBER [--sub alice] [--ttl 12h]`
const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    roles: { type: 'string', default: Role.Member },
    sub: { type: 'string' },
    ttl: { type: 'string', default: '12h' },
  },
});
const dataDir = dataDirFromEnv(process.env);
const config = identityConfigFromEnv(process.env, dataDir);
if (!config.devKeyDir) {
  console.error(
    'AUTH_JWKS_URL or AUTH_PUBLIC_KEY is set: tokens come from your identity provider, not from here.',
  );
  process.exit(2);
}
const known = new Set<string>(Object.values(Role));
const roles = (values.roles ?? '')
  .split(',')
  .map((role) => role.trim().toUpperCase())
  .filter(Boolean);
const unknown = roles.filter((role) => !known.has(role));
if (unknown.length > 0) {
  console.error(`Unknown role(s): ${unknown.join(', ')}. Known: ${[...known].join(', ')}.`);
  process.exit(2);
}
const token = await signDevToken(
  config.devKeyDir,
  {
    sub: values.sub ?? `dev-${values.org ?? 'anyone'}`,
    org: values.org ?? null,
    roles: roles as Role[],
    expiresIn: values.ttl,
  },
  config,
);
console.log(token);
