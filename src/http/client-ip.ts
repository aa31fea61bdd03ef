// The client's address behind reverse proxies. X-Forwarded-For is appended to by each proxy, so
// only its right-most entries (written by proxies we trust) are facts; everything to the left of
// the first untrusted hop was chosen by the client. TRUST_PROXY says which proxies are trusted:
// a hop count (the socket's peer and the next n − 1 entries from the right) or a list of
// addresses / CIDR ranges (every hop from the right that falls inside them).
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export type ProxyTrust = { hops: number } | { ranges: string[] };

const OFF = ['false', 'no', '0', ''];
const ONE = ['true', 'yes'];

/** Parses TRUST_PROXY: false (default) / true (= 1) / a hop count / a comma list of IPs and CIDRs. Throws with a message. */
export function parseProxyTrust(value: string): ProxyTrust {
  const v = value.trim().toLowerCase();
  if (OFF.includes(v)) return { hops: 0 };
  if (ONE.includes(v)) return { hops: 1 };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 32) throw new Error('a hop count must be at most 32');
    return { hops };
  }
  const ranges = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const r of ranges)
    if (!parseRange(r)) throw new Error(`"${r}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1)`);
  return { ranges };
}

function parseRange(r: string): { addr: string; prefix: number; type: 'ipv4' | 'ipv6' } | null {
  const [addr, bits, ...rest] = r.split('/');
  const family = isIP(addr);
  if (!family || rest.length) return null;
  const max = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d+$/.test(bits) ? Number(bits) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  return { addr, prefix, type: family === 4 ? 'ipv4' : 'ipv6' };
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
const normalise = (a: string) => {
  const s = a.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  return mapped ? mapped[1] : s;
};

/** A function from (socket address, X-Forwarded-For header) to the client's address. */
export function clientAddressResolver(trust: ProxyTrust): (socket: string, forwarded: string | undefined) => string {
  let trusted: (addr: string, hop: number) => boolean;
  if ('hops' in trust) {
    if (trust.hops === 0) return (socket) => socket;
    trusted = (_, hop) => hop < trust.hops;
  } else {
    const list = new BlockList();
    for (const r of trust.ranges) {
      const { addr, prefix, type } = parseRange(r)!;
      list.addSubnet(addr, prefix, type);
    }
    trusted = (addr) => {
      const family = isIP(addr);
      return family !== 0 && list.check(addr, family === 4 ? 'ipv4' : 'ipv6');
    };
  }
  return (socket, forwarded) => {
    // Hops from the nearest: the socket's peer, then the header's entries right to left.
    const hops = [socket, ...(forwarded ?? '').split(',').map(normalise).filter(Boolean).reverse()].map(normalise);
    for (let i = 0; i < hops.length; i++) if (!trusted(hops[i], i)) return hops[i];
    return hops[hops.length - 1]; // every hop trusted: the farthest one is all we know
  };
}

/** The client address of a request under `trust`. */
export function clientAddress(trust: ProxyTrust): (c: Context) => string {
  const resolve = clientAddressResolver(trust);
  return (c) => resolve(socketAddress(c), c.req.header('x-forwarded-for'));
}

/** The socket's peer address ('unknown' for in-process requests, as in tests). */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
