/**
 * What the 大屏 reads (issue #18 item 4), through HTTP on the demo region: the ranking follows the
 * 统计截止 date as every other panel does (a signing after the date does not count), and the year
 * month by month (`GET /targets/:year/trend`) gives the headline figures and the plan's progress.
 */
import type { PerformanceReview, RegisterEntry, TargetTrendView, Page } from '@zhaoshang/projections';
import { authFor, request, startTestApp } from './support';

const TODAY = '2024-10-31';
const YI = 10_000_000_000;

describe('the 大屏 queries on the demo region', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let headers: Record<string, string>;
  const get = async <T>(url: string): Promise<T> => {
    const res = await request(t.http).get(url).set(headers);
    expect([url, res.status]).toEqual([url, 200]);
    return res.body.data as T;
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true }, TODAY);
    const [head] = await t.z.store.readAll({ direction: 'backwards', maxCount: 1 });
    expect(await t.z.readModels.waitFor(head!.globalPosition, 10_000)).toBe(true);
    headers = await authFor('leading-group-office');
  }, 60_000);
  afterAll(() => t?.close());

  it('GET /performance/:period?asOf= leaves out a signing made after the date, and says where the period ended', async () => {
    const register = await get<Page<RegisterEntry>>(`/projects?asOf=${TODAY}&limit=500`);
    // The year's last signing up to today, and its unit.
    const last = register.items
      .filter((e) => e.counted && e.signedOn !== undefined && e.signedOn.startsWith('2024-'))
      .sort((a, b) => (a.signedOn! < b.signedOn! ? 1 : -1))[0]!;
    const dayBefore = new Date(Date.parse(`${last.signedOn!}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const whole = await get<PerformanceReview>('/performance/2024');
    const onTheDay = await get<PerformanceReview>(`/performance/2024?asOf=${last.signedOn!}`);
    const before = await get<PerformanceReview>(`/performance/2024?asOf=${dayBefore}`);
    expect([whole.to, onTheDay.to, before.to]).toEqual(['2024-12-31', last.signedOn, dayBefore]);
    const signings = (r: PerformanceReview) =>
      r.units.find((u) => u.unitId === last.unitId)?.counts.newSignings;
    const signedThatDay = register.items.filter(
      (e) => e.counted && e.unitId === last.unitId && e.signedOn === last.signedOn,
    ).length;
    expect(signings(before)).toBe(signings(onTheDay)! - signedThatDay);
    expect(signedThatDay).toBeGreaterThan(0);
    // A date that is not one is refused, as on every other route.
    const bad = await request(t.http).get('/performance/2024?asOf=2024-1-5').set(headers);
    expect(bad.status).toBe(400);
  });

  it('GET /targets/:year/trend gives the headline figures and the plan month by month, for the region or one unit', async () => {
    const region = await get<TargetTrendView>(`/targets/2024/trend?asOf=${TODAY}`);
    expect(region.months.map((m) => m.month)).toHaveLength(10);
    expect(region.months.at(-1)).toMatchObject({ month: '2024-10', to: TODAY });
    expect(region.plan).toMatchObject({ scope: 'region', unitId: 'xiangshan-district' });
    const register = await get<Page<RegisterEntry>>(`/projects?asOf=${TODAY}&limit=500`);
    const signed = register.items.filter(
      (e) => e.counted && e.signedOn !== undefined && e.signedOn >= '2024-01-01' && e.signedOn <= TODAY,
    );
    const figure = (view: TargetTrendView, metric: string, minInvestment?: number) =>
      view.headline.find((h) => h.metric === metric && h.minInvestment === minInvestment);
    expect(figure(region, 'signedProjects')?.actual).toBe(signed.length);
    expect(figure(region, 'signedProjects', YI)?.actual).toBe(
      signed.filter((e) => e.investment >= YI).length,
    );
    expect(figure(region, 'signedAgreementFunds')?.actual).toBe(signed.reduce((n, e) => n + e.investment, 0));
    expect(figure(region, 'signedProjects')?.series.at(-1)?.cumulative).toBe(signed.length);

    const unit = await get<TargetTrendView>(`/targets/2024/trend?asOf=${TODAY}&unitId=jingkaiqu`);
    expect(unit).toMatchObject({ unitId: 'jingkaiqu', plan: { unitId: 'jingkaiqu', scope: 'unit' } });
    expect(figure(unit, 'signedProjects')?.actual).toBe(
      signed.filter((e) => e.unitId === 'jingkaiqu').length,
    );
    // The plan's progress is the one GET /targets/:unitId/:year/progress answers.
    const progress = await get<unknown>(`/targets/jingkaiqu/2024/progress?asOf=${TODAY}`);
    expect(unit.plan).toEqual(progress);
  });
});
