import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EventBus, ofType } from '@nestjs/cqrs';
import { date, unsafeId, unsafePlotId, type ReclaimPlot, type ReturnPlotToReserve } from '@zhaoshang/domain';
import type { EventStore } from '@zhaoshang/eventstore';
import type { PlotDoc } from '@zhaoshang/projections';
import { exhaustMap, filter, from, merge, timer, type Subscription } from 'rxjs';
import type { Principal } from '../auth/roles';
import type { DomainCommand } from '../command-handling/aggregates';
import { CommandGateway } from '../command-handling/command-gateway';
import { DomainEventOccurred } from '../command-handling/domain-event-occurred';
import type { ApiConfig } from '../config';
import type { ReadModels } from '../read-models/read-model.port';
import { API_CONFIG, EVENT_STORE, READ_MODELS } from '../tokens';

/** What one pass of the reactor did. */
export interface ReserveRun {
  readonly pending: number;
  /** Plots returned to the reserve in this pass. */
  readonly returned: number;
  readonly failed: number;
}

export const LAND_REACTOR: Principal = {
  userId: 'system:land-reserve',
  role: 'system',
  unitId: 'region',
  via: 'api-key',
};

const OCCUPIED: ReadonlySet<PlotDoc['status']> = new Set(['in-use', 'low-efficiency', 'idle']);

/**
 * R19 (001 §(四) 收回土地): land reclaimed from a project (its stream's LandReclaimed) returns the
 * plots it occupies to the reserve — ReclaimPlot, then ReturnPlotToReserve. Exactly once and
 * restart-safe without a checkpoint of its own: the land projection keeps the to-do list (plots
 * with `reclaimPending`, cleared only when the plot is back in the reserve or has another occupant),
 * so a pass after any downtime finds what is left; each command's id is derived from the source
 * event's id (`land-reclaimed:<eventId>:<plotId>:reclaim|reserve`), so a repeat appends nothing,
 * and the plot's decider answers a repeated step with nothing besides. A LandReclaimed published
 * by this instance starts a pass at once; the timer (the watcher's interval) catches the rest.
 */
@Injectable()
export class LandReserveReactor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LandReserveReactor');
  private subscription: Subscription | undefined;
  private running: Promise<ReserveRun> | undefined;

  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(EventBus) private readonly eventBus: EventBus,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.watcherIntervalMs <= 0) return;
    const reclaimed = this.eventBus.pipe(
      ofType(DomainEventOccurred),
      filter((e) => e.event.type === 'LandReclaimed'),
    );
    this.subscription = merge(timer(5_000, this.config.watcherIntervalMs), reclaimed)
      .pipe(exhaustMap(() => from(this.runOnce())))
      .subscribe({
        next: (run) => {
          if (run.returned > 0 || run.failed > 0) this.logger.log(run, 'land reserve pass');
        },
      });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.running;
  }

  /** One pass over the plots awaiting the reserve. */
  runOnce(): Promise<ReserveRun> {
    const run = this.pass();
    this.running = run;
    return run;
  }

  private async pass(): Promise<ReserveRun> {
    // Let the read models reach the store's head first (bounded), so a reclaim just recorded is seen.
    const head = (await this.store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.globalPosition ?? 0n;
    await this.readModels.waitFor(head, 5_000);
    const pending = await this.readModels.queries.land.reclaimPending();
    let returned = 0;
    let failed = 0;
    for (const plot of pending) {
      try {
        if (await this.returnToReserve(plot)) returned += 1;
      } catch (error) {
        failed += 1;
        this.logger.warn(
          { plotId: plot.plotId, err: error },
          'could not return a reclaimed plot to the reserve',
        );
      }
    }
    return { pending: pending.length, returned, failed };
  }

  /** ReclaimPlot (while the project still occupies it) and ReturnPlotToReserve, each idempotent. */
  private async returnToReserve(plot: PlotDoc): Promise<boolean> {
    const source = plot.reclaimPending;
    if (source === undefined) return false;
    const [reclaim] = (await this.store.readStream(source.streamName, { direction: 'backwards' })).filter(
      (e) => e.type === 'LandReclaimed',
    );
    if (reclaim === undefined) return false;
    const eventId = reclaim.metadata.eventId;
    // Never before the plot's own last step (its decider refuses a step dated earlier).
    const on = [source.on, plot.occupiedSince, plot.flag?.on, plot.reclaimed?.on]
      .filter((d): d is NonNullable<typeof d> => d !== undefined)
      .reduce((a, b) => (a > b ? a : b));
    const plotId = unsafePlotId(plot.plotId);
    const day = date(on);
    const reclaimPlot: ReclaimPlot = {
      type: 'ReclaimPlot',
      plotId,
      on: day,
      reason: unsafeId.text(source.reason),
      fromProject: unsafeId.project(source.projectId),
    };
    const toReserve: ReturnPlotToReserve = { type: 'ReturnPlotToReserve', plotId, on: day };
    const commands: ReadonlyArray<readonly [string, DomainCommand]> = [
      ...(OCCUPIED.has(plot.status) ? [['reclaim', reclaimPlot] as const] : []),
      ['reserve', toReserve] as const,
    ];
    for (const [step, command] of commands) {
      const commandId = `land-reclaimed:${eventId}:${plot.plotId}:${step}`;
      await this.gateway.execute(command, {
        actor: LAND_REACTOR,
        commandId,
        correlationId: reclaim.metadata.correlationId,
        causationId: eventId,
        businessTime: `${on}T00:00:00+08:00`,
      });
    }
    return true;
  }
}
