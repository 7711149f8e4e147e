import type { VerificationPinger } from './verification-pings.ts';

/**
 * Runs the pinger's sweep every `sweepMs` (never two at once in this process; replicas share the
 * work through row locks). Off when `sweepMs` is 0 or no SMTP server is configured.
 */
export class VerificationJob {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(
    private readonly pinger: VerificationPinger,
    private readonly onError: (error: unknown) => void = (error) =>
      console.error('[contacts] contact verification job failed', error),
  ) {}

  start(): void {
    if (this.pinger.settings.sweepMs === 0 || !this.pinger.enabled) return;
    this.#schedule(0);
  }

  /** Stops the timer and waits for a sweep in progress (its e-mails included) to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.pinger
        .sweep()
        .then((result) => this.pinger.settings.onSweep?.(result), this.onError)
        .finally(() => this.#schedule(this.pinger.settings.sweepMs));
    }, delayMs);
    this.#timer.unref();
  }
}
