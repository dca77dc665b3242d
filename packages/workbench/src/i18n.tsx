import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Label } from '@zhaoshang/domain';

export type Lang = 'zh' | 'en';

/** The one thing the workbench keeps in localStorage: the language chosen (issue #18: no credentials). */
const LANG_KEY = 'zhaoshang.workbench.lang';

/** The workbench's own words (business terms come from the domain's vocabulary). */
const strings = {
  title: { zh: '招商引资工作台', en: 'Investment attraction workbench' },
  register: { zh: '项目台账', en: 'Project register' },
  newLead: { zh: '录入线索', en: 'Capture a lead' },
  import: { zh: 'Excel 导入', en: 'Excel import' },
  exports: { zh: '导出', en: 'Exports' },
  // the other aggregates' forms (issue #18 item 1)
  otherWork: { zh: '其他事项', en: 'Other work' },
  otherWorkNone: { zh: '您的角色在这里没有可办理的事项', en: 'Your role issues none of these' },
  seeResult: { zh: '查看结果', en: 'See the result' },
  recordAnother: { zh: '再办一件', en: 'Record another' },
  backToWork: { zh: '返回其他事项', en: 'Back to other work' },
  bulletinsNote: {
    zh: '通报由服务器按当前数据生成：发布与更正通过 POST /bulletins（只需报告期），见“导出”页下载。',
    en: 'Bulletins are computed by the server from the current figures: publish and correct through POST /bulletins (the period only); download them on the Exports page.',
  },
  bigScreen: { zh: '大屏', en: 'Big screen' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出', en: 'Sign out' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  oidc: { zh: '使用统一身份认证登录', en: 'Sign in with the region’s identity provider' },
  signInFailed: { zh: '登录失败', en: 'Sign-in failed' },
  search: { zh: '搜索项目名称、投资方、项目编号', en: 'Search name, investor or project id' },
  unit: { zh: '责任单位', en: 'Unit' },
  stage: { zh: '阶段', en: 'Stage' },
  light: { zh: '红黄绿灯', en: 'Traffic light' },
  channel: { zh: '招商方式', en: 'Channel' },
  name: { zh: '项目名称', en: 'Project' },
  investor: { zh: '投资方', en: 'Investor' },
  code: { zh: '项目编号', en: 'Project id' },
  investment: { zh: '投资额（亿元）', en: 'Investment (100m CNY)' },
  nextDeadline: { zh: '下一节点期限', en: 'Next deadline' },
  leaders: { zh: '包保领导', en: 'Leaders' },
  lastActivity: { zh: '最近进展', en: 'Last activity' },
  all: { zh: '全部', en: 'All' },
  total: { zh: '共 {n} 个项目', en: '{n} projects' },
  loading: { zh: '加载中…', en: 'Loading…' },
  back: { zh: '返回台账', en: 'Back to the register' },
  actions: { zh: '可办理事项', en: 'Actions' },
  noActions: { zh: '此阶段无可办理事项', en: 'No action at this stage' },
  timeline: { zh: '项目时间线', en: 'Timeline' },
  nodes: { zh: '节点与期限', en: 'Milestones and deadlines' },
  node: { zh: '节点', en: 'Milestone' },
  due: { zh: '期限', en: 'Due' },
  done: { zh: '完成', en: 'Done' },
  submit: { zh: '提交', en: 'Submit' },
  cancel: { zh: '取消', en: 'Cancel' },
  saved: { zh: '已登记', en: 'Recorded' },
  refused: { zh: '未能登记', en: 'Not recorded' },
  add: { zh: '添加', en: 'Add' },
  remove: { zh: '删除', en: 'Remove' },
  required: { zh: '必填', en: 'Required' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  file: { zh: '选择文件（计算摘要）', en: 'Choose a file (computes its digest)' },
  chooseWorkbook: { zh: '选择 Excel 台账（.xlsx）', en: 'Choose the Excel register (.xlsx)' },
  profile: { zh: '映射方案', en: 'Mapping profile' },
  sheet: { zh: '工作表（可空）', en: 'Sheet (optional)' },
  dryRun: { zh: '试导入', en: 'Dry run' },
  commit: { zh: '确认导入', en: 'Import' },
  rows: { zh: '行', en: 'Row' },
  problems: { zh: '问题', en: 'Problems' },
  commands: { zh: '将登记的事项', en: 'Commands' },
  summary: { zh: '汇总', en: 'Summary' },
  exportRegister: { zh: '导出台账（Excel）', en: 'Register (Excel)' },
  exportRegisterCsv: { zh: '导出台账（CSV）', en: 'Register (CSV)' },
  exportBulletin: { zh: '导出通报（Excel）', en: 'Bulletin (Excel)' },
  period: { zh: '通报期次（如 2024-10）', en: 'Bulletin period (e.g. 2024-10)' },
  notFound: { zh: '页面不存在', en: 'Page not found' },
  language: { zh: 'English', en: '中文' },
  chain: { zh: '哈希链校验', en: 'Hash chain' },
  ok: { zh: '完好', en: 'intact' },
  broken: { zh: '异常', en: 'broken' },
  counted: { zh: '纳入统计', en: 'Counted' },
  unitOf: { zh: '单位', en: 'Unit' },
} as const satisfies Readonly<Record<string, Label>>;
export type StringKey = keyof typeof strings;

interface LangContext {
  readonly lang: Lang;
  readonly setLang: (l: Lang) => void;
  /** A workbench string or a vocabulary label in the chosen language; `{n}`-style params filled in. */
  readonly t: (key: StringKey | Label, params?: Readonly<Record<string, string | number>>) => string;
}

const Ctx = createContext<LangContext | undefined>(undefined);

const stored = (): Lang => {
  try {
    return window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
};

export function LangProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(stored);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      window.localStorage.setItem(LANG_KEY, l);
    } catch {
      // a browser that keeps nothing keeps the default
    }
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const value = useMemo<LangContext>(
    () => ({
      lang,
      setLang,
      t: (key, params = {}) => {
        const label = typeof key === 'string' ? strings[key] : key;
        return Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), label[lang]);
      },
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useLang = (): LangContext => {
  const c = useContext(Ctx);
  if (c === undefined) throw new Error('useLang outside LangProvider');
  return c;
};
