import {
  commandRoles,
  isRestrictedQuery,
  isUnitScopedRead,
  mayRead,
  unitScopedReads,
} from '../src/auth/permissions';
import { ROLES, UNIT_SCOPED_ROLES, type Role } from '../src/auth/roles';
import { allCommandRoutes, allQueryRoutes, exchangeRoutes } from '../src/http/route-table';
import type { ExchangeRoute } from '../src/http/routes';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { methodOf } from '../src/http/routes';
import { authFor, leadIn, request, send, startTestApp } from './support';

/** A path with every parameter filled in (the values need not exist: access is decided first). */
const concrete = (path: string) =>
  path.replace(/:(\w+)/g, (_, name: string) =>
    name === 'year' ? '2024' : name === 'period' ? '2024-Q1' : `X-${name}`,
  );

describe('role matrix: every route × every role, from the permission table', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const auth = new Map<Role, Record<string, string>>();
  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) auth.set(role, await authFor(role, 'jingkaiqu'));
  });
  afterAll(() => t.close());

  it('covers every command of the table with a route', () => {
    expect(allCommandRoutes.map((r) => r.command).sort()).toEqual(Object.keys(commandRoles).sort());
  });

  describe.each(allCommandRoutes.map((r) => [r.command, r] as const))('%s', (_name, route) => {
    const path = concrete(route.path);
    it('no credentials → 401', async () => {
      expect((await request(t.http)[methodOf(route)](path).send({})).status).toBe(401);
    });
    it.each([...ROLES])('%s', async (role) => {
      const res = await request(t.http)[methodOf(route)](path).set(auth.get(role)!).send({});
      const allowed = (commandRoles[route.command] as ReadonlyArray<Role>).includes(role);
      if (allowed) {
        expect([401, 403]).not.toContain(res.status);
        expect(res.status).toBe(400); // the empty body never reaches the domain
      } else {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ROLE_NOT_ALLOWED');
      }
    });
  });

  describe.each(allQueryRoutes.map((r) => [r.name, r] as const))('GET %s', (_name, route) => {
    const path = concrete(route.path);
    it('no credentials → 401', async () => {
      expect((await request(t.http).get(path)).status).toBe(401);
    });
    it('every role may read (auditors read everything), but a restricted read only its roles', async () => {
      for (const role of ROLES) {
        const res = await request(t.http).get(path).set(auth.get(role)!);
        if (isRestrictedQuery(route.name) && !mayRead(role, route.name)) {
          expect(res.status).toBe(403);
          expect(res.body.code).toBe('ROLE_NOT_ALLOWED');
        } else expect([401, 403, 500]).not.toContain(res.status);
      }
    });
  });

  it('audit reads: auditors and the two supervising offices; the whole store: auditors only', () => {
    const audit = allQueryRoutes.filter((r) => r.path.startsWith('/audit/'));
    expect(audit.map((r) => r.name).sort()).toEqual([
      'AuditProjectBundle',
      'AuditStateAsOf',
      'AuditStateDiff',
      'AuditStoreBundle',
      'AuditStoreVerification',
      'AuditStreamVerification',
    ]);
    for (const route of audit) {
      const readers = ROLES.filter((role) => isRestrictedQuery(route.name) && mayRead(role, route.name));
      const wholeStore = route.path === '/audit/verification' || route.path === '/audit/bundle';
      expect([route.name, readers]).toEqual([
        route.name,
        wholeStore ? ['auditor'] : ['leading-group-office', 'supervision-office', 'auditor'],
      ]);
    }
  });

  it('auditors issue no command at all', () => {
    for (const roles of Object.values(commandRoles))
      expect(roles as ReadonlyArray<string>).not.toContain('auditor');
  });
});

/** A read's path for a unit: its unit (path parameter or `?unitId=`) or a project of that unit. */
const readPath = (route: (typeof allQueryRoutes)[number], unitId: string, projectId: string): string => {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
    name === 'year'
      ? '2024'
      : name === 'period'
        ? '2024-Q1'
        : name === 'unitId'
          ? unitId
          : name === 'projectId'
            ? projectId
            : `X-${name}`,
  );
  const scope = isUnitScopedRead(route.name) ? (unitScopedReads[route.name] as { unitParam?: string }) : {};
  return scope.unitParam !== undefined && !route.path.includes(`:${scope.unitParam}`)
    ? `${path}?${scope.unitParam}=${unitId}`
    : path;
};

describe('role matrix for reads: every query route × every role, by unit (issue #13 item 4)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const auth = new Map<Role, Record<string, string>>();
  const project = leadIn;
  let position = '0';
  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) auth.set(role, await authFor(role, 'jingkaiqu'));
    for (const [id, unit] of [
      ['XM-OWN-1', 'jingkaiqu'],
      ['XM-OTHER-1', 'gaoxinqu'],
    ] as const) {
      const res = await send(t.http, project(id, unit));
      expect(res.status).toBe(201);
      position = res.body.position as string;
    }
  }, 60_000);
  afterAll(() => t.close());

  it('the unit-scoped reads are the projects, their histories, the lists and the register export', () => {
    expect(Object.keys(unitScopedReads).sort()).toEqual(
      [
        'ExportRegister',
        'GetFulfilment',
        'GetProject',
        'GetProjectHistory',
        'GetProjectRegister',
        'GetSupervisionList',
        // land (R19)
        'ExportLand',
        'GetIdleLand',
        'GetLandClearance',
        'GetPlots',
        'GetRevitalisedLand',
        // Leading-group meetings (R20): an officer's 交办 items are their unit's
        'GetMeetingItems',
        // the investor directory (客商目录, 002 §一): an officer reads their unit's investors
        'ExportInvestors',
        'GetInvestor',
        'SearchInvestors',
      ].sort(),
    );
    expect([...UNIT_SCOPED_ROLES]).toEqual(['investment-officer']);
  });

  describe.each(allQueryRoutes.map((r) => [r.name, r] as const))('GET %s', (_name, route) => {
    it.each([...ROLES])('%s reading another unit (gaoxinqu) and its own (jingkaiqu)', async (role) => {
      const other = await request(t.http)
        .get(readPath(route, 'gaoxinqu', 'XM-OTHER-1'))
        .set(auth.get(role)!);
      const own = await request(t.http)
        .get(readPath(route, 'jingkaiqu', 'XM-OWN-1'))
        .set(auth.get(role)!);
      if (isRestrictedQuery(route.name) && !mayRead(role, route.name)) {
        expect([other.status, own.status]).toEqual([403, 403]);
        return;
      }
      expect([401, 403, 500]).not.toContain(own.status);
      if (UNIT_SCOPED_ROLES.has(role) && isUnitScopedRead(route.name)) {
        expect(other.status).toBe(403);
        expect(other.body).toMatchObject({
          code: 'OUTSIDE_UNIT',
          params: { unitId: 'gaoxinqu', actorUnitId: 'jingkaiqu' },
        });
      } else expect([401, 403, 500]).not.toContain(other.status);
    });
  });

  it('an officer’s list without unitId is their unit’s; a region-wide role’s is every unit’s', async () => {
    const officer = await request(t.http)
      .get(`/projects?atLeast=${position}`)
      .set(auth.get('investment-officer')!);
    expect(officer.body.data.items.map((e: { projectId: string }) => e.projectId)).toEqual(['XM-OWN-1']);
    const supervision = await request(t.http)
      .get(`/projects?atLeast=${position}`)
      .set(auth.get('supervision-office')!);
    expect(supervision.body.data.items.map((e: { projectId: string }) => e.projectId).sort()).toEqual([
      'XM-OTHER-1',
      'XM-OWN-1',
    ]);
    const csv = await request(t.http)
      .get('/exports/register?format=csv')
      .set(auth.get('investment-officer')!)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => done(null, text));
      });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('jingkaiqu 的项目');
    expect(csv.body).not.toContain('gaoxinqu 的项目');
  });
});

// The exchange with other systems (feed, webhooks, import), in the OpenAPI document since issue #18
/** Opens a request that never ends (Server-Sent Events), reads its status and headers, and aborts it. */
const statusAndHeaders = (port: number, path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      req.destroy();
    });
    req.on('error', reject);
  });

describe('role matrix for the exchange routes: feed, webhooks, import × every role (issue #18 item 7)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let port = 0;
  const auth = new Map<Role, Record<string, string>>();
  beforeAll(async () => {
    t = await startTestApp();
    await t.z.app.listen(0, '127.0.0.1');
    port = (t.z.app.getHttpServer().address() as AddressInfo).port;
    for (const role of ROLES) auth.set(role, await authFor(role, 'jingkaiqu'));
  }, 60_000);
  afterAll(() => t.close());

  const call = (route: ExchangeRoute, headers: Record<string, string>) => {
    const req = request(t.http)[route.method === 'GET' ? 'get' : route.method === 'PUT' ? 'put' : 'post'](
      route.sample,
    );
    return route.sampleBody !== undefined
      ? req.set(headers).send(route.sampleBody as object)
      : req.set(headers);
  };

  it('lists the feed’s, the webhooks’ and the import’s routes', () => {
    expect(exchangeRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /feed',
      'GET /feed/stream',
      'GET /imports/profiles',
      'GET /imports/profiles/:name',
      'GET /webhooks/subscriptions',
      'GET /webhooks/subscriptions/:id/deliveries',
      'POST /imports',
      'POST /imports/dry-run',
      'POST /webhooks/subscriptions',
      'POST /webhooks/subscriptions/:id/replay',
      'PUT /imports/profiles/:name',
    ]);
  });

  describe.each(exchangeRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_name, route) => {
    it('no credentials → 401', async () => {
      expect((await call(route, {})).status).toBe(401);
    });
    it.each([...ROLES])('%s', async (role) => {
      const allowed = route.roles === undefined || (route.roles as ReadonlyArray<Role>).includes(role);
      if (route.eventStream === true) {
        // The stream never ends: its status and headers say it opened, then the test hangs up.
        const res = await statusAndHeaders(port, route.sample, auth.get(role)!);
        expect(res.status).toBe(allowed ? 200 : 403);
        if (allowed) expect(res.headers['content-type']).toContain('text/event-stream');
        return;
      }
      const res = await call(route, auth.get(role)!);
      if (allowed) expect([401, 403, 500]).not.toContain(res.status);
      else expect([res.status, res.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    });
  });
});
