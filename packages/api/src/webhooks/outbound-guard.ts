import { lookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where webhooks may go (SSRF guard): never to the server's own networks — loopback, private and
 * link-local ranges (169.254.169.254 is a cloud's metadata service), carrier-grade NAT, multicast,
 * reserved — unless configuration allows a network by name (`WEBHOOK_ALLOWED_NETWORKS`, CIDRs: a
 * receiver in the office's own network). The check runs on the address the connection is made
 * to, at connection time (the `lookup` of the request): a name that resolves to a public address
 * when registered and to an internal one later (DNS rebinding) is refused all the same.
 */
const FORBIDDEN: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

/** Networks given as CIDRs (`127.0.0.1/32`, `10.1.2.0/24`, `fd00::/8`); throws on a malformed one. */
const blockListOf = (cidrs: ReadonlyArray<string>): BlockList => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address, prefix] = cidr.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || !/^\d{1,3}$/.test(prefix ?? ''))
      throw new RangeError(`not a network (CIDR): ${JSON.stringify(cidr)}`);
    list.addSubnet(address!, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
};

const forbidden = new BlockList();
for (const [address, prefix, type] of FORBIDDEN) forbidden.addSubnet(address, prefix, type);

/** An address webhooks may not be sent to. */
export class ForbiddenAddressError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_FORBIDDEN';
  constructor(readonly address: string) {
    super(
      `webhooks may not be sent to ${address} (an internal network; WEBHOOK_ALLOWED_NETWORKS allows one)`,
    );
  }
}

/** The outbound policy: the networks allowed although internal. */
export class OutboundGuard {
  private readonly allowed: BlockList;

  constructor(allowedNetworks: ReadonlyArray<string>) {
    this.allowed = blockListOf(allowedNetworks);
  }

  /** Whether a webhook may connect to this IP address. */
  mayConnect(address: string): boolean {
    // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is the IPv4 address it maps.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const ip = mapped ?? address;
    const type = isIP(ip) === 4 ? 'ipv4' : 'ipv6';
    return this.allowed.check(ip, type) || !forbidden.check(ip, type);
  }

  /** A `lookup` for http.request: resolves as usual, then refuses a forbidden address. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !this.mayConnect(a.address));
      if (refused !== undefined || addresses.length === 0)
        return callback(new ForbiddenAddressError(refused?.address ?? hostname), '', 0);
      if (options.all === true) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
