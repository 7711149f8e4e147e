import type { Database } from './database.ts';

export interface Listening {
  stop(): Promise<void>;
}

/**
 * LISTENs on a channel on either driver. `onListening` runs whenever the listen is (re)established:
 * postgres.js re-listens by itself after a lost connection, and notifications sent while it was
 * down are gone, so callers catch up from their tables there.
 */
export async function listen(
  database: Database,
  channel: string,
  onNotify: (payload: string) => void,
  onListening: () => void,
): Promise<Listening> {
  if (database.kind === 'postgres') {
    const { unlisten } = await database.client.listen(channel, onNotify, onListening);
    return { stop: unlisten };
  }
  // PGlite runs in this process and has one connection: NOTIFY reaches LISTENers within it only.
  const unsubscribe = await database.client.listen(channel, onNotify);
  onListening();
  return { stop: unsubscribe };
}
