import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  aggregates,
  date,
  describeError,
  projectStream,
  requireFactsNotAfter,
  type Channel,
  type DomainError,
  type ProjectCommand,
  type ProjectState,
  unsafeId,
  ProjectCommandCodec,
} from '@zhaoshang/domain';
import { readStreamOrEmpty, type EventStore } from '@zhaoshang/eventstore';
import * as E from 'fp-ts/Either';
import { UNIT_SCOPED_ROLES, type Principal } from '../auth/roles';
import type { Clock } from '../clock';
import { CommandGateway } from '../command-handling/command-gateway';
import type { ApiConfig } from '../config';
import { DomainRefusal, ForbiddenError } from '../errors/api-errors';
import type { ReadModels } from '../read-models/read-model.port';
import { foldEvents } from '../read-models/stream-state';
import { API_CONFIG, CLOCK, EVENT_STORE, READ_MODELS } from '../tokens';
import { CalendarHolder } from '../working-calendar/calendar-holder';
import type { Reason } from './cell-readers';
import type { ImportProfile } from './import-profile';
import { ProjectHolds } from './project-holds';
import { missingHeaders, readRow, type CellProblem, type RowReading } from './row-reading';
import type { ReadSheet } from './workbook';

/** Which fact of a row a command enters (part of its command id). */
export type ImportedFact = 'lead' | 'start' | 'completion' | 'statistics' | 'production';

/** One command a row would issue (dry run) or issued (commit), and what became of it. */
export interface RowCommand {
  readonly fact: ImportedFact;
  readonly commandId: string;
  readonly command: ProjectCommand;
  /** appended (dry run: would be); already-imported: this row's fact is on record from an earlier import; no-change: already so; refused: the rules say no. */
  readonly outcome: 'appended' | 'already-imported' | 'no-change' | 'refused';
  readonly events: ReadonlyArray<{ readonly type: string; readonly data?: unknown }>;
  readonly refusal?: { readonly code: string; readonly message: Reason };
}

/** The answer for one data row. */
export interface RowReport {
  readonly row: number;
  readonly projectId?: string;
  /** new: a project the import creates; code / credit-code-and-name: matched to one on record. */
  readonly match?: 'new' | 'code' | 'credit-code-and-name';
  readonly problems: ReadonlyArray<CellProblem>;
  readonly notices: ReadonlyArray<Reason>;
  readonly commands: ReadonlyArray<RowCommand>;
}

/** The answer of a dry run or a commit. */
export interface ImportReport {
  readonly dryRun: boolean;
  readonly file: { readonly sha256: string; readonly sheet: string; readonly rows: number };
  readonly importedBy: string;
  readonly summary: {
    readonly rows: number;
    readonly rowsWithProblems: number;
    readonly appended: number;
    readonly alreadyImported: number;
    readonly refused: number;
  };
  readonly missingHeaders: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<RowReport>;
}

/** A row ready to be entered: its project, how it was matched, the commands it issues. */
interface PlannedRow {
  readonly reading: RowReading;
  readonly projectId?: string;
  readonly match?: RowReport['match'];
  /** The unit the row acts for (the project's on record, or the row's for a new one). */
  readonly unitId?: string;
  readonly problems: ReadonlyArray<CellProblem>;
  readonly notices: ReadonlyArray<Reason>;
  readonly commands: ReadonlyArray<{ fact: ImportedFact; commandId: string; command: ProjectCommand }>;
}

/**
 * The Excel 台账 import (issue #17 item 5). A row becomes project commands: the lead (CaptureLead)
 * for a project not on record, then each dated fact the register keeps (开工 StartConstruction, 竣工
 * CompleteConstruction, 入统 EnterStatistics, 投产 StartProduction). The dry run decides them with
 * the domain's decider on the stream's current state without appending; the commit sends them
 * through the CommandGateway, the path of every HTTP command (unit scope, dates not after today,
 * the rules), project by project while the deadline watcher is held off those projects.
 *
 * Provenance: the command id is `import:<sha256>:<sheet>:<row>:<fact>` (the same file again is a
 * repeat and appends nothing), the correlation id `import:<sha256>` (every event of one file), the
 * causation id `xlsx:<sha256>#<sheet>!<row>` (the spreadsheet row), the actor who imported it; a
 * fact that takes evidence cites the file (its SHA-256) and the row.
 */
@Injectable()
export class ImportService {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CalendarHolder) private readonly calendar: CalendarHolder,
    @Inject(ProjectHolds) private readonly holds: ProjectHolds,
  ) {}

  async dryRun(sheet: ReadSheet, profile: ImportProfile, caller: Principal): Promise<ImportReport> {
    const planned = await this.plan(sheet, profile, caller);
    const decider = aggregates.project.deciderOn(this.calendar.live);
    const today = date(this.clock.today());
    const reports: RowReport[] = [];
    const states = new Map<string, { state: ProjectState; commandIds: ReadonlySet<string> }>();
    for (const p of planned) {
      const commands: RowCommand[] = [];
      if (p.projectId !== undefined) {
        let known = states.get(p.projectId);
        if (known === undefined) {
          const history = await readStreamOrEmpty(this.store, projectStream(unsafeId.project(p.projectId)));
          known = {
            state: foldEvents(aggregates.project, history),
            commandIds: new Set(history.map((e) => e.metadata.commandId)),
          };
        }
        let state = known.state;
        for (const c of p.commands) {
          if (known.commandIds.has(c.commandId)) {
            commands.push({ ...c, outcome: 'already-imported', events: [] });
            continue;
          }
          const dated = requireFactsNotAfter(today)(aggregates.project.factDatesOf(c.command));
          const decided = E.isLeft(dated) ? dated : decider.decide(c.command, state);
          if (E.isLeft(decided)) {
            commands.push({ ...c, outcome: 'refused', events: [], refusal: refusalOf(decided.left) });
            continue;
          }
          state = decided.right.reduce(decider.evolve, state);
          commands.push({
            ...c,
            outcome: decided.right.length === 0 ? 'no-change' : 'appended',
            events: decided.right.map((e) => ({ type: e.type, data: e.data })),
          });
        }
        states.set(p.projectId, { state, commandIds: known.commandIds });
      }
      reports.push(rowReport(p, commands));
    }
    return this.report(true, sheet, profile, caller, reports);
  }

  async commit(sheet: ReadSheet, profile: ImportProfile, caller: Principal): Promise<ImportReport> {
    const planned = await this.plan(sheet, profile, caller);
    // One unit per project: the watcher waits until every row of the file is in.
    const release = await this.holds.hold(
      planned.flatMap((p) => (p.projectId === undefined ? [] : [p.projectId])),
    );
    const reports: RowReport[] = [];
    try {
      for (const p of planned) {
        const commands: RowCommand[] = [];
        for (const c of p.commands) {
          try {
            const result = await this.gateway.execute(c.command, {
              actor: caller,
              commandId: c.commandId,
              correlationId: `import:${sheet.sha256}`,
              causationId: `xlsx:${sheet.sha256}#${sheet.sheet}!${p.reading.row}`,
            });
            commands.push({
              ...c,
              outcome: result.duplicate
                ? 'already-imported'
                : result.events.length === 0
                  ? 'no-change'
                  : 'appended',
              events: result.events.map((e) => ({ type: e.type })),
            });
          } catch (error) {
            if (error instanceof DomainRefusal)
              commands.push({ ...c, outcome: 'refused', events: [], refusal: refusalOf(error.error) });
            else if (error instanceof ForbiddenError)
              commands.push({
                ...c,
                outcome: 'refused',
                events: [],
                refusal: {
                  code: error.reason,
                  message: { zh: '不在本单位范围内', en: "outside the caller's unit" },
                },
              });
            else throw error;
          }
        }
        reports.push(rowReport(p, commands));
      }
    } finally {
      release();
    }
    return this.report(false, sheet, profile, caller, reports);
  }

  private report(
    dryRun: boolean,
    sheet: ReadSheet,
    profile: ImportProfile,
    caller: Principal,
    rows: ReadonlyArray<RowReport>,
  ): ImportReport {
    const all = rows.flatMap((r) => r.commands);
    return {
      dryRun,
      file: { sha256: sheet.sha256, sheet: sheet.sheet, rows: sheet.rows.length },
      importedBy: caller.userId,
      summary: {
        rows: rows.length,
        rowsWithProblems: rows.filter((r) => r.problems.length > 0).length,
        appended: all.filter((c) => c.outcome === 'appended').length,
        alreadyImported: all.filter((c) => c.outcome === 'already-imported').length,
        refused: all.filter((c) => c.outcome === 'refused').length,
      },
      missingHeaders: missingHeaders(profile, sheet.headers),
      rows,
    };
  }

  /** Reads every row, matches its project and lists its commands; an officer's file names only their unit. */
  private async plan(sheet: ReadSheet, profile: ImportProfile, caller: Principal): Promise<PlannedRow[]> {
    const planned: PlannedRow[] = [];
    for (const sheetRow of sheet.rows) {
      const reading = readRow(sheetRow, profile);
      planned.push(await this.planRow(sheet, profile, caller, reading));
    }
    // An officer imports their own unit's rows only: a file naming another unit is refused whole.
    const other = UNIT_SCOPED_ROLES.has(caller.role)
      ? planned.find((p) => p.unitId !== undefined && p.unitId !== caller.unitId)
      : undefined;
    if (other?.unitId !== undefined)
      throw new ForbiddenError('OUTSIDE_UNIT', { unitId: other.unitId, actorUnitId: caller.unitId });
    return planned;
  }

  private async planRow(
    sheet: ReadSheet,
    profile: ImportProfile,
    caller: Principal,
    reading: RowReading,
  ): Promise<PlannedRow> {
    const f = reading.fields;
    const problems = [...reading.problems];
    const notices: Reason[] = [];
    const at = (field: keyof typeof reading.cellOf, reason: Reason): CellProblem => {
      const cell = reading.cellOf[field];
      const header =
        cell?.header ?? Object.entries(profile.columns).find(([, v]) => v === field)?.[0] ?? field;
      return {
        row: reading.row,
        column: cell?.column ?? sheet.headers.find((h) => h.header === header)?.column ?? '',
        header,
        value: null,
        reason,
      };
    };
    if (problems.length > 0) return { reading, problems, notices, commands: [] };

    // The project: by its code, else by credit code + name among the projects on record, else a new one.
    let projectId: string | undefined;
    let match: RowReport['match'];
    if (f.projectCode !== undefined) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(f.projectCode))
        return {
          reading,
          notices,
          commands: [],
          problems: [
            {
              ...at('projectCode', {
                zh: '项目代码只能包含字母、数字和 . _ : -（至多 64 个字符）',
                en: 'a project code holds letters, digits and . _ : - only (at most 64 characters)',
              }),
              value: f.projectCode,
            },
          ],
        };
      projectId = f.projectCode;
    } else if (f.creditCode !== undefined && f.name !== undefined) {
      projectId = await this.byCreditCodeAndName(f.creditCode, f.name);
      if (projectId !== undefined) match = 'credit-code-and-name';
    }
    if (projectId === undefined && f.name !== undefined) {
      // No code: an id derived from what identifies the project, so the same row in another file is the same project.
      const key = `${f.creditCode ?? f.investor ?? ''}|${f.name}`;
      projectId = `IMP-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
    }
    if (projectId === undefined)
      return {
        reading,
        notices,
        commands: [],
        problems: [at('name', { zh: '缺少项目名称或项目代码', en: 'no project name or code' })],
      };
    const history = await readStreamOrEmpty(this.store, projectStream(unsafeId.project(projectId)));
    const existing = history.length > 0;
    match = existing ? (match ?? 'code') : 'new';
    const recorded = foldEvents(aggregates.project, history);
    // The unit the row acts for: the project's on record, else the row's (mapped by the profile).
    let unitId: string | undefined = recorded.status !== 'none' ? recorded.unitId : undefined;

    const commandId = (fact: ImportedFact) => `import:${sheet.sha256}:${sheet.sheet}:${reading.row}:${fact}`;
    const evidence = [
      {
        sha256: sheet.sha256,
        name: `台账导入 ${sheet.sheet} 第${reading.row}行 / import row ${reading.row}`,
        kind: 'report',
      },
    ];
    const commands: Array<{ fact: ImportedFact; commandId: string; command: ProjectCommand }> = [];
    const push = (fact: ImportedFact, command: Record<string, unknown> & { type: string }) => {
      const decoded = ProjectCommandCodec.decode({ ...command, projectId });
      if (E.isRight(decoded)) commands.push({ fact, commandId: commandId(fact), command: decoded.right });
      else
        problems.push(
          at('name', {
            zh: `此行无法组成 ${command.type} 命令`,
            en: `this row does not make a ${command.type} command`,
          }),
        );
    };

    // A project this very row opened (the same file again): its lead is planned again, and answered as already imported.
    const openedByThisRow = history.some((e) => e.metadata.commandId === commandId('lead'));
    if (!existing || openedByThisRow) {
      unitId =
        f.unit !== undefined
          ? (profile.units?.[f.unit] ?? f.unit)
          : (profile.defaults?.unitId ?? caller.unitId);
      const industryChain = f.industryChain ?? profile.defaults?.industryChain;
      const content = f.content ?? profile.defaults?.content;
      const channel: Channel | undefined = profile.defaults?.channel;
      const missing: Array<[keyof RowReading['cellOf'], string | undefined]> = [
        ['name', f.name],
        ['investor', f.investor],
        ['industryChain', industryChain],
        ['content', content],
        ['investment', f.investment === undefined ? undefined : 'ok'],
        ['capturedOn', f.capturedOn],
      ];
      for (const [field, value] of missing)
        if (value === undefined)
          problems.push(
            at(field, {
              zh: '新项目缺少此项（建档需要）',
              en: 'a new project needs this (to open its record)',
            }),
          );
      if (channel === undefined)
        problems.push(
          at('name', {
            zh: '映射方案未给出招商方式（defaults.channel）',
            en: 'the profile gives no channel (defaults.channel)',
          }),
        );
      if (!this.config.units.some((u) => u.unitId === unitId))
        problems.push({
          ...at('unit', {
            zh: `未知单位：${unitId}（在映射方案的 units 中对应）`,
            en: `unknown unit: ${unitId} (map it in the profile's units)`,
          }),
          value: f.unit ?? unitId,
        });
      if (problems.length > 0) return { reading, projectId, match, unitId, problems, notices, commands: [] };
      push('lead', {
        type: 'CaptureLead',
        unitId,
        name: f.name,
        investor: {
          name: f.investor,
          ...(f.creditCode !== undefined ? { creditCode: f.creditCode } : {}),
          ...(f.investorOrigin !== undefined ? { origin: f.investorOrigin } : {}),
        },
        industryChain,
        content,
        channel,
        intendedInvestment: f.investment,
        capturedOn: f.capturedOn,
      });
    }
    if (f.signedOn !== undefined)
      notices.push({
        zh: '签约日期不由导入录入：签约需协议条款和领导小组会议纪要（R4、R5），请在签约功能中登记',
        en: 'the signing date is not entered by import: a signing needs the agreement’s terms and the leading group’s minutes (R4, R5); record it through the signing route',
      });
    if (f.startedOn !== undefined) push('start', { type: 'StartConstruction', on: f.startedOn, evidence });
    if (f.completedOn !== undefined)
      push('completion', { type: 'CompleteConstruction', on: f.completedOn, evidence });
    if (f.statisticsCode !== undefined && f.statisticsOn !== undefined)
      push('statistics', { type: 'EnterStatistics', on: f.statisticsOn, statisticsCode: f.statisticsCode });
    if (f.productionOn !== undefined)
      push('production', { type: 'StartProduction', on: f.productionOn, evidence });
    return {
      reading,
      projectId,
      match,
      unitId,
      problems,
      notices,
      commands: problems.length > 0 ? [] : commands,
    };
  }

  /** A project on record with this investor credit code and this name (the register read model). */
  private async byCreditCodeAndName(creditCode: string, name: string): Promise<string | undefined> {
    const page = await this.readModels.queries.register.list({
      asOf: date(this.clock.today()),
      filter: { investorCreditCode: creditCode, includeDropped: true },
    });
    return page.items.find((e) => e.name === name)?.projectId;
  }
}

const refusalOf = (error: DomainError): { code: string; message: Reason } => ({
  code: error.code,
  message: { zh: describeError(error, 'zh'), en: describeError(error, 'en') },
});

const rowReport = (p: PlannedRow, commands: ReadonlyArray<RowCommand>): RowReport => ({
  row: p.reading.row,
  ...(p.projectId !== undefined ? { projectId: p.projectId } : {}),
  ...(p.match !== undefined ? { match: p.match } : {}),
  problems: p.problems,
  notices: p.notices,
  commands,
});
