/** The roles of the people and systems that use the API (DOMAIN.md: who uses the software). */
export const ROLES = [
  'investment-officer', // 投资促进局 / 招商专员: unit-scoped
  'responsible-leader', // 包保领导
  'department-reviewer', // 职能部门（发改、生态环境、自然资源…）
  'justice-bureau', // 司法局 / 法务
  'leading-group-office', // 招商引资工作领导小组办公室
  'supervision-office', // 督查考核办
  'finance-bureau', // 财政局
  'statistics-bureau', // 统计局 (usually its platform, with an API key): statistics entry, yearly performance
  'auditor', // 纪工委 / 审计: reads everything, writes nothing
  'system', // internal systems with an API key (the deadline watcher)
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (s: string): s is Role => (ROLES as ReadonlyArray<string>).includes(s);

/** Roles that act only on their own unit's projects, targets and trips. */
export const UNIT_SCOPED_ROLES: ReadonlySet<Role> = new Set<Role>(['investment-officer']);

/** The authenticated caller, as stored in every event's metadata (`actor`). */
export interface Principal {
  readonly userId: string;
  readonly role: Role;
  readonly unitId: string;
  /** How the caller authenticated: a system's key, a person's token, or a person's sign-in session (cookie). */
  readonly via: 'api-key' | 'token' | 'session';
}

// The roles as a person reads them (issue #18 item 7: the OpenAPI document says who may call each route).
/** Each role's name in Chinese and English. */
export const ROLE_LABELS = {
  'investment-officer': { zh: '招商专员（投资促进局）', en: 'investment officer' },
  'responsible-leader': { zh: '包保领导', en: 'responsible leader' },
  'department-reviewer': { zh: '职能部门', en: 'department reviewer' },
  'justice-bureau': { zh: '司法局', en: 'justice bureau' },
  'leading-group-office': { zh: '招商引资工作领导小组办公室', en: 'leading-group office' },
  'supervision-office': { zh: '督查考核办', en: 'supervision office' },
  'finance-bureau': { zh: '财政局', en: 'finance bureau' },
  'statistics-bureau': { zh: '统计局', en: 'statistics bureau' },
  auditor: { zh: '纪工委、审计', en: 'auditor' },
  system: { zh: '内部系统', en: 'internal system' },
} as const satisfies Record<Role, { readonly zh: string; readonly en: string }>;
