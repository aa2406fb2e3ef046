/**
 * Which reverse proxies' `X-Forwarded-*` headers the server believes.
 *
 * A client can write any `X-Forwarded-For` it likes; each proxy appends the
 * address it was reached from. So only the hops the shop's own proxies added
 * are true, and they are the rightmost ones: the client's address is found by
 * walking from the socket leftwards past the trusted proxies, never by taking
 * the first (client-written) hop.
 */
import { BlockList, isIP } from 'node:net';

/**
 * `false`: no proxy, the socket's address is the client's. A number: that many
 * proxies stand in front of the server (a load balancer and a CDN are 2). A
 * list: the addresses and CIDR ranges of the proxies (`10.0.0.0/8`, `::1`).
 */
export type TrustProxy = false | number | string[];

/** Reads `SHOPFRONT_TRUST_PROXY`: `0`/`false`, a hop count, or a comma-separated list; throws a sentence naming the rule. */
export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (text === '' || text === '0' || text === 'false') return false;
  // `true` meant "one proxy" before counts and lists existed.
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (count > 32)
      throw new Error(`SHOPFRONT_TRUST_PROXY must be a hop count from 0 to 32 or a list of addresses and CIDR ranges, got "${value}"`);
    return count;
  }
  const list = text.split(',').map((entry) => entry.trim());
  for (const entry of list) {
    if (!parseRange(entry)) {
      throw new Error(`SHOPFRONT_TRUST_PROXY: "${entry}" is not an IP address or CIDR range (like 10.0.0.0/8 or ::1)`);
    }
  }
  return list;
}

/** `a.b.c.d`, `a.b.c.d/n`, an IPv6 address or range: the address, its family and prefix; undefined when malformed. */
function parseRange(entry: string): { address: string; family: 'ipv4' | 'ipv6'; prefix: number } | undefined {
  const [address = '', prefixText, extra] = entry.split('/');
  const version = isIP(address);
  if (!version || extra !== undefined) return undefined;
  const bits = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d+$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  return { address, family: version === 4 ? 'ipv4' : 'ipv6', prefix };
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

export interface ProxyTrust {
  /** The client's address, from the socket's and the request's `X-Forwarded-For`. */
  clientAddress(socketAddress: string, forwardedFor: string | undefined): string;
  /** Whether the socket's peer is one of the shop's proxies, so its `X-Forwarded-Proto`/`-Host` are believed. */
  trustsPeer(socketAddress: string): boolean;
}

export function proxyTrust(setting: TrustProxy): ProxyTrust {
  const ranges = new BlockList();
  if (Array.isArray(setting)) {
    for (const entry of setting) {
      const range = parseRange(entry)!;
      ranges.addSubnet(range.address, range.prefix, range.family);
    }
  }
  const trusted = (address: string, position: number): boolean => {
    if (setting === false) return false;
    if (typeof setting === 'number') return position < setting;
    const version = isIP(address);
    return version !== 0 && ranges.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
  return {
    clientAddress(socketAddress, forwardedFor) {
      // Nearest first: the socket's peer, then each hop from the right.
      const chain = [socketAddress, ...(forwardedFor ?? '').split(',').reverse()].map(normalise).filter(Boolean);
      let index = 0;
      while (index < chain.length - 1 && trusted(chain[index]!, index)) index++;
      return chain[index]!;
    },
    trustsPeer: (socketAddress) => trusted(normalise(socketAddress), 0),
  };
}
