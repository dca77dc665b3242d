/**
 * Land plots and the land-quota ledger through HTTP (R19, issue #16 item 3): a plot registered and
 * allocated, the half-yearly clearance listing it 圈而不建 (001 §(四)), a revitalisation by one of
 * the four routes (000 §四.5), a terminated project's land reclaimed and its plot back in the reserve
 * after a restart (restart-safe, exactly once), the quota refused beyond the grant and outside the
 * key-project reservation (001 §(二) 有限指标保重点), and the 土地台账 export.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Role } from '../src/auth/roles';
import { lifeUntil } from '../src/demo/project-life';
import { LandReserveReactor } from '../src/land/land-reserve.reactor';
import { authFor, request, send, startTestApp } from './support';

const TODAY = '2024-10-31';
const spec = (projectId: string, totalYi: number) => ({
  projectId,
  unitId: 'jingkaiqu',
  name: `${projectId} 新材料项目`,
  investor: '江苏某新材料有限公司',
  industryChain: '新材料',
  content: '建设高性能复合材料生产线',
  totalYi,
  capturedOn: '2024-02-01',
});

type Http = Awaited<ReturnType<typeof startTestApp>>['http'];

const post = async (
  http: Http,
  url: string,
  body: object,
  role: Role = 'department-reviewer',
  unit = 'region',
) =>
  request(http)
    .post(url)
    .set(await authFor(role, unit))
    .send(body);
const get = async (http: Http, url: string, atLeast?: string) =>
  request(http)
    .get(`${url}${atLeast !== undefined ? `${url.includes('?') ? '&' : '?'}atLeast=${atLeast}` : ''}`)
    .set(await authFor('leading-group-office'));

const register = (plotId: string, mu100: number) => ({
  plotId,
  unitId: 'jingkaiqu',
  location: `经开区 ${plotId} 地块`,
  area: mu100,
  landUse: 'industrial',
  supply: 'transferred',
  registeredOn: '2024-01-10',
});

describe('land plots and the land-quota ledger through HTTP (R19)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-land-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers and allocates a plot, lists it 圈而不建 in the 2024-H2 clearance, records the finding, revitalises another, reclaims the land of a terminated project into the reserve across a restart, and exports the 土地台账', async () => {
    const first = await startTestApp({ dataDir: dir }, TODAY);
    let position = '0';
    try {
      // A signed project (start due 2024-05-26, never started) and a lead that will take over land.
      for (const step of lifeUntil(spec('XM-L-1', 1.5), 'signed'))
        expect((await send(first.http, step)).status).toBeLessThan(300);
      for (const step of lifeUntil(spec('XM-L-2', 0.5), 'lead'))
        expect((await send(first.http, step)).status).toBeLessThan(300);

      expect((await post(first.http, '/plots', register('DK-1', 3000))).status).toBe(201);
      expect((await post(first.http, '/plots', register('DK-2', 5000))).status).toBe(201);
      // An officer of another unit may not register a plot of this unit.
      const outside = await post(
        first.http,
        '/plots',
        register('DK-X', 100),
        'investment-officer',
        'gaoxinqu',
      );
      expect([outside.status, outside.body.code]).toEqual([403, 'OUTSIDE_UNIT']);

      // 供地: the signed project's agreed start (2024-05-26) comes from its agreement.
      const allocated = await post(first.http, '/plots/DK-1/allocation', {
        projectId: 'XM-L-1',
        allocatedOn: '2024-04-01',
      });
      expect(allocated.status).toBe(200);
      const twice = await post(first.http, '/plots/DK-1/allocation', {
        projectId: 'XM-L-2',
        allocatedOn: '2024-04-02',
      });
      expect([twice.status, twice.body.code]).toEqual([422, 'PLOT_NOT_IN_RESERVE']);
      position = allocated.body.position as string;

      // 001 §(四) 每半年土地清理: as of today (before the half-year's end), DK-1 is held without building.
      const clearance = await get(first.http, '/land/clearance?period=2024-H2', position);
      expect(clearance.status).toBe(200);
      expect(clearance.body.data).toMatchObject({
        period: '2024-H2',
        asOf: TODAY,
        noConstruction: [
          {
            plotId: 'DK-1',
            finding: 'no-construction',
            recorded: false,
            occupant: { agreedStartBy: '2024-05-26' },
          },
        ],
        totals: { noConstructionArea: 3000, plots: 1, area: 3000 },
      });
      const flagged = await post(first.http, '/plots/DK-1/flags', {
        flag: 'idle',
        basis: 'no-construction',
        period: '2024-H2',
        on: '2024-10-10',
      });
      expect(flagged.status).toBe(200);
      const idle = await get(first.http, '/land/idle', flagged.body.position as string);
      expect(idle.body.data.totals).toEqual({
        idleArea: 3000,
        lowEfficiencyArea: 0,
        area: 3000,
        plots: 1,
        occupants: 1,
      });

      // 000 §四.5 股权转让: a low-efficiency plot goes to a new occupant.
      expect(
        (await post(first.http, '/plots/DK-2/allocation', { projectId: 'XM-L-2', allocatedOn: '2024-03-01' }))
          .status,
      ).toBe(200);
      expect(
        (
          await post(first.http, '/plots/DK-2/flags', {
            flag: 'low-efficiency',
            basis: 'low-output',
            period: '2024-H1',
            on: '2024-06-28',
          })
        ).status,
      ).toBe(200);
      const notIdle = await post(first.http, '/plots/DK-1/revitalisations', {
        route: 'equity-transfer',
        area: 3000,
        on: '2024-10-12',
        evidence: [],
      });
      expect([notIdle.status, notIdle.body.code]).toEqual([422, 'PLOT_NEW_OCCUPANT_REQUIRED']);
      const revitalised = await post(first.http, '/plots/DK-2/revitalisations', {
        route: 'equity-transfer',
        area: 5000,
        on: '2024-09-01',
        evidence: [],
        newOccupant: 'XM-L-3',
      });
      expect(revitalised.status).toBe(200);
      const byRoute = await get(first.http, '/land/revitalised', revitalised.body.position as string);
      expect(byRoute.body.data.years).toEqual([
        expect.objectContaining({
          year: 2024,
          revitalised: 5000,
          byRoute: expect.objectContaining({ 'equity-transfer': { area: 5000, plots: 1 } }),
        }),
      ]);

      // The project is terminated and its land reclaimed (the project's own commands) …
      expect(
        (
          await post(
            first.http,
            '/projects/XM-L-1/termination',
            { on: '2024-10-15', basis: 'mutual-agreement', reason: '双方协商解除协议' },
            'leading-group-office',
          )
        ).status,
      ).toBeLessThan(300);
      const reclaimed = await post(
        first.http,
        '/projects/XM-L-1/land-reclamation',
        { on: '2024-10-20', area: 30, reason: '协议解除，依约收回土地' },
        'leading-group-office',
      );
      expect(reclaimed.status).toBeLessThan(300);
      position = reclaimed.body.position as string;
      // … while no reactor pass runs (the watcher's timer is off in tests): the server goes down.
    } finally {
      await first.z.app.close();
    }

    // After the restart, one pass finds the reclaimed land and returns its plot to the reserve, once.
    const second = await startTestApp({ dataDir: dir }, TODAY);
    try {
      const reactor = second.z.app.get(LandReserveReactor);
      expect(await reactor.runOnce()).toEqual({ pending: 1, returned: 1, failed: 0 });
      expect(await reactor.runOnce()).toEqual({ pending: 0, returned: 0, failed: 0 });
      const head = (
        await second.z.store.readAll({ direction: 'backwards', maxCount: 1 })
      )[0]!.globalPosition.toString();
      const plot = await get(second.http, '/plots/DK-1', head);
      expect(plot.body.data).toMatchObject({
        status: 'reserve',
        reclaimed: { on: '2024-10-20', fromProject: 'XM-L-1' },
      });
      expect(plot.body.data.occupantId).toBeUndefined();
      const events = await second.z.store.readStream('plot-DK-1');
      expect(
        events.slice(-2).map((e) => [e.type, e.metadata.commandId.replace(/:[^:]+:DK-1:/, ':…:DK-1:')]),
      ).toEqual([
        ['PlotReclaimed', 'land-reclaimed:…:DK-1:reclaim'],
        ['PlotReturnedToReserve', 'land-reclaimed:…:DK-1:reserve'],
      ]);

      // 001 §(二) 有限指标保重点: 100 亩 granted, 40 亩 reserved for key projects.
      const grant = await post(second.http, '/land-quota/2024/grants', {
        grantId: 'ZB-2024-1',
        area: 10000,
        reservedForKeyProjects: 4000,
        grantedOn: '2024-03-15',
        basis: '2024 年第一批用地计划指标',
      });
      expect(grant.status).toBe(201);
      const use = (useId: string, projectId: string, area: number, keyProject: boolean) =>
        post(second.http, '/land-quota/2024/uses', {
          useId,
          projectId,
          area,
          usedOn: '2024-05-01',
          keyProject,
        });
      expect((await use('SY-1', 'XM-L-2', 6000, false)).status).toBe(200);
      const intoReserve = await use('SY-2', 'XM-L-2', 1, false);
      expect([intoReserve.status, intoReserve.body.code]).toEqual([
        422,
        'LAND_QUOTA_RESERVED_FOR_KEY_PROJECTS',
      ]);
      const falseClaim = await use('SY-3', 'XM-L-2', 100, true);
      expect([falseClaim.status, falseClaim.body.code]).toEqual([422, 'LAND_QUOTA_NOT_A_KEY_PROJECT']);
      const overUse = await use('SY-4', 'XM-L-1', 4001, true);
      expect([overUse.status, overUse.body.code]).toEqual([422, 'LAND_QUOTA_EXCEEDED']);
      const keyUse = await use('SY-5', 'XM-L-1', 4000, true);
      expect(keyUse.status).toBe(200);
      const quota = await get(second.http, '/land-quota?year=2024', keyUse.body.position as string);
      expect(quota.body.data).toEqual([
        expect.objectContaining({
          year: 2024,
          granted: 10000,
          reserved: 4000,
          usedFromReserved: 4000,
          usedFromGeneral: 6000,
          left: 0,
        }),
      ]);

      // 土地台账: the plots with 亩均, the clearance list and the quota, as CSV and as a workbook.
      const csv = await request(second.http)
        .get(`/exports/land?format=csv&asOf=${TODAY}`)
        .set(await authFor('leading-group-office'))
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => done(null, text));
        });
      expect(csv.status).toBe(200);
      const lines = (csv.body as string).split('\r\n');
      expect(lines[0]).toContain('亩均产值（亩均效益）（万元/亩）');
      expect(lines.find((l) => l.startsWith('DK-1,'))).toContain(',30.00,');
      const xlsx = await request(second.http)
        .get(`/exports/land?asOf=${TODAY}`)
        .set(await authFor('leading-group-office'));
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    } finally {
      await second.z.app.close();
    }
  }, 120_000);
});
