import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkedLookup, hostOf, refusedWebhookUrl, type WebhookTargetPolicy } from '../alerts/policy.ts';
import type { MispFeedHeader } from '@cadg/db/incidents-misp';

/**
 * Reads one JSON file of a MISP feed under the outbound-address policy the webhook alerts use
 * (alerts/policy.ts): the address connected to is checked, so a feed URL cannot reach loopback,
 * private or metadata addresses in production, even through DNS re-pointed after it was added.
 * Node's `fetch` takes no `lookup`, so this uses node:http as the webhook sender does.
 *
 * Errors never quote the feed's headers (API keys) nor the URL (which may carry a key in its
 * query): they name the file and what went wrong.
 */

export interface FetchSettings {
  policy: WebhookTargetPolicy;
  /** How long one request may take. */
  timeoutMs: number;
  /** The largest body read (a 10,000-attribute event is about 3 MB). */
  maxBytes: number;
}

export class FeedFetchError extends Error {}

export async function fetchFeedJson(
  base: string,
  file: string,
  headers: readonly MispFeedHeader[],
  settings: FetchSettings,
  /** Aborts the request when the puller stops. */
  stop?: AbortSignal,
): Promise<unknown> {
  const target = `${base}/${file}`;
  const refusal = refusedWebhookUrl(target, settings.policy);
  if (refusal) throw new FeedFetchError(`${file}: refused: ${refusal.replace(/webhooks/g, 'feeds')}`);
  const url = new URL(target);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  let response: IncomingMessage;
  try {
    response = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = request(url, {
        method: 'GET',
        headers: {
          ...Object.fromEntries(headers.map((h) => [h.name, h.value])),
          accept: 'application/json',
          'user-agent': 'cadg-misp-feed/1',
        },
        lookup: checkedLookup(hostOf(url), settings.policy),
        signal: stop
          ? AbortSignal.any([AbortSignal.timeout(settings.timeoutMs), stop])
          : AbortSignal.timeout(settings.timeoutMs),
      });
      outgoing.on('response', resolve);
      outgoing.on('error', reject);
      outgoing.end();
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'EREFUSED_TARGET'
        ? String((error as Error).message).replace(/webhooks/g, 'feeds')
        : typeof code === 'string'
          ? code
          : (error as Error).name;
    throw new FeedFetchError(`${file}: could not be fetched (${reason}).`);
  }
  const status = response.statusCode ?? 0;
  if (status !== 200) {
    response.resume();
    throw new FeedFetchError(`${file}: the feed answered HTTP ${status}.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > settings.maxBytes) {
        response.destroy();
        throw new FeedFetchError(`${file}: larger than ${settings.maxBytes} bytes.`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw new FeedFetchError(`${file}: the answer was cut off.`);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new FeedFetchError(`${file}: not JSON.`);
  }
}
