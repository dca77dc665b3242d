import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { BulletinsModule } from './bulletins/bulletins.module';
import { CoreModule, type AppDependencies } from './core.module';
import { DashboardModule } from './dashboard/dashboard.module';
// The officers' workbench (issue #18 item 1)
import { WorkbenchModule } from './workbench/workbench.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { SlidingWindowThrottlerStorage } from './http/throttler-storage';
import { LandModule } from './land/land.module';
import { LeadersModule } from './leaders/leaders.module';
import { OpenApiModule } from './openapi/openapi.module';
import { ProjectsModule } from './projects/projects.module';
import { ReviewsModule } from './read-models/reviews.module';
import { TargetsModule } from './targets/targets.module';
import { WorkingCalendarModule } from './working-calendar/working-calendar.module';
// enterprise requests (R17)
import { RequestsModule } from './requests/requests.module';
// The event feed and the AsyncAPI document (issue #17).
import { FeedModule } from './feed/feed.module';
import { WebhooksModule } from './webhooks/webhooks.module';
// Leading-group meetings and their 交办 items (R20)
import { MeetingsModule } from './meetings/meetings.module';
// The Excel 台账 import (issue #17 item 5).
import { ImportsModule } from './imports/imports.module';
// advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
import { AdvisorsModule } from './advisors/advisors.module';
import { InvestorDirectoryModule } from './investor-directory/investor-directory.module';
// People's sign-in and account administration (issue #18 item 1)
import { AccountsModule } from './accounts/accounts.module';

export type { AppDependencies } from './core.module';

/** A module per bounded context, each with its controller and its query handlers. */
export const contextModules = [
  ProjectsModule,
  TargetsModule,
  LeadersModule,
  BulletinsModule,
  ReviewsModule,
  AuditModule,
  ExportsModule,
  WorkingCalendarModule,
  // enterprise requests (R17)
  RequestsModule,
  HealthModule,
  DashboardModule,
  // The officers' workbench, served as built files at /workbench/ (issue #18 item 1).
  WorkbenchModule,
  OpenApiModule,
  // The event feed and its webhooks (issue #17).
  FeedModule,
  WebhooksModule,
  // The Excel 台账 import (issue #17 item 5).
  ImportsModule,
  // land plots and the land-quota ledger (R19)
  LandModule,
  // Leading-group meetings and their 交办 items (R20)
  MeetingsModule,
  // advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
  AdvisorsModule,
  InvestorDirectoryModule,
  // People's sign-in and account administration (issue #18 item 1)
  AccountsModule,
];

/**
 * The API: the core (adapters, authentication, command gateway, read answers; global), then one
 * module per bounded context, each with its controller and its query handlers.
 */
@Module({})
export class AppModule {
  static forRoot(deps: AppDependencies): DynamicModule {
    const { config } = deps;
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }],
          // Constant time per request (the default storage scans every hit of the last minute), and
          // the default key (route and client) without hashing it on every request.
          storage: new SlidingWindowThrottlerStorage(),
          generateKey: (context, tracker, name) =>
            `${context.getClass().name}-${context.getHandler().name}-${name}-${tracker}`,
        }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // The id is the request's own (http/request-id.ts runs first).
            genReqId: (req) => req.id ?? randomUUID(),
            redact: [
              'req.headers.authorization',
              'req.headers["x-api-key"]',
              // People's sign-in (issue #18 item 1): the session cookie is a credential too
              'req.headers.cookie',
              'res.headers["set-cookie"]',
            ],
            customProps: (req) => {
              const principal = (req as { principal?: { userId: string; role: string } }).principal;
              return principal ? { actor: principal.userId, role: principal.role } : {};
            },
          },
          // Silent: no request logger at all (a child logger and an async context per request cost
          // more than the bare route's whole answer; see docs/api.md "Performance").
          ...(config.logLevel === 'silent' ? { forRoutes: [] } : {}),
        }),
        CoreModule.forRoot(deps),
        ...contextModules,
      ],
    };
  }
}
