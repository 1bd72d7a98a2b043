import ipaddr from 'ipaddr.js';

/**
 * Which non-public addresses may be fetched: `false` none (the default), `true` all (tests),
 * or a list of addresses/CIDR blocks (e.g. one intranet mirror).
 */
export type PrivateAllowance = boolean | readonly string[];

/** Parses ALLOW_PRIVATE_FETCH: blank/0 = none, 1/true = all, else comma-separated addresses or CIDRs. */
export function parsePrivateAllowance(raw: string | undefined): PrivateAllowance {
  const value = raw?.trim() ?? '';
  if (value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  const list = value.split(/[,\s]+/).filter(Boolean);
  for (const entry of list) {
    if (!ipaddr.isValid(entry) && !isValidCidr(entry)) {
      throw new Error(`ALLOW_PRIVATE_FETCH: “${entry}” is neither 1, an IP address nor a CIDR block`);
    }
  }
  return list;
}

function isValidCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

function inAllowList(addr: ipaddr.IPv4 | ipaddr.IPv6, list: readonly string[]): boolean {
  return list.some((entry) => {
    const [net, bits] = entry.includes('/')
      ? ipaddr.parseCIDR(entry)
      : [ipaddr.process(entry), entry.includes(':') ? 128 : 32];
    return addr.kind() === net.kind() && addr.match(net, bits);
  });
}

/**
 * The range name (loopback, private, linkLocal, uniqueLocal, …) when `address` is not a public
 * unicast address and is not allowed; undefined when it may be fetched.
 */
export function blockedRange(address: string, allow: PrivateAllowance): string | undefined {
  if (!ipaddr.isValid(address)) return 'invalid';
  // ::ffff:10.0.0.1 is 10.0.0.1
  const addr = ipaddr.process(address);
  const range = addr.range();
  if (range === 'unicast' || allow === true) return undefined;
  if (allow !== false && inAllowList(addr, allow)) return undefined;
  return range;
}

/** Whether a URL host is an IP literal (the connect-time DNS hook never sees those). */
export function literalAddress(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) ? bare : undefined;
}
