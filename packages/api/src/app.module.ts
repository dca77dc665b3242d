import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { EventStore } from '@zhaoshang/eventstore';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { LoggerModule } from 'nestjs-pino';
import { auditQueryHandlers } from './audit/queries/audit-queries';
import { TransparencyController } from './audit/transparency.controller';
import { TransparencyService } from './audit/transparency.service';
import { AuthGuard } from './auth/auth.guard';
import { Authenticator } from './auth/authenticator';
import { bulletinQueryHandlers } from './bulletins/queries/bulletin-queries';
import { exportQueryHandlers } from './exports/queries/export-queries';
import type { Clock } from './clock';
import { CommandGateway } from './command-handling/command-gateway';
import { commandHandlers } from './command-handling/command-messages';
import type { ApiConfig } from './config';
import { DashboardController } from './dashboard/dashboard.controller';
import { HealthController } from './health/health.controller';
import { controllerFor } from './http/controller-factory';
import { AbuseLimits } from './http/abuse-limits';
import { IdempotencyStore } from './http/idempotency';
import { ReadScope } from './http/read-scope';
import { RequestDispatcher } from './http/request-dispatcher';
import { SlidingWindowThrottlerStorage } from './http/throttler-storage';
import { routeTable } from './http/route-table';
import { UnitsController } from './http/units.controller';
import { leaderQueryHandlers } from './leaders/queries/leader-queries';
import { OpenApiController } from './openapi/openapi.controller';
import { projectQueryHandlers } from './projects/queries/project-queries';
import { reviewQueryHandlers } from './read-models/queries/review-queries';
import type { ReadModels } from './read-models/read-model.port';
import { targetQueryHandlers } from './targets/queries/target-queries';
import { API_CONFIG, CLOCK, EVENT_STORE, READ_MODELS } from './tokens';
import { DeadlineWatcher } from './watcher/deadline-watcher';
import { CalendarHolder } from './working-calendar/calendar-holder';
import { workingCalendarQueryHandlers } from './working-calendar/queries/working-calendar-queries';

/** What the app is built from: chosen by configuration (or by a test) before Nest starts. */
export interface AppDependencies {
  readonly config: ApiConfig;
  readonly store: EventStore;
  readonly readModels: ReadModels;
  readonly clock: Clock;
}

/** Closes the adapters last: after the watcher stopped and in-flight commands finished. */
@Injectable()
class AdapterLifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IdempotencyStore) private readonly idempotency: IdempotencyStore,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.gateway.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readModels.stop();
    await this.store.close();
    this.idempotency.close();
  }
}

@Module({})
export class AppModule {
  static forRoot(deps: AppDependencies): DynamicModule {
    const { config } = deps;
    const controllers = Object.entries(routeTable).map(([name, routes]) =>
      controllerFor(name[0]!.toUpperCase() + name.slice(1), routes.commands, routes.queries),
    );
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
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id =
                typeof given === 'string' && given.length > 0 && given.length <= 200 ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
            customProps: (req) => {
              const principal = (req as { principal?: { userId: string; role: string } }).principal;
              return principal ? { actor: principal.userId, role: principal.role } : {};
            },
          },
        }),
      ],
      controllers: [
        HealthController,
        OpenApiController,
        DashboardController,
        UnitsController,
        TransparencyController,
        ...controllers,
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: deps.store },
        { provide: READ_MODELS, useValue: deps.readModels },
        { provide: CLOCK, useValue: deps.clock },
        {
          provide: Authenticator,
          useValue: new Authenticator(config.apiKeys, config.jwtSecret, config.jwtIssuer),
        },
        {
          provide: IdempotencyStore,
          useFactory: () =>
            new IdempotencyStore(path.join(config.dataDir, 'idempotency.sqlite'), config.idempotencyKeyTtlMs),
        },
        AbuseLimits,
        ReadScope,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        CalendarHolder,
        CommandGateway,
        RequestDispatcher,
        DeadlineWatcher,
        TransparencyService,
        AdapterLifecycle,
        ...commandHandlers,
        ...projectQueryHandlers,
        ...targetQueryHandlers,
        ...leaderQueryHandlers,
        ...bulletinQueryHandlers,
        ...reviewQueryHandlers,
        ...auditQueryHandlers,
        ...exportQueryHandlers,
        ...workingCalendarQueryHandlers,
      ],
    };
  }
}
