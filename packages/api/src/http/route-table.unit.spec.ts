import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  MODULE_METADATA,
  PATH_METADATA,
} from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { contextModules } from '../app.module';
import { AuditController } from '../audit/audit.controller';
import { TransparencyController } from '../audit/transparency.controller';
import { isRestrictedQuery } from '../auth/permissions';
import { ROUTE_ACCESS, type RouteAccess } from '../auth/route-access';
import { BulletinsController } from '../bulletins/bulletins.controller';
import { ExportsController } from '../exports/exports.controller';
import { LandController } from '../land/land.controller';
import { LeadersController } from '../leaders/leaders.controller';
import { ProjectsController } from '../projects/projects.controller';
import { ReviewsController } from '../read-models/reviews.controller';
import { TargetsController } from '../targets/targets.controller';
import { WorkingCalendarController } from '../working-calendar/working-calendar.controller';
import { exchangeRoutes, routeTable } from './route-table';
// The exchange with other systems (issue #17), in the OpenAPI document since issue #18
import { FeedController } from '../feed/feed.controller';
import { ImportsController } from '../imports/imports.controller';
import { WebhooksController } from '../webhooks/webhooks.controller';
// enterprise requests (R17)
import { RequestsController } from '../requests/requests.controller';
// Leading-group meetings and their 交办 items (R20)
import { MeetingsController } from '../meetings/meetings.controller';
// advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
import { AdvisorsController } from '../advisors/advisors.controller';
import { InvestorDirectoryController } from '../investor-directory/investor-directory.controller';

/** The controller of each context of the route table. */
const controllers: Record<keyof typeof routeTable, Type<unknown>> = {
  projects: ProjectsController,
  targets: TargetsController,
  leaders: LeadersController,
  bulletins: BulletinsController,
  reviews: ReviewsController,
  audit: AuditController,
  exports: ExportsController,
  workingCalendar: WorkingCalendarController,
  // enterprise requests (R17)
  requests: RequestsController,
  // land plots and the land-quota ledger (R19)
  land: LandController,
  // Leading-group meetings and their 交办 items (R20)
  meetings: MeetingsController,
  // advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
  advisors: AdvisorsController,
  investorDirectory: InvestorDirectoryController,
};

interface RouteShape {
  readonly route: string;
  readonly status: number;
  readonly access: RouteAccess | undefined;
}

const joinPath = (...parts: ReadonlyArray<string | undefined>): string =>
  `/${parts
    .flatMap((p) => (p === undefined ? [] : p.split('/')))
    .filter((s) => s !== '')
    .join('/')}`;

/** The routes a controller class declares, read from its NestJS decorators. */
const declaredRoutes = (controller: Type<unknown>): RouteShape[] => {
  const prefix: unknown = Reflect.getMetadata(PATH_METADATA, controller);
  const proto: object = controller.prototype;
  return Object.getOwnPropertyNames(proto).flatMap((name) => {
    const handler: unknown = Reflect.get(proto, name);
    if (typeof handler !== 'function' || name === 'constructor') return [];
    const path: unknown = Reflect.getMetadata(PATH_METADATA, handler);
    const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
    if (typeof path !== 'string' || typeof method !== 'number') return [];
    const code: unknown = Reflect.getMetadata(HTTP_CODE_METADATA, handler);
    return [
      {
        route: `${RequestMethod[method]} ${joinPath(typeof prefix === 'string' ? prefix : undefined, path)}`,
        // Nest answers 201 to a POST and 200 to any other method unless @HttpCode says otherwise.
        status: typeof code === 'number' ? code : method === RequestMethod.POST ? 201 : 200,
        access: Reflect.getMetadata(ROUTE_ACCESS, handler) as RouteAccess | undefined,
      },
    ];
  });
};

/** The routes the table lists for a context, with the access and status it gives them. */
const tableRoutes = (context: keyof typeof routeTable): RouteShape[] => [
  ...routeTable[context].commands.map((r) => ({
    route: `${r.method ?? 'POST'} ${r.path}`,
    status: r.status ?? 200,
    access: { kind: 'command' as const, command: r.command },
  })),
  ...routeTable[context].queries.map((r) => ({
    route: `GET ${r.path}`,
    status: 200,
    access: isRestrictedQuery(r.name)
      ? { kind: 'query' as const, restricted: r.name }
      : { kind: 'query' as const },
  })),
];

const byRoute = (a: RouteShape, b: RouteShape) => a.route.localeCompare(b.route);

describe('the route table and the controllers', () => {
  it.each(Object.keys(controllers) as Array<keyof typeof routeTable>)(
    '%s: every route of the table is a controller method with its method, path, status and access, and the controller has no other',
    (context) => {
      expect(declaredRoutes(controllers[context]).sort(byRoute)).toEqual(tableRoutes(context).sort(byRoute));
    },
  );

  it('every controller of the API is a context controller of the table or one of the few routes it leaves out', () => {
    const all = contextModules.flatMap(
      (m): unknown[] => Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, m) ?? [],
    );
    // Outside the table: public (health, OpenAPI, dashboard files) or with their own authentication
    // (the transparency log's witnesses); each has its own tests.
    const outside = all.filter((c) => !Object.values(controllers).includes(c as Type<unknown>));
    expect(outside.map((c) => (c as Type<unknown>).name).sort()).toEqual(
      [
        'DashboardController',
        'HealthController',
        'OpenApiController',
        TransparencyController.name,
        // The event feed (issue #17): its pages and stream answer CloudEvents, not the query
        // answer, and are described by the AsyncAPI document (tests: test/feed*.e2e.spec.ts).
        'FeedController',
        // Webhook subscriptions (issue #17): the registry, not the domain; tests: test/feed-webhooks.e2e.spec.ts.
        'WebhooksController',
        // The Excel 台账 import (issue #17 item 5): a workbook body and a row-by-row report, its own
        // role check; its commands go through the gateway. Tests: test/import.e2e.spec.ts.
        'ImportsController',
        // The workbench's built files (issue #18 item 1); tests: test/workbench.e2e.spec.ts.
        'WorkbenchController',
        // People's sign-in (issue #18 item 1): public routes that open and close a session, and the
        // account administration with its own role check; tests: test/sign-in.e2e.spec.ts.
        'SessionController',
        'AccountsController',
      ].sort(),
    );
    for (const c of outside)
      expect(declaredRoutes(c as Type<unknown>).filter((r) => r.access?.kind === 'command')).toEqual([]);
  });

  it('the exchange routes (feed, webhooks, import) are the routes of their controllers, with their method, path and status (issue #18 item 7)', () => {
    const declared = [FeedController, WebhooksController, ImportsController].flatMap((c) =>
      declaredRoutes(c).map(({ route, status, access }) => ({ route, status, access })),
    );
    expect(declared.sort(byRoute)).toEqual(
      exchangeRoutes
        .map((r) => ({
          route: `${r.method} ${r.path}`,
          status: r.status,
          access: { kind: 'query' as const },
        }))
        .sort(byRoute),
    );
  });
});
