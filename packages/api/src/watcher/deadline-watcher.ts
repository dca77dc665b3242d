import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { EventBus, ofType } from '@nestjs/cqrs';
import { exhaustMap, filter, from, merge, Subject, timer, type Subscription } from 'rxjs';
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
  /**
   * Deadlines that waited for a year's holiday schedule and were computed in this pass (R7): the
   * projects' procedures, the enterprise requests' limits (R17) and the meetings' 交办 items (R20).
   */
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
  // The demo region (issue #18 item 6): a pass asked for once a history has been entered.
  private readonly requested = new Subject<void>();

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
    this.subscription = merge(timer(5_000, this.config.watcherIntervalMs), adopted, this.requested)
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

  /**
   * Asks for a pass now, on the running schedule (not overlapping one in progress; nothing when the
   * watcher is off): the demo seed asks once its region is in, so the first pass sees all of it.
   */
  requestPass(): void {
    // After the pass in progress, if any: exhaustMap would drop a request that arrives during one.
    const next = () => this.requested.next();
    void this.settled().then(next, next);
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
    // counted once the schedule is adopted (RequestDeadlineComputed).
    const requests = await this.readModels.queries.requests.pendingCalendar();
    const requestCounts = await this.countPending(requests, today, version, {
      commandOf: (requestId) => ({
        type: 'ComputeRequestDeadlines',
        requestId: unsafeId.request(requestId),
        today: date(today),
      }),
      counted: 'RequestDeadlineComputed',
      failure: 'deadline watcher could not count a request’s limit',
    });
    // ---- leading-group meetings (R20): a 交办 deadline in working days that waited for a year's
    // holiday schedule is counted once the schedule is adopted (MeetingItemDeadlineComputed, 003 限时办结制).
    const meetings = await this.readModels.queries.meetings.pendingCalendar();
    const meetingCounts = await this.countPending(meetings, today, version, {
      commandOf: (meetingId) => ({
        type: 'ComputeMeetingItemDeadlines',
        meetingId: unsafeId.meeting(meetingId),
        today: date(today),
      }),
      counted: 'MeetingItemDeadlineComputed',
      failure: 'deadline watcher could not count a meeting item’s deadline',
    });
    computed += requestCounts.computed + meetingCounts.computed;
    failed += requestCounts.failed + meetingCounts.failed;

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
    return {
      today,
      checked: projects.length + requests.length + meetings.length,
      raised,
      computed,
      visitWeeks,
      failed,
    };
  }

  /**
   * Counts the deadlines that waited for a year's holiday schedule (R7's calendar), one command per
   * stream that still has one — an enterprise request's limits (R17), a meeting's 交办 items (R20) —
   * with the command id `deadlines:<id>:<today>:<calendar version>`: a repeat on the same calendar
   * is a no-op, a pass after an adoption is not taken for one.
   */
  private async countPending(
    ids: ReadonlyArray<string>,
    today: string,
    version: string,
    what: {
      readonly commandOf: (id: string) => DomainCommand;
      readonly counted: string;
      readonly failure: string;
    },
  ): Promise<{ readonly computed: number; readonly failed: number }> {
    let computed = 0;
    let failed = 0;
    for (const id of ids) {
      const commandId = `deadlines:${id}:${today}${version === '' ? '' : `:${version}`}`;
      try {
        const result = await this.gateway.execute(what.commandOf(id), {
          actor: WATCHER,
          commandId,
          correlationId: `watch:${today}`,
          causationId: commandId,
          businessTime: `${today}T00:00:00+08:00`,
        });
        if (!result.duplicate) computed += result.events.filter((e) => e.type === what.counted).length;
      } catch (error) {
        failed += 1;
        this.logger.warn({ id, err: error }, what.failure);
      }
    }
    return { computed, failed };
  }
}
