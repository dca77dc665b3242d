import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { Response } from 'supertest';
import { workingCalendarFixtures } from '@zhaoshang/domain/testing';
import { createApp, type ZhaoshangApp } from '../src/app';
import { issueToken } from '../src/auth/authenticator';
import type { Role } from '../src/auth/roles';
import { fixedDayClock, type Clock } from '../src/clock';
import { loadConfig, type ApiConfig } from '../src/config';

export const TEST_SECRET = 'test-secret-0123456789-0123456789-0123456789';
export const SYSTEM_KEY = 'test-system-key';

/**
 * The server's clock on a day the test moves on (as days pass for a running server): only the
 * server's clock says what today is, so a test that needs another day sets this one's `day`.
 */
export const movableClock = (day: string): Clock & { day: string } => ({
  day,
  now: () => new Date(),
  today() {
    return this.day;
  },
});

/** An app on a fresh temporary SQLite file, today pinned (or a clock the test moves), logs silent, watcher off. */
export const startTestApp = async (
  overrides: Partial<ApiConfig> = {},
  today: string | Clock = '2024-06-01',
): Promise<{ z: ZhaoshangApp; http: App; close: () => Promise<void>; config: ApiConfig }> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-api-'));
  const config: ApiConfig = {
    ...loadConfig({
      JWT_SECRET: TEST_SECRET,
      API_KEYS: `${SYSTEM_KEY}:statistics-bureau:system:region`,
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      WATCHER_INTERVAL_MS: '0',
      // Tests send many commands as one caller and many bad credentials from one address; the
      // limits have their own tests (security.e2e.spec.ts).
      WRITE_RATE_LIMIT_PER_MINUTE: '0',
      AUTH_FAILURE_LIMIT_PER_MINUTE: '0',
    }),
    ...overrides,
  };
  const z = await createApp(config, { clock: typeof today === 'string' ? fixedDayClock(today) : today });
  const http = z.app.getHttpServer() as App;
  return {
    z,
    http,
    config,
    close: async () => {
      await z.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A person's token for a role and unit. */
export const tokenFor = (role: Role, unitId = 'region', sub = `user-${role}`): Promise<string> =>
  issueToken({ sub, role, unit: unitId }, { secret: TEST_SECRET, issuer: 'zhaoshang' });

/** Headers for a role (the `system` role uses the API key). */
export const authFor = async (role: Role, unitId = 'region'): Promise<Record<string, string>> =>
  role === 'system'
    ? { 'x-api-key': SYSTEM_KEY }
    : { authorization: `Bearer ${await tokenFor(role, unitId)}` };

export { request };

import { allCommandRoutes } from '../src/http/route-table';
import { methodOf } from '../src/http/routes';
import type { ScriptStep } from '../src/demo/project-life';

/** The route of a command and its path with the command's own values filled in. */
export const routeOf = (
  command: ScriptStep['command'],
): { path: string; status: number; method: 'post' | 'put' } => {
  const route = allCommandRoutes.find((r) => r.command === command.type);
  if (route === undefined) throw new Error(`no route for ${command.type}`);
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(command[name])));
  return { path, status: route.status ?? 200, method: methodOf(route) };
};

/** Sends one script step over HTTP as its role (officers in the step's unit). */
export const send = async (http: App, step: ScriptStep, headers: Record<string, string> = {}) => {
  const { type: _type, ...body } = step.command;
  const route = routeOf(step.command);
  const agent = request(http);
  return (route.method === 'put' ? agent.put(route.path) : agent.post(route.path))
    .set(await authFor(step.role, step.unitId))
    .set(headers)
    .send(body);
};

/**
 * Adopts the test fixture's 2027 holiday schedule through HTTP, as the leading-group office does
 * (POST /working-calendar/2027/schedule), on the given day: deadlines that waited for 2027's
 * calendar can then be counted.
 */
export const adoptTestSchedule2027 = (http: App, headers: Record<string, string>, on: string) => {
  const fixture = workingCalendarFixtures.TEST_FIXTURE_SCHEDULE_2027;
  return request(http).post('/working-calendar/2027/schedule').set(headers).send({
    holidays: fixture.holidays,
    adjustedWorkdays: fixture.adjustedWorkdays,
    source: fixture.source,
    on,
    adoptedBy: '区招商引资工作领导小组办公室',
  });
};

// Binary answers (the register's workbook, issue #18)
/** Collects a binary answer: `.buffer(true).parse(binaryBody)` (supertest would read an xlsx as text). */
export const binaryBody = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

// ---- People's sign-in (issue #18 item 1) ----
import { lifeUntil } from '../src/demo/project-life';

/** The capture of a lead in a unit (a script step of the demo's project life), for tests that need one project. */
export const leadIn = (projectId: string, unitId: string): ScriptStep =>
  lifeUntil(
    {
      projectId,
      unitId,
      name: `${unitId} 的项目`,
      investor: '某公司',
      industryChain: '新材料',
      content: '生产线',
      totalYi: 1,
      capturedOn: '2024-02-01',
    },
    'lead',
  )[0]!;
