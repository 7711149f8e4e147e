import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { serveChangeFeed, type ChangeSource } from '@cadg/platform';
import { FeedClient } from '../src/response-cache/feed-client.ts';
import { DataVersions } from '../src/response-cache/versions.ts';

/**
 * A change record held in memory, served by the platform's real feed code over real HTTP: the
 * gateway side cannot tell it from a subgraph's (whose record is a database table).
 */
class ChangeRecord implements ChangeSource {
  readonly ids: number[] = [];
  readonly #watchers = new Set<(version?: number) => void>();

  commit(): number {
    const id = (this.ids.at(-1) ?? 0) + 1;
    this.ids.push(id);
    for (const watcher of this.#watchers) watcher(id);
    return id;
  }

  async head(): Promise<number> {
    return this.ids.at(-1) ?? 0;
  }

  async after(id: number, limit: number) {
    return this.ids
      .filter((x) => x > id)
      .slice(0, limit)
      .map((x) => ({ id: x, entities: [] }));
  }

  async watch(onChange: (version?: number) => void) {
    this.#watchers.add(onChange);
    return async () => void this.#watchers.delete(onChange);
  }
}

let server: Server | undefined;
let client: FeedClient | undefined;
afterEach(async () => {
  await client?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
});

it("starts a subgraph's feed over when a mutation's version is unknown, trusting nothing of it until the new stream", async () => {
  const record = new ChangeRecord();
  record.commit();
  let streams = 0;
  server = createServer((req, res) => {
    streams++;
    serveChangeFeed(req, res, record, undefined);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const versions = new DataVersions(['incidents']);
  const errors: unknown[] = [];
  client = new FeedClient('incidents', url, versions, {
    signingSecret: undefined,
    heartbeatMs: 50,
    onError: (_subgraph, error) => errors.push(error),
  });
  client.start();
  await versions.until(() => versions.version('incidents') === 1, 5_000);
  expect(streams).toBe(1);

  // A mutation answered `incidents=unknown`: from that moment no entry of incidents is current.
  versions.resync('incidents');
  expect(versions.version('incidents')).toBeUndefined();
  expect(versions.isCurrent({ incidents: 1 })).toBe(false);

  // The change the mutation made (committed, its version unread) is known once the new stream speaks.
  record.commit();
  await versions.until(() => versions.version('incidents') === 2, 5_000);
  expect(streams).toBe(2);
  // Starting over is not a failure: nothing is logged as a lost feed.
  expect(errors).toEqual([]);
});
