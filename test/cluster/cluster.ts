import { randomBytes } from 'node:crypto';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER, signDevToken, type Role } from '@cadg/platform';
import { subgraphs } from '@cadg/gateway';
import { subgraphDatabaseUrl, type SubgraphName } from '@cadg/db';
import { freePorts, ServiceProcess } from './processes.ts';

export interface ClusterOptions {
  /**
   * The one PostgreSQL database every replica uses, as its owner; migrated and seeded beforehand.
   * Each subgraph process gets only its own role's URL on it (as in deploy/k8s), the gateways none.
   */
  databaseUrl: string;
  /** The dev issuer's key directory (`DATA_DIR` of every process), so tokens verify everywhere. */
  keyDir: string;
  /** Replicas of each subgraph. @default 2 */
  replicas?: number;
  /** Gateways; gateway `i` routes to replica `i mod replicas` of every subgraph. @default 2 */
  gateways?: number;
  /** postgres.js connections per process (`DATABASE_POOL_SIZE`). @default 4 */
  poolSize?: number;
  /** Added to every process's environment (e.g. `RATE_LIMIT: 'off'`). */
  env?: Readonly<Record<string, string>>;
}

export interface Cluster {
  /** Gateway A, B, … in order. */
  readonly gateways: readonly ServiceProcess[];
  /** Replicas of each subgraph by name: `replicas['incidents'][0]` is incidents-1. */
  readonly replicas: Readonly<Record<string, readonly ServiceProcess[]>>;
  /** Every process, subgraphs first. */
  readonly processes: readonly ServiceProcess[];
  /** Every exit nobody asked for, with the output before it; a healthy run has none. */
  crashes(): string[];
  /** A token from the shared dev issuer. */
  token(org: string | null, roles: Role[], expiresIn?: string): Promise<string>;
  /** Stops every process (SIGTERM, then SIGKILL for any still running after `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

const SUBGRAPH_ENTRY = (name: string) => `subgraphs/${name}/src/index.ts`;
const GATEWAY_ENTRY = 'gateway/src/main.ts';
const gatewayLetter = (index: number) => String.fromCharCode('a'.charCodeAt(0) + index);

/**
 * The scale-out topology as separate OS processes on loopback: `replicas` copies of every subgraph
 * and `gateways` gateways, all on one PostgreSQL database and one dev-issuer key directory, each
 * on a free port, each started from its production entry (the gateway serves the committed
 * supergraph with `<NAME>_URL` overrides).
 *
 * Routing is fixed, not balanced: gateway A talks to replica 1 of every subgraph, gateway B to
 * replica 2 (with more gateways than replicas, round-robin). Each incidents replica checks
 * organizations against the contacts replica with the same number. So killing one replica takes
 * out one gateway's path to that subgraph while the other path stays whole, which is what the
 * fault tests need; a load balancer in front of the gateways would make them interchangeable.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const replicaCount = options.replicas ?? 2;
  const gatewayCount = options.gateways ?? 2;
  // Create the key once, here: processes starting together must not race to create their own.
  await createTokenVerifier({ issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, devKeyDir: options.keyDir });

  const ports = await freePorts(subgraphs.length * replicaCount + gatewayCount);
  const baseEnv: NodeJS.ProcessEnv = {
    ...withoutServiceVariables(process.env),
    DATABASE_POOL_SIZE: String(options.poolSize ?? 4),
    DATA_DIR: options.keyDir,
    HOST: '127.0.0.1',
    // As in a deployment: every gateway signs its subgraph calls with the secret all services share.
    SUBGRAPH_SIGNING_SECRET: randomBytes(32).toString('base64url'),
    ...options.env,
  };

  // Ports first: incidents replica i needs the URL of contacts replica i.
  const portsOf: Record<string, number[]> = {};
  for (const { name } of subgraphs) portsOf[name] = ports.splice(0, replicaCount);
  const urlOf = (name: string, i: number) => `http://127.0.0.1:${portsOf[name]![i % replicaCount]}/graphql`;

  const replicas: Record<string, ServiceProcess[]> = {};
  for (const { name } of subgraphs) {
    replicas[name] = portsOf[name]!.map((port, i) => {
      const env: NodeJS.ProcessEnv = {
        ...baseEnv,
        [`${name.toUpperCase()}_PORT`]: String(port),
        [`${name.toUpperCase()}_DATABASE_URL`]: subgraphDatabaseUrl(
          { DATABASE_URL: options.databaseUrl },
          name as SubgraphName,
        ),
      };
      if (name === 'incidents') env['CONTACTS_URL'] = urlOf('contacts', i);
      return new ServiceProcess({ name: `${name}-${i + 1}`, entry: SUBGRAPH_ENTRY(name), port, env });
    });
  }
  const gateways = Array.from({ length: gatewayCount }, (_, i) => {
    const env: NodeJS.ProcessEnv = { ...baseEnv, GATEWAY_PORT: String(ports[i]) };
    for (const { name } of subgraphs) {
      env[`${name.toUpperCase()}_URL`] = urlOf(name, i);
    }
    return new ServiceProcess({
      name: `gateway-${gatewayLetter(i)}`,
      entry: GATEWAY_ENTRY,
      port: ports[i]!,
      env,
    });
  });

  const processes = [...Object.values(replicas).flat(), ...gateways];
  const killAll = () => processes.forEach((p) => p.killNow());
  process.once('exit', killAll);
  const close = async (graceMs = 5_000) => {
    await Promise.all(
      processes.map(async (p) => {
        const fuse = setTimeout(() => p.killNow(), graceMs);
        await p.kill('SIGTERM');
        clearTimeout(fuse);
      }),
    );
    process.off('exit', killAll);
  };

  try {
    await Promise.all(processes.map((p) => p.start()));
  } catch (error) {
    await close(0);
    throw error;
  }
  return {
    gateways,
    replicas,
    processes,
    crashes: () => processes.flatMap((p) => p.crashes),
    token: (org, roles, expiresIn = '30m') =>
      signDevToken(options.keyDir, {
        sub: `cluster-${org ?? 'none'}-${roles.join('-')}`,
        org,
        roles,
        expiresIn,
      }),
    close,
  };
}

/** The parent's environment minus anything that would point a child at the wrong port or database. */
function withoutServiceVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const names = new Set([
    'GATEWAY_PORT',
    'SUPERGRAPH_FILE',
    'DATABASE_URL',
    'MIGRATION_DATABASE_URL',
    'DATA_DIR',
    'HOST',
    // One metrics port per process: children must not all try the parent's.
    'METRICS_PORT',
  ]);
  for (const { name } of subgraphs) {
    names.add(`${name.toUpperCase()}_PORT`);
    names.add(`${name.toUpperCase()}_URL`);
    names.add(`${name.toUpperCase()}_DATABASE_URL`);
  }
  return Object.fromEntries(Object.entries(env).filter(([key]) => !names.has(key)));
}
