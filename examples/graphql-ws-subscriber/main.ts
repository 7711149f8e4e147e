/**
 * `node --import tsx examples/graphql-ws-subscriber/main.ts` against `npm start`: prints major
 * incident updates as they happen, and after a disconnect or a restart resumes behind the last
 * update it printed. Stop it with Ctrl-C.
 *
 * Environment: GRAPH_WS_URL (default ws://localhost:4000/graphql); TOKEN, a bearer token from
 * `npm run token`; CURSOR_FILE, where the last cursor is kept across restarts (default
 * major-incidents.cursor in the system's temporary directory).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { followMajorIncidents, type Follower } from './subscriber.ts';

const url = process.env['GRAPH_WS_URL'] ?? 'ws://localhost:4000/graphql';
const token = process.env['TOKEN'];
const cursorFile = process.env['CURSOR_FILE'] ?? join(tmpdir(), 'major-incidents.cursor');
const RECONNECT_DELAY_MS = 2_000;

let cursor = existsSync(cursorFile) ? readFileSync(cursorFile, 'utf8').trim() || null : null;
let stopping = false;
let current: Follower | undefined;
process.once('SIGINT', () => {
  stopping = true;
  void current?.close();
});

while (!stopping) {
  console.log(cursor ? `Resuming after ${cursor}` : 'Following live updates');
  current = followMajorIncidents({
    url,
    token,
    after: cursor,
    onUpdate(update) {
      const change = update.previousSeverity ? ` (was ${update.previousSeverity})` : '';
      console.log(
        `${update.occurredAt} ${update.type} [${update.severity}${change}] ${update.incident.title}, ` +
          `reported by ${update.incident.reportedBy.name}`,
      );
      cursor = update.cursor;
      writeFileSync(cursorFile, cursor);
    },
  });
  const reason = await current.closed;
  if (stopping) break;
  console.log(`Subscription ended: ${reason}. Reconnecting in ${RECONNECT_DELAY_MS / 1000} s.`);
  await delay(RECONNECT_DELAY_MS);
}
