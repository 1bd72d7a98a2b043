import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { blockedRange, type PrivateAllowance } from './address-policy.ts';
import { FetchError } from './fetch-error.ts';

/** The shape of `dns.lookup` that `net.connect` calls (with `all: true` under autoSelectFamily). */
export type LookupFunction = (
  hostname: string,
  options: { all?: boolean; family?: number | string; hints?: number },
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

const systemLookup: LookupFunction = (hostname, options, callback) =>
  dnsLookup(hostname, { ...options, all: true } as never, callback as never);

/**
 * A lookup for `net.connect` that refuses a host if any address it resolves to is private,
 * loopback or link-local: checked at connect time, so a DNS answer cannot change after the check.
 */
export function createGuardedLookup(
  allow: PrivateAllowance,
  base: LookupFunction = systemLookup,
): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (err, result) => {
      if (err) return callback(err, []);
      const addresses = (
        Array.isArray(result) ? result : [{ address: result, family: 4 }]
      ) as LookupAddress[];
      for (const a of addresses) {
        const range = blockedRange(a.address, allow);
        if (range) {
          const error = new FetchError(
            'FETCH_BLOCKED_ADDRESS',
            hostname,
            `${hostname} 解析到非公网地址 ${a.address}（${range}），拒绝访问`,
          );
          return callback(error as unknown as NodeJS.ErrnoException, []);
        }
      }
      if (addresses.length === 0) {
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
