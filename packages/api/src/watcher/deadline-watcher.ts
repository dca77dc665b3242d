import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { EventBus, ofType } from '@nestjs/cqrs';
import { exhaustMap, filter, from, merge, timer, type Subscription } from 'rxjs';
import type { Principal } from '../auth/roles';
import type { Clock } from '../clock';
import type { DomainCommand } from '../command-handling/aggregates';
import { CommandGateway, type CommandResult } from '../command-handling/command-gateway';
import { DomainEventOccurred } from '../command-handling/domain-event-occurred';
import { CalendarHolder } from '../working-calendar/calendar-holder';
import type { ApiConfig } from '../config';
import type { ReadModels } from '../read-models/read-model.port';
import type { EventStore } from '@zhaoshang/eventstore';
// enterprise requests (R17)
import { date, unsafeId } from '@zhaoshang/domain';
import { API_CONFIG, CLOCK, EVENT_STORE, READ_MODELS } from '../tokens';
// Excel import (issue #17 item 5): a project whose imported rows are being entered is left alone
import { ProjectHolds } from '../imports/project-holds';

/** What one pass of the watcher did. */
export interface WatchRun {
  readonly today: string;
  readonly checked: number;
  readonly raised: number;
  /** Deadlines that waited for a year's holiday schedule and were computed in this pass (R7). */
  readonly computed: number;
  /** Official weeks raised without the responsible person's visit in this pass (R18, 000 §五.2). */
  readonly visitWeeks: number;
  readonly failed: number;
}

export const WATCHER: Principal = {
  userId: 'system:deadline-watcher',
  role: 'system',
  unitId: 'region',
  via: 'api-key',
};

/**
 * The deadline watcher (R7, R8, R18): on an rxjs timer, asks every open signed project to record the
 * milestones missed as of today — and the official weeks its responsible person did not visit
 * (VisitWeekMissed, each raised once: R18, 000 §五.2). The command id is `watch:<project>:<today>` and the domain raises
 * each deadline once, so a restart, an overlapping instance or a second pass on the same day never
 * doubles a MilestoneMissed. A slow pass is never overlapped by the next (exhaustMap).
 *
 * Each pass first re-reads the working-day calendar: the same command computes the deadlines that
 * waited for a year's official holiday schedule once it is adopted (ProcedureDeadlineComputed). An
 * adoption also starts a pass at once, and the calendar's version joins the command id
 * (`watch:<project>:<today>:cal<n>`), so a pass after an adoption is not taken for a repeat.
 */
@Injectable()
export class DeadlineWatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeadlineWatcher');
  private subscription: Subscription | undefined;
  private running: Promise<WatchRun> | undefined;

  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CalendarHolder) private readonly calendar: CalendarHolder,
    @Inject(EventBus) private readonly eventBus: EventBus,
    // Excel import (issue #17 item 5)
    @Inject(ProjectHolds) private readonly holds: ProjectHolds,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.watcherIntervalMs <= 0) return;
    const adopted = this.eventBus.pipe(
      ofType(DomainEventOccurred),
      filter((e) => e.event.type === 'HolidayScheduleAdopted' || e.event.type === 'HolidayScheduleCorrected'),
    );
    this.subscription = merge(timer(5_000, this.config.watcherIntervalMs), adopted)
      .pipe(exhaustMap(() => from(this.runOnce())))
      .subscribe({
        next: (run) => {
          if (run.raised > 0 || run.computed > 0 || run.visitWeeks > 0 || run.failed > 0)
            this.logger.log(run, 'deadline watcher pass');
        },
      });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.running;
  }

  /** Resolves once the pass in progress, if any, has ended. */
  async settled(): Promise<void> {
    await this.running;
  }

  /**
   * One pass over the open projects, as of the server's today (its clock, which `TODAY` may pin for
   * tests and demos): the watcher is the only issuer of RecordMissedMilestones and no one passes it
   * another day (DOMAIN.md §5).
   */
  runOnce(): Promise<WatchRun> {
    const run = this.pass(this.clock.today());
    this.running = run;
    return run;
  }

  private async pass(today: string): Promise<WatchRun> {
    // Look at every project signed so far: let the read models reach the store's head first (bounded).
    const head = (await this.store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.globalPosition ?? 0n;
    await this.readModels.waitFor(head, 5_000);
    const projects = await this.readModels.watchedProjects();
    await this.calendar.refresh();
    const version = this.calendar.version;
    let raised = 0;
    let computed = 0;
    let visitWeeks = 0;
    let failed = 0;
    for (const projectId of projects) {
      const commandId = `watch:${projectId}:${today}${version === '' ? '' : `:${version}`}`;
      const command = { type: 'RecordMissedMilestones', projectId, today } as DomainCommand;
      try {
        // Excel import (issue #17 item 5): a held project is checked on the next pass, once its rows are in.
        const result: CommandResult | 'held' = await this.holds.unlessHeld(projectId, () =>
          this.gateway.execute(command, {
            actor: WATCHER,
            commandId,
            correlationId: `watch:${today}`,
            causationId: commandId,
            businessTime: `${today}T00:00:00+08:00`,
          }),
        );
        if (result !== 'held' && !result.duplicate) {
          raised += result.events.filter((e) => e.type === 'MilestoneMissed').length;
          computed += result.events.filter((e) => e.type === 'ProcedureDeadlineComputed').length;
          visitWeeks += result.events.filter((e) => e.type === 'VisitWeekMissed').length;
        }
      } catch (error) {
        failed += 1;
        this.logger.warn({ projectId, err: error }, 'deadline watcher could not check a project');
      }
    }
    // ---- enterprise requests (R17): a time limit that waited for a year's holiday schedule is
    // counted once the schedule is adopted (RequestDeadlineComputed), with the same kind of command
    // id (`deadlines:<request>:<today>:<calendar version>`): a repeat on the same calendar is a no-op.
    const requests = await this.readModels.queries.requests.pendingCalendar();
    for (const requestId of requests) {
      const commandId = `deadlines:${requestId}:${today}${version === '' ? '' : `:${version}`}`;
      const command: DomainCommand = {
        type: 'ComputeRequestDeadlines',
        requestId: unsafeId.request(requestId),
        today: date(today),
      };
      try {
        const result = await this.gateway.execute(command, {
          actor: WATCHER,
          commandId,
          correlationId: `watch:${today}`,
          causationId: commandId,
          businessTime: `${today}T00:00:00+08:00`,
        });
        if (!result.duplicate)
          computed += result.events.filter((e) => e.type === 'RequestDeadlineComputed').length;
      } catch (error) {
        failed += 1;
        this.logger.warn({ requestId, err: error }, 'deadline watcher could not count a request’s limit');
      }
    }

    // A schedule adopted through this instance during the pass (its trigger was absorbed by this
    // pass, exhaustMap) is not left for the next tick: pass again on the new calendar.
    if (this.calendar.version !== version) {
      const again = await this.pass(today);
      return {
        ...again,
        raised: raised + again.raised,
        computed: computed + again.computed,
        visitWeeks: visitWeeks + again.visitWeeks,
        failed: failed + again.failed,
      };
    }
    return { today, checked: projects.length + requests.length, raised, computed, visitWeeks, failed };
  }
}
