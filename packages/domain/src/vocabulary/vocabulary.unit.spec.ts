import { describeError } from '../errors';
import { defaultProjectPolicy } from '../project/project.policy';
import { projectDecider } from '../project/project.decide';
import { projectFixtures as fx } from '../testing';
import { projectEvents } from '../project/project.events';
import {
  Channel,
  MilestoneKind,
  ProcedureKind,
  LeaderRole,
  Verdict,
  STAGES,
  milestoneLabel,
  Department,
  Opinion,
  CatalogueClass,
  NegativeListStatus,
  RejectionGround,
  Signatory,
  LegalReviewer,
  LandSupply,
  IncentiveKind,
  FulfilmentFigure,
  TerminationBasis,
  CorrectableFact,
  WithdrawalReason,
  ApprovalLevel,
  ConstructionNature,
} from '../project/project.vocabulary';
import { EvidenceKind } from '../shared/evidence';
import { termLabel } from '../shared/label';
import { MetricKey, PlanScope } from '../target-plan/target-plan.events';
import { vocabulary } from '.';
import * as E from 'fp-ts/Either';
import { date } from '../shared/dates';

/*
 * The compiler already refuses a kind without a label (`satisfies Labels<Kind>`); these tests check
 * the same at run time against the codecs a stored event is decoded with, and that every label is
 * words a person can read in both languages.
 */
const keysOf = (codec: { readonly keys: object }) => Object.keys(codec.keys).sort();
const sectionKeys = (section: object) => Object.keys(section).sort();

describe('the vocabulary: one zh/en label for every business term', () => {
  it.each([
    ['channels', Channel],
    ['milestoneKinds', MilestoneKind],
    ['procedures', ProcedureKind],
    ['leaderRoles', LeaderRole],
    ['verdicts', Verdict],
    ['departments', Department],
    ['opinions', Opinion],
    ['catalogueClasses', CatalogueClass],
    ['negativeListStatuses', NegativeListStatus],
    ['rejectionGrounds', RejectionGround],
    ['signatories', Signatory],
    ['legalReviewers', LegalReviewer],
    ['landSupplies', LandSupply],
    ['incentiveKinds', IncentiveKind],
    ['fulfilmentFigures', FulfilmentFigure],
    ['terminationBases', TerminationBasis],
    ['correctableFacts', CorrectableFact],
    ['withdrawalReasons', WithdrawalReason],
    ['approvalLevels', ApprovalLevel],
    ['constructionNatures', ConstructionNature],
    ['evidenceKinds', EvidenceKind],
    ['metrics', MetricKey],
    ['planScopes', PlanScope],
  ] as const)('%s: a label for every member of the codec, and none for anything else', (section, codec) => {
    expect(sectionKeys(vocabulary[section])).toEqual(keysOf(codec));
  });

  it('stages: a label for every stage; event types: a label for every event of the project catalogue', () => {
    expect(sectionKeys(vocabulary.stages)).toEqual([...STAGES].sort());
    for (const type of Object.keys(projectEvents))
      expect([type, vocabulary.eventTypes[type as keyof typeof projectEvents]]).toEqual([
        type,
        {
          zh: projectEvents[type as keyof typeof projectEvents].zh,
          en: projectEvents[type as keyof typeof projectEvents].en,
        },
      ]);
  });

  it('every label has Chinese words and English words, and nothing else in it', () => {
    for (const [section, labels] of Object.entries(vocabulary))
      for (const [kind, label] of Object.entries(labels as Record<string, unknown>)) {
        expect([section, kind, Object.keys(label as object).sort()]).toEqual([section, kind, ['en', 'zh']]);
        const { zh, en } = label as { zh: string; en: string };
        expect([section, kind, /[\u4e00-\u9fff]/.test(zh), en.trim().length > 0]).toEqual([
          section,
          kind,
          true,
          true,
        ]);
      }
  });

  it('the seeds’ wording where the readers disagreed: 手续限时办结超时 (001 §(三)2 「实行“限时办结制”」) and 限期整改逾期 (001 §(四) 「对履约差的项目限期整改」)', () => {
    expect(vocabulary.milestoneKinds['procedure-time-limit'].zh).toBe('手续限时办结超时');
    expect(vocabulary.milestoneKinds['rectification-deadline'].zh).toBe('限期整改逾期');
  });

  it('no kind name carries a figure: the exit rule’s kinds are named without their term', () => {
    for (const kind of keysOf(MilestoneKind)) expect([kind, /\d/.test(kind)]).toEqual([kind, false]);
    for (const label of Object.values(vocabulary.milestoneKinds))
      expect([label.zh, /[\d一二两三四五六七八九十]/.test(label.zh)]).toEqual([label.zh, false]);
  });

  it('the exit rule reads with the policy’s term: the default policy gives 001 §(四)’s 三个月不开工、两年不投产、三年不见效', () => {
    const { startMonths, productionMonths, resultsMonths } = defaultProjectPolicy.exitRule;
    expect([
      milestoneLabel('exit-no-start', startMonths),
      milestoneLabel('exit-no-production', productionMonths),
      milestoneLabel('exit-no-results', resultsMonths),
    ]).toEqual([
      { zh: '三个月不开工', en: 'Not started within 3 months' },
      { zh: '两年不投产', en: 'Not in production within 2 years' },
      { zh: '三年不见效', en: 'No results within 3 years' },
    ]);
    // Another region's policy, another figure — from the policy, not from a name.
    expect(milestoneLabel('exit-no-start', 6).zh).toBe('六个月不开工');
    expect(milestoneLabel('exit-no-production', 18)).toEqual({
      zh: '十八个月不投产',
      en: 'Not in production within 18 months',
    });
    // Without a term (or for a kind the rule does not know), the kind's own label.
    expect(milestoneLabel('exit-no-start')).toEqual(vocabulary.milestoneKinds['exit-no-start']);
    expect(milestoneLabel('agreed-start', 3)).toEqual(vocabulary.milestoneKinds['agreed-start']);
  });

  it('a term is said in years when it is whole years, else in months', () => {
    expect([1, 2, 11, 12, 36, 120].map((m) => termLabel(m).zh)).toEqual([
      '一个月',
      '两个月',
      '十一个月',
      '一年',
      '三年',
      '十年',
    ]);
  });

  it('serves as JSON unchanged (the dashboard reads it from config.json)', () => {
    expect(JSON.parse(JSON.stringify(vocabulary))).toEqual(vocabulary);
  });

  it('an error that names the exit rule says the policy’s terms (R8 · 001 §(四)): refusing a termination under it on the 3-month day', () => {
    const history = fx.historyUntil('signed');
    const state = history.reduce(projectDecider.evolve, projectDecider.initialState);
    const refused = projectDecider.decide(
      fx.terminateProject({ basis: 'exit-rule', on: date('2024-08-10') }),
      state,
    );
    expect(E.isLeft(refused) && refused.left.code).toBe('EXIT_RULE_NOT_MET');
    if (E.isLeft(refused)) {
      expect(describeError(refused.left, 'zh')).toBe(
        '未出现“三个月不开工、两年不投产、三年不见效”情形，不能按退出规则清退',
      );
      expect(describeError(refused.left, 'en')).toBe(
        'None of the exit-rule deadlines was missed (Not started within 3 months; Not in production within 2 years; No results within 3 years)',
      );
    }
  });
});
