import * as path from 'node:path';
import { Controller, Get, Header, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { vocabulary } from '@zhaoshang/domain';
import { defaultScoringPolicy } from '@zhaoshang/projections';
import { DEFAULT_POLICY_NAME } from '@zhaoshang/reports';
import type { Request, Response } from 'express';
import type { Clock } from '../clock';
import { DEV_API_KEYS, DEV_DASHBOARD_KEY, parseApiKeys, type ApiConfig, type ApiKeyEntry } from '../config';
import { DEMO_UNITS } from '../demo/seed';
import { NotFound } from '../errors/api-errors';
import { API_CONFIG, CLOCK } from '../tokens';
import { sessionIdOf } from '../auth/session-cookie';
import type { DashboardConfig } from './dashboard-config';

/**
 * The page's files. They are plain browser JavaScript (ES modules, type-checked by
 * assets/tsconfig.json), read from the sources both when the API runs from src (jest) and from
 * dist (`npm start`): dist/dashboard/ and src/dashboard/ are siblings under packages/api.
 */
export const DASHBOARD_ASSETS = path.resolve(__dirname, '..', '..', 'src', 'dashboard', 'assets');

const ASSETS: Readonly<Record<string, { readonly file: string; readonly type: string }>> = {
  'dashboard.css': { file: 'dashboard.css', type: 'text/css; charset=utf-8' },
  'dashboard.js': { file: 'dashboard.js', type: 'text/javascript; charset=utf-8' },
  'charts.js': { file: 'charts.js', type: 'text/javascript; charset=utf-8' },
  'data.js': { file: 'data.js', type: 'text/javascript; charset=utf-8' },
  'format.js': { file: 'format.js', type: 'text/javascript; charset=utf-8' },
  'i18n.js': { file: 'i18n.js', type: 'text/javascript; charset=utf-8' },
  // the 大屏 (issue #18 item 4), and what it shares with the dashboard
  'page.js': { file: 'page.js', type: 'text/javascript; charset=utf-8' },
  'screen.css': { file: 'screen.css', type: 'text/css; charset=utf-8' },
  'screen.js': { file: 'screen.js', type: 'text/javascript; charset=utf-8' },
  'screen-charts.js': { file: 'screen-charts.js', type: 'text/javascript; charset=utf-8' },
};

/** ECharts' browser build, from the dependency (the machines the API runs on may have no internet). */
const ECHARTS = require.resolve('echarts/dist/echarts.min.js');

/** The page talks to this origin only; ECharts sets inline styles on its tooltips. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** English names of the demo region's units (the Chinese ones are the seed's). */
type DemoUnitId = keyof typeof DEMO_UNITS;
const DEMO_UNITS_EN: Readonly<Record<DemoUnitId, string>> = {
  'xiangshan-district': 'Xiangshan District (whole)',
  jingkaiqu: 'Economic Development Zone',
  gaoxinqu: 'High-tech Zone',
  'fenghuang-town': 'Fenghuang Town',
};

const sameKeys = (a: ReadonlyArray<ApiKeyEntry>, b: ReadonlyArray<ApiKeyEntry>): boolean =>
  a.length === b.length &&
  a.every((k, i) => {
    const o = b[i];
    return (
      o !== undefined &&
      k.sha256 === o.sha256 &&
      k.role === o.role &&
      k.unitId === o.unitId &&
      k.name === o.name
    );
  });

/**
 * The live dashboard (挂图作战) at GET /dashboard: an HTML page, its scripts and ECharts. These
 * routes are public (no access metadata, so the guard lets them through); the data the page shows
 * comes from the API's own query routes, which need a key or token like any other caller.
 */
@Controller('dashboard')
export class DashboardController {
  private readonly pageConfig: Omit<DashboardConfig, 'today'>;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Pre-fill the read-only key only in development, while the server runs on its built-in
    // development keys alone: never a configured key, never in production (issue #13).
    const devKeys = config.mode === 'development' && sameKeys(config.apiKeys, parseApiKeys(DEV_API_KEYS));
    this.pageConfig = {
      ...(devKeys ? { demoKey: DEV_DASHBOARD_KEY } : {}),
      // The deployment's units (UNITS), by their configured names; English for the demo region's.
      units: Object.fromEntries(
        config.units.map((u) => [
          u.unitId,
          { zh: u.name, en: u.unitId in DEMO_UNITS_EN ? DEMO_UNITS_EN[u.unitId as DemoUnitId] : u.name },
        ]),
      ),
      policies: { [defaultScoringPolicy.name]: DEFAULT_POLICY_NAME },
      vocabulary,
      events: vocabulary.eventTypes,
    };
  }

  /** The dashboard, or with `?view=screen` the 大屏 (a wall screen at 1920×1080, issue #18 item 4). */
  @Get()
  page(@Query('view') view: unknown, @Res() res: Response): void {
    res.setHeader('Content-Security-Policy', CSP);
    const file = view === 'screen' ? 'screen.html' : 'index.html';
    this.send(res, path.join(DASHBOARD_ASSETS, file), 'text/html; charset=utf-8');
  }

  @Get('config.json')
  @Header('Cache-Control', 'no-store')
  config(@Req() req: Request): DashboardConfig {
    return {
      today: this.clock.today(),
      ...this.pageConfig,
      // The workbench's session cookie (its id only; whether the session is alive, GET /session says).
      sessionCookie: sessionIdOf(req.headers.cookie) !== undefined,
    };
  }

  @Get('echarts.min.js')
  echarts(@Res() res: Response): void {
    this.send(res, ECHARTS, 'text/javascript; charset=utf-8', 'public, max-age=86400');
  }

  @Get(':file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const asset = Object.prototype.hasOwnProperty.call(ASSETS, file) ? ASSETS[file] : undefined;
    if (asset === undefined) throw new NotFound('NOT_FOUND', { file: `/dashboard/${file}` });
    this.send(res, path.join(DASHBOARD_ASSETS, asset.file), asset.type);
  }

  private send(res: Response, file: string, type: string, cache = 'no-cache'): void {
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', cache);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(file);
  }
}
