import { vocabulary } from '@zhaoshang/domain';
import { request, startTestApp } from './support';

describe('the dashboard’s vocabulary (GET /dashboard/config.json)', () => {
  it('serves the domain’s vocabulary whole, its event types also under `events` as before', async () => {
    const t = await startTestApp();
    try {
      const res = await request(t.http).get('/dashboard/config.json');
      expect(res.status).toBe(200);
      expect(res.body.vocabulary).toEqual(vocabulary);
      expect(res.body.events).toEqual(vocabulary.eventTypes);
      // The seeds' wording (001 §(三)2 限时办结制; 001 §(四) 限期整改), where the dashboard and the read models disagreed.
      expect(res.body.vocabulary.milestoneKinds['procedure-time-limit']).toEqual({
        zh: '手续限时办结超时',
        en: 'Procedure past its time limit',
      });
      expect(Object.keys(res.body.vocabulary.milestoneKinds)).toContain('exit-no-start');
    } finally {
      await t.close();
    }
  }, 30_000);
});
