import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Where webhooks may point (README, Alerts). */
export interface WebhookTargetPolicy {
  /** Production refuses loopback too; the embedded default allows it for a local receiver. */
  allowLoopback: boolean;
  /** Host names (lower case) exempt from the address check: ALERT_WEBHOOK_ALLOWED_HOSTS. */
  allowedHosts: ReadonlySet<string>;
}

/**
 * Why an address may not receive webhooks, or null when it may. Only globally routed unicast
 * addresses pass: loopback, private (RFC 1918, unique-local), link-local (where cloud metadata
 * services answer, e.g. 169.254.169.254 and fd00:ec2::254), carrier-grade NAT (Alibaba's
 * 100.100.100.200), multicast, reserved and unspecified ranges are refused. IPv4-mapped IPv6
 * addresses are judged as the IPv4 address they carry. ipaddr.js knows the IANA ranges; a
 * hand-written list would miss some.
 */
export function refusedAddress(address: string, policy: WebhookTargetPolicy): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address.`;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && policy.allowLoopback) return null;
  return `${address} is a ${range} address, where webhooks may not point.`;
}

/** The URL's host without IPv6 brackets, lower case. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Why a webhook URL is refused as a target before any DNS lookup, or null: only http(s), no
 * credentials in the URL, and a host that is allowed by name or is not a refused address
 * literal or a name every resolver keeps local (`localhost`, `*.localhost`). Names are checked
 * again, address by address, when a delivery connects (`checkedLookup`).
 */
export function refusedWebhookUrl(target: string, policy: WebhookTargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'The target is not a URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'The target must be an http or https URL.';
  if (url.username || url.password)
    return 'The target must not carry credentials; sign with the secret instead.';
  const host = hostOf(url);
  if (policy.allowedHosts.has(host)) return null;
  if (ipaddr.isValid(host)) return refusedAddress(host, policy);
  if (!policy.allowLoopback && (host === 'localhost' || host.endsWith('.localhost')))
    return `${host} is a loopback name, where webhooks may not point.`;
  return null;
}

/**
 * A `lookup` for http.request that resolves as usual and then refuses the connection when any
 * address the name resolved to is refused: the address checked is the address connected to, so
 * a name re-pointed after the rule was created (DNS rebinding) cannot reach the inside.
 */
export function checkedLookup(host: string, policy: WebhookTargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const all: LookupAllOptions = { ...options, all: true };
    dnsLookup(hostname, all, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!policy.allowedHosts.has(host)) {
        const refusal = addresses.map((a) => refusedAddress(a.address, policy)).find((r) => r !== null);
        if (refusal)
          return callback(
            Object.assign(new Error(`${hostname}: ${refusal}`), { code: 'EREFUSED_TARGET' }),
            '',
            0,
          );
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new Error(`${hostname} resolved to no address.`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
