/** The state of the live connection, as the indicator shows it. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

/** A tiny store of the connection state for `useSyncExternalStore`. */
export class ConnectionStatus {
  private state: ConnectionState = 'connecting';
  private readonly listeners = new Set<() => void>();

  readonly get = (): ConnectionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
