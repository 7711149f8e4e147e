import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_ROLES, subgraphNames } from '@cadg/db';
import { subgraphs } from '@cadg/gateway';
import { DEFAULT_METRICS_PORT, METRICS_PATH } from '@cadg/platform';
import { parseAllDocuments } from 'yaml';

// Neither Docker nor a cluster runs here, so these check what can be checked statically: that the
// manifests parse, have the structure Kubernetes needs, and agree with the code they deploy.
const root = join(import.meta.dirname, '..', '..');
const k8sDir = join(root, 'deploy', 'k8s');

interface Probe {
  httpGet?: { path?: string; port?: string | number };
}
interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    template?: {
      metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
      spec: { containers: Container[]; initContainers?: Container[] };
    };
    ports?: { port: number; targetPort: string | number }[];
  };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  resources?: string[];
}

function readManifests(): Map<string, Manifest[]> {
  const byFile = new Map<string, Manifest[]>();
  for (const file of readdirSync(k8sDir).filter((f) => f.endsWith('.yaml'))) {
    const documents = parseAllDocuments(readFileSync(join(k8sDir, file), 'utf8'));
    for (const document of documents) expect(document.errors, file).toEqual([]);
    byFile.set(
      file,
      documents.map((d) => d.toJS() as Manifest),
    );
  }
  return byFile;
}

const manifests = readManifests();
const all = [...manifests.values()].flat();
const ofKind = (kind: string) => all.filter((m) => m.kind === kind);
const services = [
  { name: 'gateway', port: 4000, readiness: '/readyz' },
  ...subgraphs.map((s) => ({ name: s.name, port: s.defaultPort, readiness: '/healthz' })),
];

/** The entry the image runs for each service, as deploy/docker/start.sh maps them. */
function imageEntries(): Map<string, string> {
  const script = readFileSync(join(root, 'deploy', 'docker', 'start.sh'), 'utf8');
  return new Map([...script.matchAll(/^\s+(\w+)\) entry=(\S+) ;;$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('Kubernetes manifests', () => {
  it('list every manifest file in the kustomization, and every one parses', () => {
    const kustomization = manifests.get('kustomization.yaml')![0]!;
    expect(kustomization.kind).toBe('Kustomization');
    const listed = new Set(kustomization.resources);
    for (const file of manifests.keys()) if (file !== 'kustomization.yaml') expect(listed).toContain(file);
    for (const file of listed) expect(existsSync(join(k8sDir, file)), file).toBe(true);
    for (const manifest of all) {
      expect(manifest.apiVersion, JSON.stringify(manifest.metadata)).toBeTruthy();
      expect(manifest.kind).toBeTruthy();
    }
  });

  it('run every service as a Deployment of at least two replicas behind a Service on its port', () => {
    expect(
      ofKind('Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(services.map((s) => s.name).sort());
    for (const service of services) {
      const deployment = ofKind('Deployment').find((d) => d.metadata.name === service.name)!;
      expect(deployment.apiVersion).toBe('apps/v1');
      expect(deployment.spec!.replicas).toBeGreaterThanOrEqual(2);
      const podLabels = deployment.spec!.template!.metadata.labels;
      for (const [key, value] of Object.entries(deployment.spec!.selector!.matchLabels!))
        expect(podLabels[key]).toBe(value);
      const container = deployment.spec!.template!.spec.containers[0]!;
      expect(container.image).toMatch(new RegExp(`/${service.name}:`));
      expect(container.ports).toEqual([
        { name: 'http', containerPort: service.port },
        { name: 'metrics', containerPort: DEFAULT_METRICS_PORT },
      ]);

      const svc = ofKind('Service').find((s) => s.metadata.name === service.name)!;
      expect(svc.spec!.ports).toEqual([expect.objectContaining({ port: service.port, targetPort: 'http' })]);
      expect(svc.spec!.selector).toEqual(deployment.spec!.selector!.matchLabels);
    }
  });

  it('have Prometheus scrape every service on its metrics port, which no Service exposes', () => {
    const config = ofKind('ConfigMap').find((c) => c.metadata.name === 'cadg-config')!;
    expect(config.data!['GATEWAY_MODE']).toBe('production');
    expect(config.data!['METRICS_PORT']).toBe(String(DEFAULT_METRICS_PORT));
    for (const service of services) {
      const template = ofKind('Deployment').find((d) => d.metadata.name === service.name)!.spec!.template!;
      expect(template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(DEFAULT_METRICS_PORT),
        'prometheus.io/path': METRICS_PATH,
      });
      const svc = ofKind('Service').find((s) => s.metadata.name === service.name)!;
      expect(svc.spec!.ports!.map((p) => p.targetPort)).not.toContain('metrics');
      expect(svc.spec!.ports!.map((p) => p.port)).not.toContain(DEFAULT_METRICS_PORT);
    }
    const exposed = readFileSync(join(root, 'Dockerfile'), 'utf8')
      .match(/^EXPOSE (.+)$/m)?.[1]
      ?.split(' ');
    expect(exposed).toContain(String(DEFAULT_METRICS_PORT));
  });

  it('probe readiness and liveness on paths the services answer, on their port', () => {
    for (const service of services) {
      const container = ofKind('Deployment').find((d) => d.metadata.name === service.name)!.spec!.template!
        .spec.containers[0]!;
      expect(container.readinessProbe?.httpGet).toEqual({ path: service.readiness, port: 'http' });
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    }
  });

  it('give subgraphs the secrets Secret and everything the gateway needs from the ConfigMap', () => {
    const config = ofKind('ConfigMap').find((c) => c.metadata.name === 'cadg-config')!;
    for (const key of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL', 'DATABASE_POOL_SIZE', 'HOST'])
      expect(config.data, key).toHaveProperty(key);
    for (const subgraph of subgraphs) {
      // The gateway reaches each subgraph through its Service's DNS name and port.
      const url = config.data![`${subgraph.name.toUpperCase()}_URL`];
      expect(url).toBe(`http://${subgraph.name}:${subgraph.defaultPort}/graphql`);
    }
    for (const service of services) {
      const container = ofKind('Deployment').find((d) => d.metadata.name === service.name)!.spec!.template!
        .spec.containers[0]!;
      const sources = container.envFrom ?? [];
      expect(sources.some((s) => s.configMapRef?.name === 'cadg-config')).toBe(true);
      expect(sources.some((s) => s.secretRef?.name === 'cadg-secrets')).toBe(service.name !== 'gateway');
    }
  });

  it('give the gateway and every subgraph the subgraph signing secret, and only from the Secret', () => {
    const config = ofKind('ConfigMap').find((c) => c.metadata.name === 'cadg-config')!;
    expect(config.data).not.toHaveProperty('SUBGRAPH_SIGNING_SECRET');
    expect(config.data?.['GATEWAY_MODE']).toBe('production');
    for (const service of services) {
      const container = ofKind('Deployment').find((d) => d.metadata.name === service.name)!.spec!.template!
        .spec.containers[0]!;
      const fromSecretWhole = (container.envFrom ?? []).some((s) => s.secretRef?.name === 'cadg-secrets');
      const fromSecretKey = (container.env ?? []).some(
        (e) =>
          e.name === 'SUBGRAPH_SIGNING_SECRET' &&
          e.valueFrom?.secretKeyRef?.name === 'cadg-secrets' &&
          e.valueFrom.secretKeyRef.key === 'SUBGRAPH_SIGNING_SECRET',
      );
      expect(fromSecretWhole || fromSecretKey, service.name).toBe(true);
    }
  });

  it('give each subgraph only its own database role, and its migrate step the migration role', () => {
    const database = ofKind('Secret').find((s) => s.metadata.name === 'cadg-database')!;
    const urls = database.stringData!;
    expect(new URL(urls['MIGRATION_DATABASE_URL']!).searchParams.get('sslmode')).toBe('verify-full');
    // Database credentials in a Secret read whole (envFrom) or in the ConfigMap would reach every container.
    for (const manifest of [...ofKind('ConfigMap'), ...ofKind('Secret').filter((s) => s !== database)])
      for (const key of Object.keys({ ...manifest.data, ...manifest.stringData }))
        expect(key, manifest.metadata.name).not.toMatch(/DATABASE_URL$/);
    const secretKeys = (container: Container) =>
      (container.env ?? []).flatMap((e) =>
        e.valueFrom?.secretKeyRef?.name === 'cadg-database' ? [e.valueFrom.secretKeyRef.key] : [],
      );
    for (const deployment of ofKind('Deployment')) {
      const { containers, initContainers = [] } = deployment.spec!.template!.spec;
      for (const container of [...containers, ...initContainers])
        expect(container.envFrom?.some((s) => s.secretRef?.name === 'cadg-database')).toBeFalsy();
      const name = deployment.metadata.name;
      if (!(subgraphNames as string[]).includes(name)) {
        expect(secretKeys(containers[0]!), name).toEqual([]);
        continue;
      }
      const key = `${name.toUpperCase()}_DATABASE_URL`;
      expect(secretKeys(containers[0]!), name).toEqual([key]);
      const url = new URL(urls[key]!);
      expect(url.username).toBe(SUBGRAPH_ROLES[name as keyof typeof SUBGRAPH_ROLES]);
      expect(url.searchParams.get('sslmode')).toBe('verify-full');
      // The migrate step runs from the same image before the subgraph starts, with DDL credentials.
      const [migrate] = initContainers;
      expect(migrate?.image).toBe(containers[0]!.image);
      expect(migrate?.env).toContainEqual({ name: 'SERVICE', value: 'migrate' });
      expect(secretKeys(migrate!)).toEqual(['MIGRATION_DATABASE_URL']);
    }
  });
});

describe('Docker image', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('builds in stages and runs the service named by its SERVICE build argument as a non-root user', () => {
    expect(instructions.filter((i) => /^FROM /.test(i)).length).toBeGreaterThanOrEqual(2);
    expect(instructions).toContain('ARG SERVICE');
    expect(instructions.some((i) => /^RUN npm ci\b/.test(i))).toBe(true);
    expect(instructions).toContain('USER node');
    expect(instructions.at(-1)).toBe('CMD ["/usr/local/bin/cadg-start"]');
  });

  it('copies only paths that exist, and has an existing entry file for every deployed service', () => {
    for (const instruction of instructions.filter((i) => i.startsWith('COPY '))) {
      const [, ...args] = instruction.split(/\s+/).filter((part) => !part.startsWith('--'));
      const sources = args.slice(0, -1);
      // Sources from the build stage are paths under its /app, that is, in this repository.
      for (const source of sources) {
        const path = source.replace(/^\/app\/?/, '') || '.';
        if (path === '.' || path === 'node_modules') continue;
        // Build output is made by the build stage, not committed: a RUN there must make it.
        if (path === 'dashboard/dist') {
          expect(instructions.some((i) => /^RUN .*npm run build -w @cadg\/dashboard/.test(i))).toBe(true);
          continue;
        }
        expect(existsSync(join(root, path)), source).toBe(true);
      }
    }
    const entries = imageEntries();
    for (const service of [...services, { name: 'migrate' }]) {
      const entry = entries.get(service.name);
      expect(entry, service.name).toBeDefined();
      expect(existsSync(join(root, entry!)), entry).toBe(true);
    }
  });

  it('keeps local state and dependencies out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const pattern of ['**/node_modules', '.data', '.git']) expect(ignored).toContain(pattern);
  });
});
