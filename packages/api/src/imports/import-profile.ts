import type Database from 'better-sqlite3';
import { Channel } from '@zhaoshang/domain';
import * as t from 'io-ts';
import { textPattern } from '../http/query-inputs';
import { openSqliteFile } from '../sqlite-file';

/**
 * What a register's column can mean (DOMAIN.md §6, "Registers as offices keep them"). A profile maps
 * each of the sheet's own headers to one of these; columns it does not name are left alone.
 */
export const ImportField = t.keyof(
  {
    projectCode: null, // 项目代码: the project's id (matching by code)
    name: null, // 项目名称
    investor: null, // 投资方
    creditCode: null, // 统一社会信用代码 (matching by credit code + name)
    investorOrigin: null, // 投资方来源地
    investment: null, // 总投资 / 投资额(亿元) / 固定资产投资
    industryChain: null, // 产业类型 / 项目类别
    content: null, // 项目内容
    unit: null, // 所属单位 / 乡镇 / 镇街 / 园区
    capturedOn: null, // 录入时间 / 首次洽谈日期
    signedOn: null, // 签约日期 (checked against the signing recorded, never entered by import)
    startedOn: null, // 开工日期 → StartConstruction
    completedOn: null, // 竣工日期 → CompleteConstruction
    productionOn: null, // 投产日期 → StartProduction
    statisticsCode: null, // 统计编码 (with 入统日期) → EnterStatistics
    statisticsOn: null, // 入统日期 / 列统日期
  },
  'ImportField',
);
export type ImportField = t.TypeOf<typeof ImportField>;

const Header = t.refinement(t.string, (s) => s.trim().length > 0 && s.length <= 200, 'Header');
const AmountUnitCodec = t.keyof({ 元: null, 万元: null, 亿元: null });

/** A mapping profile: which sheet, which row holds the headers, each header's field, and defaults. */
export const ImportProfile = t.exact(
  t.intersection([
    t.type({ columns: t.record(Header, ImportField) }),
    t.partial({
      /** The sheet's name; default the first sheet. */
      sheet: Header,
      /** The row of the headers (1-based); default 1. Data rows follow it. */
      headerRow: t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1 && n <= 100, 'HeaderRow'),
      /** The unit of amounts written without one, when the header names none (default 万元). */
      amountUnit: AmountUnitCodec,
      /** The register's unit names to the deployment's unit ids (e.g. 经开区 → jingkaiqu). */
      units: t.record(Header, t.string),
      /** Values for the lead's fields the register does not keep. */
      defaults: t.partial({ channel: Channel, industryChain: Header, content: Header, unitId: t.string }),
    }),
  ]),
  'ImportProfile',
);
export type ImportProfile = t.TypeOf<typeof ImportProfile>;

/** A profile's name in the route: letters, digits, CJK, `-` and `_`. */
export const ProfileName = textPattern(
  'ImportProfileName',
  /^[\w\u4e00-\u9fff-]{1,64}$/,
  { min: 1, max: 64 },
  '乡镇台账',
);

/** A saved profile with who saved it and when. */
export interface SavedProfile {
  readonly name: string;
  readonly profile: ImportProfile;
  readonly savedBy: string;
  readonly savedAt: string;
}

/**
 * The import profiles (`DATA_DIR/imports.sqlite`). A profile says how to read an office's sheet;
 * it is configuration, not a fact of the domain, so it is kept out of the event store (like the
 * webhook registry): changing it changes no figure, and the facts it produced carry their own
 * provenance (the file's hash, sheet and row).
 */
export class ImportProfileStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openSqliteFile(
      file,
      `
      CREATE TABLE IF NOT EXISTS profiles (
        name TEXT PRIMARY KEY, profile TEXT NOT NULL, saved_by TEXT NOT NULL, saved_at TEXT NOT NULL
      );
    `,
    );
  }

  save(name: string, profile: ImportProfile, savedBy: string): SavedProfile {
    const saved = { name, profile, savedBy, savedAt: new Date().toISOString() };
    this.db
      .prepare(
        `INSERT INTO profiles (name, profile, saved_by, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET profile = excluded.profile, saved_by = excluded.saved_by, saved_at = excluded.saved_at`,
      )
      .run(name, JSON.stringify(profile), savedBy, saved.savedAt);
    return saved;
  }

  get(name: string): SavedProfile | undefined {
    const row = this.db
      .prepare<[string], { name: string; profile: string; saved_by: string; saved_at: string }>(
        'SELECT * FROM profiles WHERE name = ?',
      )
      .get(name);
    return row === undefined
      ? undefined
      : {
          name: row.name,
          profile: JSON.parse(row.profile) as ImportProfile,
          savedBy: row.saved_by,
          savedAt: row.saved_at,
        };
  }

  list(): string[] {
    return this.db
      .prepare<[], { name: string }>('SELECT name FROM profiles ORDER BY name')
      .all()
      .map((r) => r.name);
  }

  close(): void {
    this.db.close();
  }
}
