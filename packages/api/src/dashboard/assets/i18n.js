// @ts-check
/**
 * The dashboard's own words (titles, buttons, column headings, chart chrome), in Chinese (the
 * default) and English. Business terms — metrics, milestone kinds, event types, history phases,
 * roles — are the domain's vocabulary, served in config.json (`config.vocabulary`); unit names come
 * from the server.
 */

/** @typedef {'zh' | 'en'} Lang */

const zh = {
  pageTitle: '招商引资挂图作战',
  pageSubtitle: '目标进度 · 项目转化 · 单位赛马 · 督办清单 · 项目全过程',
  year: '年度',
  asOf: '统计截止',
  credential: 'API 密钥或令牌',
  credentialPlaceholder: 'X-API-Key 或 Bearer 令牌',
  apply: '刷新',
  toggleLanguage: 'English',
  loading: '加载中…',
  updated: '数据位置 {position} · 更新于 {time}',
  needCredential: '请填写 API 密钥或令牌（只读角色即可，如审计）后点“刷新”。',
  requestFailed: '请求失败（{status}）：{message}',
  noData: '暂无数据',
  progressTitle: '目标任务完成进度（按单位）',
  progressSubtitle: '{year} 年 · 截至 {asOf} · 序时进度 {expected}%',
  progressAxis: '完成率（%）',
  expected: '序时进度',
  expectedShort: '序时进度',
  noPlans: '{year} 年尚未下达目标任务',
  target: '目标',
  actual: '完成',
  lag: '落后序时 {points} 个百分点',
  ahead: '超序时 {points} 个百分点',
  funnelTitle: '项目转化漏斗',
  funnelSubtitle: '{year} 年获取的项目（不含重复项目）· 截至 {asOf}',
  funnelSeries: '项目数',
  stepLead: '{lead}（含{planned}）',
  ofLeads: '占线索 {percent}%',
  investment: '投资额',
  projectsUnit: '{n} 个',
  rankingTitle: '单位赛马排名',
  rankingSubtitle: '{from} 至 {to} · 考核办法 {policy}',
  score: '综合得分',
  rank: '第 {rank} 名',
  vetoed: '一票否决',
  supervisionTitle: '督办清单（逾期天数）',
  supervisionSubtitle: '截至 {asOf} · 共 {total} 项，逾期 {overdue} 项',
  daysOverdue: '逾期天数',
  daysUnit: '{n} 天',
  nothingOverdue: '截至 {asOf} 无逾期督办事项',
  colProject: '项目',
  colUnit: '单位',
  colItem: '督办事项',
  colDue: '应完成日期',
  duePendingCalendar: '待定（{year} 年节假日安排尚未采用）',
  colDays: '逾期天数',
  moreItems: '另有 {n} 项未列出',
  landTitle: '低效闲置与盘活土地（亩）',
  landSubtitle:
    '低效闲置 {plots} 宗 {area} 亩（{occupants} 家）· {year} 年盘活 {revitalised} 亩、腾出 {freed} 亩',
  landAxis: '面积（亩）',
  timelineTitle: '项目全过程时间轴',
  timelineSubtitle: '{project} · {events} 个事件 · {chain}',
  chainOk: '哈希链校验通过',
  chainBroken: '哈希链校验失败：{reason}',
  project: '项目',
  events: '事件',
  revision: '序号',
  actor: '经办',
  // enterprise requests (R17)
  requestsTitle: '企业诉求办理情况',
  requestsSubtitle: '截至今日（{today}）· 共 {total} 件，逾期未答复 {overdue} 件',
  requestsOverdue: '逾期未答复',
  requestsAxis: '件数',
  // Leading-group meetings (R20)
  meetingsTitle: '领导小组会议交办事项',
  meetingsSubtitle: '截至 {asOf} · {meetings} 次会议，交办 {items} 项 · 未召开月度例会：{months}',
  meetingsNone: '无',
  meetingsDone: '报告办结',
  meetingsAxis: '项数',
};

/** @typedef {keyof typeof zh} MessageKey */

/** @type {Record<MessageKey, string>} */
const en = {
  pageTitle: 'Investment attraction — progress wall',
  pageSubtitle: 'Targets · project funnel · unit ranking · supervision list · project timeline',
  year: 'Year',
  asOf: 'As of',
  credential: 'API key or token',
  credentialPlaceholder: 'X-API-Key or bearer token',
  apply: 'Refresh',
  toggleLanguage: '中文',
  loading: 'Loading…',
  updated: 'Position {position} · updated {time}',
  needCredential: 'Enter an API key or token (a read-only role such as auditor is enough), then Refresh.',
  requestFailed: 'Request failed ({status}): {message}',
  noData: 'No data',
  progressTitle: 'Annual targets: completion by unit',
  progressSubtitle: '{year} · as of {asOf} · time-elapsed expectation {expected}%',
  progressAxis: 'Completion (%)',
  expected: 'Time-elapsed expectation (序时进度)',
  expectedShort: 'Expected',
  noPlans: 'No targets set for {year} yet',
  target: 'Target',
  actual: 'Actual',
  lag: '{points} points behind the expectation',
  ahead: '{points} points ahead of the expectation',
  funnelTitle: 'Project funnel',
  funnelSubtitle: 'Projects captured in {year} (duplicates excluded) · as of {asOf}',
  funnelSeries: 'Projects',
  stepLead: 'Leads (incl. planned)',
  ofLeads: '{percent}% of leads',
  investment: 'Investment',
  projectsUnit: '{n}',
  rankingTitle: 'Unit ranking (horse race)',
  rankingSubtitle: '{from} to {to} · scoring policy {policy}',
  score: 'Score',
  rank: 'No. {rank}',
  vetoed: 'vetoed',
  supervisionTitle: 'Supervision list (days overdue)',
  supervisionSubtitle: 'As of {asOf} · {total} items, {overdue} overdue',
  daysOverdue: 'Days overdue',
  daysUnit: '{n} d',
  nothingOverdue: 'Nothing overdue as of {asOf}',
  colProject: 'Project',
  colUnit: 'Unit',
  colItem: 'Item',
  colDue: 'Due',
  duePendingCalendar: 'Pending ({year} holiday schedule not adopted yet)',
  colDays: 'Days overdue',
  moreItems: '{n} more not listed',
  landTitle: 'Idle, low-efficiency and revitalised land (mu)',
  landSubtitle:
    'Idle or low-efficiency: {plots} plots, {area} mu ({occupants} enterprises) · {year}: {revitalised} mu revitalised, {freed} mu freed',
  landAxis: 'Area (mu)',
  timelineTitle: 'Project timeline',
  timelineSubtitle: '{project} · {events} events · {chain}',
  chainOk: 'hash chain verified',
  chainBroken: 'hash chain broken: {reason}',
  project: 'Project',
  events: 'Events',
  revision: 'Revision',
  actor: 'By',
  // enterprise requests (R17)
  requestsTitle: 'Enterprise requests',
  requestsSubtitle: 'Today ({today}) · {total} in all, {overdue} overdue without an answer',
  requestsOverdue: 'Overdue, unanswered',
  requestsAxis: 'Requests',
  // Leading-group meetings (R20)
  meetingsTitle: 'Items handed out by the leading group',
  meetingsSubtitle:
    'As of {asOf} · {meetings} meetings, {items} items · months without a monthly meeting: {months}',
  meetingsNone: 'none',
  meetingsDone: 'Reported done',
  meetingsAxis: 'Items',
};

export const messages = { zh, en };

/**
 * A message with its `{name}` placeholders filled in.
 * @param {Lang} lang
 * @param {MessageKey} key
 * @param {Readonly<Record<string, string | number>>} [params]
 * @returns {string}
 */
export const t = (lang, key, params = {}) =>
  messages[lang][key].replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
