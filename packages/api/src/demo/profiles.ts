import { DEMO_UNIT_KINDS } from '../units';
import type { ScriptStep } from './project-life';

/*
 * The demo region's project profiles (R22, DOMAIN.md §6 register columns): 项目类别, 园区 or 镇街 from
 * the unit's kind, 用地类型 and 供地进度 from the capture, and 项目代码 + 备案证号 once the project's
 * filing (立项备案) is done, 供地进度 已出让 at the signing. Each record is dated on a day the life
 * already has a fact on, so the demo's dates decide them.
 */

/** 国民经济行业代码 (two digits, the platform code's 行业 part) and 项目类别 by the demo's industry chains. */
const INDUSTRY: Readonly<Record<string, { readonly code: string; readonly category: string }>> = {
  新能源电池: { code: '38', category: 'industrial' },
  新能源汽车: { code: '36', category: 'industrial' },
  新材料: { code: '28', category: 'industrial' },
  智能家电: { code: '38', category: 'industrial' },
  生物医药: { code: '27', category: 'industrial' },
  光伏: { code: '38', category: 'industrial' },
  装备制造: { code: '35', category: 'industrial' },
  现代物流: { code: '59', category: 'service' },
  智能装备: { code: '34', category: 'industrial' },
  绿色食品: { code: '13', category: 'industrial' },
};

/** The 备案 authority's prefix of each demo unit (备案证号 as 相经开备〔2024〕12号). */
const FILING_PREFIX: Readonly<Record<string, string>> = {
  jingkaiqu: '相经开',
  gaoxinqu: '相高新',
  'fenghuang-town': '相山发改',
};

const isKindOf = (unitId: string): unitId is keyof typeof DEMO_UNIT_KINDS => unitId in DEMO_UNIT_KINDS;

/** 园区 for a project of a development zone, 镇街 for one of a town. */
const placeOf = (unitId: string): Record<string, string> => {
  const kind = isKindOf(unitId) ? DEMO_UNIT_KINDS[unitId] : undefined;
  return kind === 'park' ? { parkId: unitId } : kind === 'town' ? { townId: unitId } : {};
};

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A project's life with its profile records put in after the facts they follow. */
export const withProfile = (life: ReadonlyArray<ScriptStep>): ReadonlyArray<ScriptStep> => {
  const capture = life[0]?.command;
  if (capture === undefined || capture.type !== 'CaptureLead') return life;
  const projectId = text(capture['projectId']);
  const unitId = text(capture['unitId']);
  const industry = INDUSTRY[text(capture['industryChain'])] ?? { code: '38', category: 'industrial' };
  const serial = projectId.replace(/\D/g, '').slice(-6).padStart(6, '0');
  const record = (on: string, profile: Record<string, string>): ScriptStep => ({
    role: 'investment-officer',
    unitId,
    command: { type: 'RecordProjectProfile', projectId, on, profile },
  });
  return life.flatMap((step): ReadonlyArray<ScriptStep> => {
    const c = step.command;
    if (c.type === 'CaptureLead')
      return [
        step,
        record(text(c['capturedOn']), {
          category: industry.category,
          ...placeOf(unitId),
          landUse: industry.category === 'service' ? 'warehousing' : 'industrial',
          landSupply: 'unsupplied',
        }),
      ];
    // The filing (立项备案, the life's second procedure) is done: the platform's code and the 备案证号.
    if (c.type === 'CompleteProcedure' && text(c['procedureId']).endsWith('-SX2')) {
      const on = text(c['on']);
      const year = on.slice(0, 4);
      return [
        step,
        record(on, {
          projectCode: `${year}-340603-${industry.code}-03-${serial}`,
          filingNo: `${FILING_PREFIX[unitId] ?? '相山发改'}备〔${year}〕${Number(serial) % 1000}号`,
        }),
      ];
    }
    if (c.type === 'SignAgreement') return [step, record(text(c['on']), { landSupply: 'transferred' })];
    return [step];
  });
};
