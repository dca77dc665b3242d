import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, type WebhookHeaders } from '../src/webhooks/webhook-signature';
import type { WebhookConfig } from '../src/webhooks/webhook-config';
import { appOnStore, captureLead, storeDir } from './feed-support';
import { authFor, request } from './support';

/** A receiver on the loopback that fails, hangs or answers as the test says, and keeps what it took. */
const receiver = async () => {
  const state = {
    mode: 'ok' as 'ok' | 'fail' | 'hang',
    /** Each try: the event id, and whether its signature verified. */
    tries: [] as Array<{ id: string; mode: string; verified: boolean }>,
    secret: '',
  };
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      } satisfies WebhookHeaders;
      const verified = verifyWebhook(state.secret, headers, body, Date.now() / 1000);
      const id = (JSON.parse(body) as { id: string }).id;
      state.tries.push({ id, mode: state.mode, verified: verified && headers['webhook-id'] === id });
      if (state.mode === 'ok') res.writeHead(204).end();
      else if (state.mode === 'fail') res.writeHead(503).end('down for maintenance');
      else hanging.add(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    /** Event ids taken (answered 2xx), in the order taken. */
    taken: () => state.tries.filter((t) => t.mode === 'ok').map((t) => t.id),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};

const until = async (what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

const FAST: Partial<WebhookConfig> = {
  allowedNetworks: ['127.0.0.1/32'],
  timeoutMs: 300,
  backoffMs: 20,
  backoffMaxMs: 200,
  maxAttempts: 1000,
  pollMs: 20,
};

describe('issue #17 item 3 · webhooks: signed, in order, at least once, through a receiver that fails, hangs and recovers', () => {
  it('a receiver down for a while receives every event once it is back, in order; the checkpoint survives a restart', async () => {
    const dir = storeDir();
    const hook = await receiver();
    const admin = await authFor('leading-group-office');
    let app = await appOnStore(dir.dir, {}, FAST);
    try {
      // Only the administrator registers; an internal address needs WEBHOOK_ALLOWED_NETWORKS.
      await request(app.http)
        .post('/webhooks/subscriptions')
        .set(await authFor('investment-officer', 'jingkaiqu'))
        .send({ url: hook.url })
        .expect(403);
      await request(app.http)
        .post('/webhooks/subscriptions')
        .set(admin)
        .send({ url: 'http://169.254.169.254/latest/meta-data' })
        .expect(400);
      const registered = await request(app.http)
        .post('/webhooks/subscriptions')
        .set(admin)
        .send({ url: hook.url, category: 'project' })
        .expect(201);
      const id = registered.body.id as string;
      hook.state.secret = registered.body.secret as string;
      expect(registered.body).toEqual(expect.objectContaining({ status: 'active', url: hook.url }));
      const listed = await request(app.http).get('/webhooks/subscriptions').set(admin).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(hook.state.secret);

      // Down: answers 503, then hangs past the timeout; the events wait, in order.
      hook.state.mode = 'fail';
      for (const p of ['XM-W-1', 'XM-W-2', 'XM-W-3']) await captureLead(app.http, p);
      await until('three failed tries', () => hook.state.tries.length >= 3);
      hook.state.mode = 'hang';
      await until('a hanging try', () => hook.state.tries.some((t) => t.mode === 'hang'));
      await new Promise((resolve) => setTimeout(resolve, 400));
      // Back.
      hook.state.mode = 'ok';
      await until('three events taken', () => hook.taken().length >= 3);
      const stored = (await app.z.store.readAll()).filter((e) => e.streamName.startsWith('project-'));
      expect(hook.taken()).toEqual(stored.map((e) => e.metadata.eventId));
      // Every try carried a valid signature, and the same webhook-id for the same event.
      expect(hook.state.tries.every((t) => t.verified)).toBe(true);
      expect(new Set(hook.state.tries.filter((t) => t.mode !== 'ok').map((t) => t.id))).toEqual(
        new Set([stored[0]!.metadata.eventId]),
      );

      // The log says what happened: failures (an HTTP status, a timeout), then the deliveries.
      const log = await request(app.http)
        .get(`/webhooks/subscriptions/${id}/deliveries`)
        .set(admin)
        .expect(200);
      const outcomes = (
        log.body.data as Array<{ outcome: string; status: number | null; error: string | null }>
      )
        .slice()
        .reverse();
      expect(outcomes.filter((o) => o.outcome === 'delivered')).toHaveLength(3);
      expect(outcomes.some((o) => o.status === 503)).toBe(true);
      expect(outcomes.some((o) => o.error?.includes('no answer within 300 ms'))).toBe(true);

      // Restart on the same data: nothing is delivered twice, the next event comes.
      await app.z.app.close();
      app = await appOnStore(dir.dir, {}, FAST);
      await captureLead(app.http, 'XM-W-4');
      await until('the fourth event', () => hook.taken().length >= 4);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = (await app.z.store.readAll()).filter((e) => e.streamName.startsWith('project-'));
      expect(hook.taken()).toEqual(after.map((e) => e.metadata.eventId));
    } finally {
      await app.z.app.close();
      await hook.close();
      dir.remove();
    }
  }, 120_000);

  it('after the documented number of tries the subscription is dead-lettered; an administrator replays it', async () => {
    const dir = storeDir();
    const hook = await receiver();
    const admin = await authFor('leading-group-office');
    const app = await appOnStore(dir.dir, {}, { ...FAST, maxAttempts: 3 });
    try {
      await captureLead(app.http, 'XM-X-1');
      const registered = await request(app.http)
        .post('/webhooks/subscriptions')
        .set(admin)
        .send({ url: hook.url, from: 'start' })
        .expect(201);
      const id = registered.body.id as string;
      hook.state.secret = registered.body.secret as string;
      hook.state.mode = 'fail';
      const status = async () =>
        (
          (await request(app.http).get('/webhooks/subscriptions').set(admin)).body.data as Array<{
            status: string;
          }>
        )[0]!.status;
      await until('three tries', () => hook.state.tries.length >= 3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hook.state.tries).toHaveLength(3);
      expect(await status()).toBe('dead-letter');
      const log = await request(app.http)
        .get(`/webhooks/subscriptions/${id}/deliveries`)
        .set(admin)
        .expect(200);
      expect((log.body.data as Array<{ outcome: string; attempt: number }>)[0]).toEqual(
        expect.objectContaining({ outcome: 'dead-letter', attempt: 3 }),
      );
      hook.state.mode = 'ok';
      await request(app.http).post(`/webhooks/subscriptions/${id}/replay`).set(admin).send({}).expect(200);
      await until('the event taken', () => hook.taken().length === 1);
      expect(await status()).toBe('active');
    } finally {
      await app.z.app.close();
      await hook.close();
      dir.remove();
    }
  }, 60_000);
});
