import {
  Global,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { EventStore } from '@zhaoshang/eventstore';
import * as path from 'node:path';
import { AuthGuard } from './auth/auth.guard';
import { Authenticator } from './auth/authenticator';
import type { Clock } from './clock';
import { CommandGateway } from './command-handling/command-gateway';
import type { ApiConfig } from './config';
import { AbuseLimits } from './http/abuse-limits';
import { IdempotencyStore } from './http/idempotency';
import { ReadScope } from './http/read-scope';
import { UnitsController } from './http/units.controller';
import { QueryAnswers } from './read-models/query-answers';
import type { ReadModels } from './read-models/read-model.port';
import { API_CONFIG, CLOCK, EVENT_STORE, READ_MODELS } from './tokens';
import { DeadlineWatcher } from './watcher/deadline-watcher';
// Excel import (issue #17 item 5)
import { ProjectHolds } from './imports/project-holds';
import { CalendarHolder } from './working-calendar/calendar-holder';
// People's sign-in (issue #18 item 1)
import { SignIn } from './accounts/sign-in';

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

/** What every context's module uses: exported to all (global). */
const shared = [
  API_CONFIG,
  EVENT_STORE,
  READ_MODELS,
  CLOCK,
  Authenticator,
  IdempotencyStore,
  ReadScope,
  CalendarHolder,
  CommandGateway,
  QueryAnswers,
  // Excel import (issue #17 item 5): the holds the watcher and the import share
  ProjectHolds,
  // People's sign-in (issue #18 item 1)
  SignIn,
];

/**
 * The core of the API, global: the adapters chosen by configuration (event store, read models,
 * clock), authentication and the guards (rate limits, then roles: AuthGuard), the command gateway
 * (which routes each command to its aggregate's decider), the read answers (QueryAnswers), the
 * deadline watcher, and the orderly shutdown of the adapters.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(deps: AppDependencies): DynamicModule {
    const { config } = deps;
    return {
      module: CoreModule,
      controllers: [UnitsController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: deps.store },
        { provide: READ_MODELS, useValue: deps.readModels },
        { provide: CLOCK, useValue: deps.clock },
        // People's sign-in (issue #18 item 1): the Authenticator also accepts a session cookie.
        SignIn,
        {
          provide: Authenticator,
          useFactory: (signIn: SignIn) =>
            new Authenticator(config.apiKeys, config.jwtSecret, config.jwtIssuer, Date.now, signIn),
          inject: [SignIn],
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
        QueryAnswers,
        DeadlineWatcher,
        AdapterLifecycle,
        // Excel import (issue #17 item 5)
        ProjectHolds,
      ],
      exports: shared,
    };
  }
}
