import { OutboundGuard } from './outbound-guard';

describe('webhooks go to public addresses only, unless configuration allows a network (issue #17 item 3, SSRF)', () => {
  const guard = new OutboundGuard([]);

  it('refuses loopback, private, link-local (cloud metadata), CGNAT, multicast and their IPv6 forms', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.5',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::ffff:127.0.0.1',
      'fd12:3456::1',
      'fe80::1',
    ])
      expect([address, guard.mayConnect(address)]).toEqual([address, false]);
  });

  it('lets public addresses through', () => {
    for (const address of ['8.8.8.8', '203.119.1.1', '2400:3200::1'])
      expect([address, guard.mayConnect(address)]).toEqual([address, true]);
  });

  it('allows a network named in WEBHOOK_ALLOWED_NETWORKS, and only that one', () => {
    const office = new OutboundGuard(['10.1.2.0/24', '127.0.0.1/32']);
    expect(office.mayConnect('10.1.2.9')).toBe(true);
    expect(office.mayConnect('127.0.0.1')).toBe(true);
    expect(office.mayConnect('10.1.3.9')).toBe(false);
    expect(office.mayConnect('127.0.0.2')).toBe(false);
    expect(() => new OutboundGuard(['10.1.2.0'])).toThrow(RangeError);
  });

  it('checks the address a name resolves to when connecting (localhost is loopback)', async () => {
    const resolve = (g: OutboundGuard) =>
      new Promise<string>((ok, fail) =>
        g.lookup('localhost', { family: 4 }, (error, address) => (error ? fail(error) : ok(String(address)))),
      );
    await expect(resolve(guard)).rejects.toMatchObject({ code: 'WEBHOOK_ADDRESS_FORBIDDEN' });
    await expect(resolve(new OutboundGuard(['127.0.0.0/8']))).resolves.toBe('127.0.0.1');
  });
});
