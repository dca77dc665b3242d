import { commandRoles, isRestrictedQuery, mayRead } from '../src/auth/permissions';
import { ROLES, type Role } from '../src/auth/roles';
import { allCommandRoutes, allQueryRoutes } from '../src/http/route-table';
import { methodOf } from '../src/http/routes';
import { authFor, request, startTestApp } from './support';

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
