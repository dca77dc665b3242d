import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openSqliteEventStore } from '@zhaoshang/eventstore';
import type { App } from 'supertest/types';
import { createApp, type ZhaoshangApp } from '../src/app';
import { fixedDayClock } from '../src/clock';
import type { ApiConfig } from '../src/config';
import type { FeedConfig } from '../src/feed/feed-config';
import { authFor, request, startTestApp } from './support';

/** A lead as an officer of `unitId` registers it. */
export const lead = (projectId: string, unitId = 'jingkaiqu') => ({
  projectId,
  unitId,
  name: `项目 ${projectId}`,
  investor: { name: '江苏某新材料有限公司' },
  industryChain: '新材料',
  content: '建设碳纤维复合材料生产线',
  channel: 'industrial-chain',
  intendedInvestment: 30000000000,
  capturedOn: '2024-03-03',
});

/** Captures a lead over HTTP as an officer of its unit. */
export const captureLead = async (http: App, projectId: string, unitId = 'jingkaiqu'): Promise<void> => {
  await request(http)
    .post('/projects')
    .set(await authFor('investment-officer', unitId))
    .send(lead(projectId, unitId))
    .expect(201);
};

/** The configuration of the test apps (startTestApp's), read once. */
let testConfig: ApiConfig | undefined;
const baseConfig = async (): Promise<ApiConfig> => {
  if (testConfig === undefined) {
    const t = await startTestApp();
    testConfig = t.config;
    await t.close();
  }
  return testConfig;
};

/** A directory of its own for a store that outlives one app (a restart opens it again). */
export const storeDir = (): { readonly dir: string; readonly remove: () => void } => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-feed-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

/**
 * An app on the embedded store file of `dir`, with sparse positions beyond 2^53 (a feed that
 * computed with a position, or compared it as text, fails on them), today pinned.
 */
export const appOnStore = async (
  dir: string,
  feed: Partial<FeedConfig> = {},
): Promise<{ readonly z: ZhaoshangApp; readonly http: App; readonly config: ApiConfig }> => {
  const base = await baseConfig();
  const config: ApiConfig = { ...base, dataDir: dir, feed: { ...base.feed, ...feed } };
  const store = openSqliteEventStore({ file: path.join(dir, 'events.sqlite'), positions: 'sparse' });
  const z = await createApp(config, { store, clock: fixedDayClock('2024-06-01') });
  return { z, http: z.app.getHttpServer() as App, config };
};
