import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subgraphs } from '@cadg/gateway';
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
    template?: { metadata: { labels: Record<string, string> }; spec: { containers: Container[] } };
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
      expect(container.ports).toEqual([{ name: 'http', containerPort: service.port }]);

      const svc = ofKind('Service').find((s) => s.metadata.name === service.name)!;
      expect(svc.spec!.ports).toEqual([expect.objectContaining({ port: service.port, targetPort: 'http' })]);
      expect(svc.spec!.selector).toEqual(deployment.spec!.selector!.matchLabels);
    }
  });

  it('probe readiness and liveness on paths the services answer, on their port', () => {
    for (const service of services) {
      const container = ofKind('Deployment').find((d) => d.metadata.name === service.name)!.spec!.template!
        .spec.containers[0]!;
      expect(container.readinessProbe?.httpGet).toEqual({ path: service.readiness, port: 'http' });
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    }
  });

  it('give subgraphs DATABASE_URL from a Secret and everything the gateway needs from the ConfigMap', () => {
    const config = ofKind('ConfigMap').find((c) => c.metadata.name === 'cadg-config')!;
    const secret = ofKind('Secret').find((s) => s.metadata.name === 'cadg-secrets')!;
    expect(Object.keys(secret.stringData ?? {})).toContain('DATABASE_URL');
    expect(secret.stringData!['DATABASE_URL']).toMatch(/sslmode=/);
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
        if (path !== '.' && path !== 'node_modules') expect(existsSync(join(root, path)), source).toBe(true);
      }
    }
    const entries = imageEntries();
    for (const service of services) {
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
