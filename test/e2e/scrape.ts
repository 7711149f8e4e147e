import { expect } from 'vitest';

/** One scrape of a `/metrics` endpoint: the body and a reader for one sample's value. */
export async function scrape(serviceUrl: string) {
  const response = await fetch(new URL('/metrics', serviceUrl));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const body = await response.text();
  return {
    body,
    /** The value of the sample `name{labels}` (labels in any order, others ignored), 0 if absent. */
    value(name: string, labels: Record<string, string> = {}): number {
      const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
      let total = 0;
      for (const line of body.split('\n')) {
        if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
        const labelText = line.slice(name.length).match(/^\{(.*)\}/)?.[1] ?? '';
        if (wanted.every((pair) => labelText.split(',').includes(pair)))
          total += Number(line.split(' ').at(-1));
      }
      return total;
    },
  };
}

/** Scrapes until `check` holds (the hub fans out on its own schedule), failing after `attempts`. */
export async function scrapeUntil(
  serviceUrl: string,
  check: (s: Awaited<ReturnType<typeof scrape>>) => boolean,
) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const scraped = await scrape(serviceUrl);
    if (check(scraped)) return scraped;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error('the metric never reached the expected value');
}
