/*
 * The leaders and officers of the deployment (包保领导, 包保责任人, 项目经理, 项目秘书, the units'
 * principals of R15): id → name and title, so that paper and screen print a person's name, never
 * an id. Configured like `UNITS` (`LEADERS`); the project's LeaderAssigned events carry the name
 * given at the assignment, and this registry names the people an event only names by id (a visit,
 * a trip, a principal of the scoring policy).
 */

/** A person of the registry. */
export interface LeaderEntry {
  readonly leaderId: string;
  readonly name: string;
  /** 职务, e.g. 经开区党工委副书记. */
  readonly title?: string;
}

/**
 * The demo region's people: per unit its 包保领导 (`LD-<unit>-1`), 包保责任人 (`-2`), and for key
 * projects a 项目经理 (`-3`) and 项目秘书 (`-4`), as the demo's assignments name them.
 */
export const DEMO_LEADERS: ReadonlyArray<LeaderEntry> = [
  { leaderId: 'LD-jingkaiqu-1', name: '王建国', title: '经开区党工委副书记' },
  { leaderId: 'LD-jingkaiqu-2', name: '李明', title: '经开区投资促进局副局长' },
  { leaderId: 'LD-jingkaiqu-3', name: '陈晓东', title: '经开区投资促进局项目服务科科长' },
  { leaderId: 'LD-jingkaiqu-4', name: '刘婷', title: '经开区投资促进局科员' },
  { leaderId: 'LD-gaoxinqu-1', name: '赵志强', title: '高新区管委会副主任' },
  { leaderId: 'LD-gaoxinqu-2', name: '孙丽', title: '高新区招商局副局长' },
  { leaderId: 'LD-gaoxinqu-3', name: '周斌', title: '高新区招商局项目服务科科长' },
  { leaderId: 'LD-gaoxinqu-4', name: '吴倩', title: '高新区招商局科员' },
  { leaderId: 'LD-fenghuang-town-1', name: '郑国华', title: '凤凰镇党委副书记、镇长' },
  { leaderId: 'LD-fenghuang-town-2', name: '黄磊', title: '凤凰镇招商办主任' },
  { leaderId: 'LD-fenghuang-town-3', name: '何伟', title: '凤凰镇招商办副主任' },
  { leaderId: 'LD-fenghuang-town-4', name: '马静', title: '凤凰镇招商办干事' },
];

/** Development default of `LEADERS`: the demo region's people. */
export const DEV_LEADERS = DEMO_LEADERS.map(
  (l) => `${l.leaderId}:${l.name}${l.title ? `:${l.title}` : ''}`,
).join(',');

const LEADER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `LEADERS`: comma-separated `leaderId:name` or `leaderId:name:title` entries (no comma or colon in a name). */
export const parseLeaders = (text: string): LeaderEntry[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((entry) => {
      const [leaderId = '', name = '', ...title] = entry.split(':').map((s) => s.trim());
      if (!LEADER_ID.test(leaderId) || name === '')
        throw new Error(
          `LEADERS entry must be leaderId:name or leaderId:name:title, got ${JSON.stringify(entry)}`,
        );
      const t = title.join(':');
      return t === '' ? { leaderId, name } : { leaderId, name, title: t };
    });

/** A demo person's name by id (the demo's assignments give it); the id itself for an unknown one. */
export const demoLeaderName = (leaderId: string): string =>
  DEMO_LEADERS.find((l) => l.leaderId === leaderId)?.name ?? leaderId;

/** Display names by leader id, for the reports (`name（title）` is for lists of people, not table cells). */
export const leaderNamesOf = (leaders: ReadonlyArray<LeaderEntry>): Readonly<Record<string, string>> =>
  Object.fromEntries(leaders.map((l) => [l.leaderId, l.name]));
