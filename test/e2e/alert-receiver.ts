/** What the alert tests share: a webhook receiver, the dispatcher's reports, and GraphQL helpers. */
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect } from 'vitest';
import { Role } from '@cadg/platform';
import type { StackOptions } from '@cadg/stack';
import type { Graph } from './harness.ts';

export type AttemptReport = Parameters<NonNullable<NonNullable<StackOptions['alerts']>['onAttempt']>>[0];

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook receiver on a free port: answers each path with the status its script gives for
 * that path's nth request (200 once the script runs out), and tells waiters of every request.
 */
export class Receiver {
  readonly requests: Received[] = [];
  readonly scripts = new Map<string, number[]>();
  /** Paths whose next request is held open, never answered (until `close`). */
  readonly holds = new Set<string>();
  readonly #events = new EventEmitter();
  #server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const received = {
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        };
        this.requests.push(received);
        if (this.holds.delete(received.path)) {
          this.#events.emit('request', received);
          return;
        }
        res.statusCode = this.scripts.get(received.path)?.shift() ?? 200;
        res.end();
        this.#events.emit('request', received);
      });
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.port = (this.#server.address() as AddressInfo).port;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  on(path: string): Received[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Resolves once `path` has had `count` requests. */
  waitFor(path: string, count: number): Promise<Received[]> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.on(path).length < count) return;
        this.#events.off('request', check);
        resolve(this.on(path));
      };
      this.#events.on('request', check);
      check();
    });
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }
}

/** The dispatcher's own progress, as `onAttempt` reports it. */
export class Attempts {
  readonly reports: AttemptReport[] = [];
  readonly #events = new EventEmitter();
  readonly record = (report: AttemptReport) => {
    this.reports.push(report);
    this.#events.emit('attempt');
  };

  /** Resolves with the first report (past or future) that `matches`. */
  waitFor(matches: (report: AttemptReport) => boolean): Promise<AttemptReport> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.reports.find(matches);
        if (!found) return;
        this.#events.off('attempt', check);
        resolve(found);
      };
      this.#events.on('attempt', check);
      check();
    });
  }
}

/**
 * For the alert tests of a describe block (or a file): before its tests, starts a webhook receiver,
 * then the graph `start` gives (handed the dispatcher's reports to record); after them, closes that
 * graph, then the receiver. After-hooks registered later run before these (Vitest's stack order).
 */
export function useReceiver(start: (attempts: Attempts) => Promise<Graph>): {
  receiver: Receiver;
  attempts: Attempts;
} {
  const receiver = new Receiver();
  const attempts = new Attempts();
  let graph: Graph | undefined;
  beforeAll(async () => {
    await receiver.start();
    graph = await start(attempts);
  });
  afterAll(async () => {
    await graph?.close();
    await receiver.close();
  });
  return { receiver, attempts };
}

/**
 * The webhook policy GATEWAY_MODE=production gives the incidents service (alertSettingsFromEnv), with
 * the local receiver's address listed as ALERT_WEBHOOK_ALLOWED_HOSTS=127.0.0.1 would list it; one
 * attempt a delivery, so a refused one is DEAD at once.
 */
export const PRODUCTION_ALERTS = {
  policy: { allowLoopback: false, allowedHosts: new Set(['127.0.0.1']) },
  retryBaseMs: 10,
  maxAttempts: 1,
} satisfies StackOptions['alerts'];

export const CREATE = /* GraphQL */ `
  mutation ($input: CreateAlertRuleInput!) {
    createAlertRule(input: $input) {
      signingSecret
      rule {
        id
        name
        channel
        target
        minSeverity
        countryCodes
        categories
        kinds
        paused
        organization {
          id
        }
      }
    }
  }
`;
export const RULES = /* GraphQL */ `
  {
    alertRules {
      id
      paused
      pausedReason
      deliveries(first: 50) {
        totalCount
        edges {
          node {
            id
            status
            attempts
            kind
            lastError
            deliveredAt
            nextAttemptAt
            incident {
              id
            }
          }
        }
      }
    }
  }
`;

export interface RuleView {
  id: string;
  paused: boolean;
  pausedReason: string | null;
  deliveries: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        status: string;
        attempts: number;
        kind: string;
        lastError: string | null;
        deliveredAt: string | null;
        incident: { id: string } | null;
      };
    }[];
  };
}

export async function createRule(graph: Graph, token: string, input: Record<string, unknown>) {
  const created = await graph.query<{
    createAlertRule: { signingSecret: string | null; rule: { id: string } };
  }>(CREATE, { input }, token);
  expect(created.errors).toBeUndefined();
  return created.data!.createAlertRule;
}

export async function rules(graph: Graph, token: string): Promise<RuleView[]> {
  const response = await graph.query<{ alertRules: RuleView[] }>(RULES, {}, token);
  expect(response.errors).toBeUndefined();
  return response.data!.alertRules;
}

export async function report(graph: Graph, org: string, input: Record<string, unknown>): Promise<string> {
  const reported = await graph.query<{ reportIncident: { id: string } }>(
    `mutation ($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
    {
      i: {
        summary: 'Alert test data.',
        category: 'DDOS',
        severity: 'SEVERE',
        tlp: 'GREEN',
        affectedCountryCodes: ['SG'],
        ...input,
      },
    },
    await graph.token(org, [Role.Member]),
  );
  expect(reported.errors).toBeUndefined();
  return reported.data!.reportIncident.id;
}

/** A received request's payload, its Standard Webhooks signature verified with `secret` (else throws). */
export const verified = (received: Received, secret: string): unknown =>
  new Webhook(secret).verify(received.body, {
    'webhook-id': String(received.headers['webhook-id']),
    'webhook-timestamp': String(received.headers['webhook-timestamp']),
    'webhook-signature': String(received.headers['webhook-signature']),
  });

export const incidentOf = (received: Received) =>
  (JSON.parse(received.body) as { incident: { id: string } }).incident.id;
