import { auditQueryRoutes } from '../audit/audit.routes';
import { bulletinCommandRoutes, bulletinQueryRoutes } from '../bulletins/bulletins.routes';
import { exportQueryRoutes } from '../exports/exports.routes';
import { landCommandRoutes, landQueryRoutes } from '../land/land.routes';
import { leaderCommandRoutes, leaderQueryRoutes } from '../leaders/leaders.routes';
import { projectCommandRoutes, projectQueryRoutes } from '../projects/projects.routes';
import { reviewQueryRoutes } from '../read-models/read-models.routes';
import { targetCommandRoutes, targetQueryRoutes } from '../targets/targets.routes';
import {
  workingCalendarCommandRoutes,
  workingCalendarQueryRoutes,
} from '../working-calendar/working-calendar.routes';
import type { CommandRoute, ExchangeRoute, QueryRoute } from './routes';
// The exchange with other systems (issue #17), in the OpenAPI document since issue #18
import { feedRoutes } from '../feed/feed.routes';
import { importRoutes } from '../imports/imports.routes';
import { webhookRoutes } from '../webhooks/webhooks.routes';
// enterprise requests (R17)
import { requestCommandRoutes, requestQueryRoutes } from '../requests/requests.routes';
// Leading-group meetings and their 交办 items (R20)
import { meetingCommandRoutes, meetingQueryRoutes } from '../meetings/meetings.routes';
// advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
import { advisorCommandRoutes, advisorQueryRoutes } from '../advisors/advisors.routes';
import { investorDirectoryQueryRoutes } from '../investor-directory/investor-directory.routes';

/** Every route of the API, by context: controllers, OpenAPI and the role matrix test read this. */
export const routeTable = {
  projects: { commands: projectCommandRoutes, queries: projectQueryRoutes },
  targets: { commands: targetCommandRoutes, queries: targetQueryRoutes },
  leaders: { commands: leaderCommandRoutes, queries: leaderQueryRoutes },
  bulletins: { commands: bulletinCommandRoutes, queries: bulletinQueryRoutes },
  reviews: { commands: [] as ReadonlyArray<CommandRoute>, queries: reviewQueryRoutes },
  audit: { commands: [] as ReadonlyArray<CommandRoute>, queries: auditQueryRoutes },
  exports: { commands: [] as ReadonlyArray<CommandRoute>, queries: exportQueryRoutes },
  workingCalendar: { commands: workingCalendarCommandRoutes, queries: workingCalendarQueryRoutes },
  // enterprise requests (R17)
  requests: { commands: requestCommandRoutes, queries: requestQueryRoutes },
  // land plots and the land-quota ledger (R19)
  land: { commands: landCommandRoutes, queries: landQueryRoutes },
  // Leading-group meetings and their 交办 items (R20)
  meetings: { commands: meetingCommandRoutes, queries: meetingQueryRoutes },
  // advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
  advisors: { commands: advisorCommandRoutes, queries: advisorQueryRoutes },
  investorDirectory: { commands: [] as ReadonlyArray<CommandRoute>, queries: investorDirectoryQueryRoutes },
} as const;

export const allCommandRoutes: ReadonlyArray<CommandRoute> = Object.values(routeTable).flatMap(
  (c) => c.commands,
);
export const allQueryRoutes: ReadonlyArray<QueryRoute> = Object.values(routeTable).flatMap((c) => c.queries);

// The exchange with other systems (issue #17), listed apart: their controllers check the role themselves
/** The feed, webhook and import routes: the OpenAPI document and the role matrix read this. */
export const exchangeRoutes: ReadonlyArray<ExchangeRoute> = [
  ...feedRoutes,
  ...webhookRoutes,
  ...importRoutes,
];
