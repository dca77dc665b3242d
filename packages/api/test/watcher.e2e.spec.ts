import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createApp } from '../src/app';
import { lifeUntil } from '../src/demo/project-life';
import { DeadlineWatcher } from '../src/watcher/deadline-watcher';
import { authFor, movableClock, request, send, startTestApp } from './support';

const spec = {
  projectId: 'XM-W-1',
  unitId: 'jingkaiqu',
  name: '冷链物流园项目',
  investor: '上海某供应链管理有限公司',
  industryChain: '现代物流',
  content: '建设冷库及配送中心',
  totalYi: 1.5,
  capturedOn: '2024-02-01',
};

describe('the deadline watcher', () => {
  it('raises each missed deadline once, across passes and restarts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-watch-'));
    const first = await startTestApp({ dataDir: dir });
    try {
      for (const step of lifeUntil(spec, 'signed'))
        expect((await send(first.http, step)).status).toBeLessThan(300);
      const watcher = first.z.app.get(DeadlineWatcher);
      // Signed 2024-03-27, start due by 2024-05-26: missed on 2024-06-01, the server's today.
      const run = await watcher.runOnce();
      expect(run).toMatchObject({ today: '2024-06-01', checked: 1, raised: 1, failed: 0 });
      expect(await watcher.runOnce()).toMatchObject({ raised: 0 });
      const list = await request(first.http)
        .get('/supervision?asOf=2024-06-01')
        .set(await authFor('supervision-office'));
      // Weekly 包保 visits (R18): this history records no visits; its missed weeks are tested in visits.e2e.spec.ts.
      expect(list.body.data.items.filter((i: { kind: string }) => i.kind !== 'visit-week')).toEqual([
        expect.objectContaining({
          kind: 'milestone',
          projectId: 'XM-W-1',
          milestoneKind: 'agreed-start',
          dueOn: '2024-05-26',
          daysOverdue: 6,
        }),
      ]);
      const events = await first.z.store.readStream('project-XM-W-1');
      expect(events.filter((e) => e.type === 'MilestoneMissed').map((e) => e.metadata.commandId)).toEqual([
        'watch:XM-W-1:2024-06-01',
      ]);
    } finally {
      await first.z.app.close();
    }
    // A restart on the same files: the same day and the next never double the milestone.
    const clock = movableClock('2024-06-01');
    const again = await createApp(first.config, { clock });
    try {
      await again.readModels.waitFor(1n, 1000);
      // R18: a later pass may raise a week without a visit (VisitWeekMissed); deadlines are never doubled.
      const deadlineEvents = async () =>
        (await again.store.readAll()).filter((e) => e.type !== 'VisitWeekMissed').length;
      const before = await deadlineEvents();
      const watcher = again.app.get(DeadlineWatcher);
      expect(await watcher.runOnce()).toMatchObject({ checked: 1, raised: 0 });
      clock.day = '2024-06-03';
      expect(await watcher.runOnce()).toMatchObject({ today: '2024-06-03', raised: 0 });
      expect(await deadlineEvents()).toBe(before);
      // A later deadline is raised when its day has passed: the R8 exit rule, 3 months after signing.
      clock.day = '2024-06-28';
      expect(await watcher.runOnce()).toMatchObject({ today: '2024-06-28', raised: 1 });
    } finally {
      await again.app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
