import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** What a request without a socket address (an in-process call) counts as. */
const UNKNOWN_ADDRESS = 'unknown';

/**
 * Reads `TRUST_PROXY`: a comma-separated list of the proxies in front of the gateway, as IP
 * addresses or CIDR ranges (`10.0.0.0/8,127.0.0.1`). Unset or empty: none, and forwarded headers
 * are never read.
 */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv): string[] {
  const raw = env['TRUST_PROXY']?.trim();
  if (!raw) return [];
  const entries = raw.split(',').map((entry) => entry.trim());
  // Parsed here so a typo fails the start, not the first request.
  new ClientAddresses(entries);
  return entries;
}

/**
 * Who sent a request, for per-client limits (the rate limit, the graphql-ws connection caps).
 *
 * The peer's address, unless the peer is a trusted proxy: then `X-Forwarded-For` is read from the
 * right, hop by hop, while each hop is trusted too, and the first address not trusted is the
 * client (Express's `trust proxy` with a list). Entries further left were written by whoever
 * sent the request to the first proxy, so they are never believed. Node's `BlockList` does the
 * CIDR matching, IPv4-mapped IPv6 addresses included.
 */
export class ClientAddresses {
  readonly #trusted = new BlockList();
  readonly #any: boolean;

  /** @param trustedProxies IP addresses and CIDR ranges (`10.0.0.0/8`, `::1`, `fd00::/8`) */
  constructor(trustedProxies: readonly string[]) {
    for (const entry of trustedProxies) this.#trust(entry);
    this.#any = trustedProxies.length > 0;
  }

  /** The client address of `req`; `unknown` for a request without a socket address. */
  of(req: IncomingMessage | undefined): string {
    const peer = req?.socket?.remoteAddress;
    if (peer === undefined) return UNKNOWN_ADDRESS;
    let client = normalized(peer);
    if (!this.#any || !this.#isTrusted(client)) return client;
    const header = req?.headers['x-forwarded-for'];
    if (typeof header !== 'string') return client;
    const hops = header.split(',');
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = normalized(hops[i]!.trim());
      // A malformed entry breaks the chain: the last proxy that spoke is as far as we can see.
      if (isIP(hop) === 0) return client;
      client = hop;
      if (!this.#isTrusted(hop)) return client;
    }
    return client;
  }

  #isTrusted(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.#trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }

  #trust(entry: string): void {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      rest.length > 0 ||
      (bits !== undefined && (!Number.isInteger(bits) || bits < 0 || bits > maxBits || prefix === ''))
    ) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range such as 10.0.0.0/8.`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) this.#trusted.addAddress(address, type);
    else this.#trusted.addSubnet(address, bits, type);
  }
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are one client; keys and logs use the short form. */
function normalized(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}
