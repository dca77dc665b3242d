import * as E from 'fp-ts/Either';
import { fieldGlossary, projectCommands, vocabulary } from '@zhaoshang/domain';
import { bodyOf, fieldPathOf, formOf, hasField, initialValuesOf, type FieldSpec } from './form-model';

const form = (type: keyof typeof projectCommands): ReadonlyArray<FieldSpec> => formOf(projectCommands[type]);
const field = (fields: ReadonlyArray<FieldSpec>, name: string): FieldSpec => {
  const f = fields.find((x) => x.name === name);
  if (f === undefined) throw new Error(`no field ${name}`);
  return f;
};

describe('forms generated from the command codecs (issue #18 item 1)', () => {
  it('capture a lead: kinds, labels from the vocabulary, required and optional', () => {
    const f = form('CaptureLead');
    expect(f.map((x) => [x.name, x.kind, x.required])).toEqual([
      ['unitId', 'unit', true],
      ['name', 'text', true],
      ['investor', 'group', true],
      ['industryChain', 'text', true],
      ['content', 'text', true],
      ['channel', 'choice', true],
      ['intendedInvestment', 'money', true],
      ['capturedOn', 'date', true],
      ['foreignCapital', 'money', false],
      ['landDemand', 'area', false],
      ['advisor', 'text', false],
    ]);
    expect(field(f, 'intendedInvestment').label).toEqual({ zh: '意向投资额', en: 'Intended investment' });
    const channel = field(f, 'channel');
    expect(channel.kind === 'choice' && channel.choices).toEqual(
      Object.entries(vocabulary.channels).map(([value, label]) => ({ value, label })),
    );
    expect(field(f, 'name').label.zh).toBe('项目名称');
    const investor = field(f, 'investor');
    expect(investor.kind === 'group' && investor.fields[0]!.label.zh).toBe('投资方名称');
    expect(investor.kind === 'group' && investor.fields.map((x) => [x.name, x.required])).toEqual([
      ['name', true],
      ['creditCode', false],
      ['origin', false],
    ]);
  });

  it('labels a field by the field glossary, in its structure where that gives it its own sense', () => {
    const evidence = field(form('StartConstruction'), 'evidence');
    expect(evidence.kind === 'list' && evidence.fields.map((x) => [x.name, x.label.zh])).toEqual([
      ['sha256', fieldGlossary.sha256.zh],
      ['name', '文件名'],
      ['kind', fieldGlossary.kind.zh],
    ]);
    const profile = field(form('RecordProjectProfile'), 'profile');
    expect(profile.label).toEqual({ zh: '项目档案', en: 'Register profile' });
    expect(
      profile.kind === 'group' && Object.fromEntries(profile.fields.map((x) => [x.name, x.label.zh])),
    ).toEqual({
      category: '项目类别',
      parkId: '园区',
      townId: '镇街',
      projectCode: '项目代码（投资项目在线审批监管平台）',
      filingNo: '备案证号',
      landUse: fieldGlossary.landUse.zh,
      landSupply: '供地进度',
    });
    // The same name, two senses: an admission's conditions and an incentive's; a report's jobs and a commitment's.
    expect(field(form('ApproveAdmission'), 'conditions').label.zh).toBe('准入条件');
    const terms = field(form('SignAgreement'), 'terms');
    const incentives = terms.kind === 'group' ? field(terms.fields, 'incentives') : undefined;
    expect(incentives?.kind === 'list' && field(incentives.fields, 'conditions').label.zh).toBe('兑现条件');
    const commitments = terms.kind === 'group' ? field(terms.fields, 'commitments') : undefined;
    expect(commitments?.kind === 'group' && field(commitments.fields, 'jobs').label.zh).toBe('就业人数承诺');
    expect(field(form('ReportPerformance'), 'jobs').label.zh).toBe('就业人数');
    expect(field(form('RequestProcedure'), 'title').label.zh).toBe('事项名称');
  });

  it('every project command has a form whose every enumeration shows Chinese labels', () => {
    const walk = (fields: ReadonlyArray<FieldSpec>): void => {
      for (const f of fields) {
        expect(f.label.zh).toMatch(/[\u4e00-\u9fff]/);
        if (f.kind === 'choice' || f.kind === 'choices')
          for (const c of f.choices)
            expect([f.name, c.value, /[\u4e00-\u9fff]/.test(c.label.zh)]).toEqual([f.name, c.value, true]);
        if (f.kind === 'group' || f.kind === 'list') walk(f.fields);
      }
    };
    for (const type of Object.keys(projectCommands) as Array<keyof typeof projectCommands>) walk(form(type));
  });

  it('builds a body the domain’s codec decodes: 3 亿元 as 30,000,000,000 分, blanks left out', () => {
    const f = form('CaptureLead');
    const values = {
      ...initialValuesOf(f, '2024-10-31'),
      unitId: 'jingkaiqu',
      name: ' 新能源电池项目 ',
      investor: { name: '某某新能源有限公司', creditCode: '', origin: '' },
      industryChain: '新能源',
      content: '年产 10GWh 电池',
      channel: 'industrial-chain',
      intendedInvestment: { amount: '3', unit: 'yi' },
      foreignCapital: { unit: 'wanUsd' },
      landDemand: '',
    };
    const { body, problems } = bodyOf(f, values);
    expect(problems).toEqual([]);
    expect(body).toEqual({
      unitId: 'jingkaiqu',
      name: '新能源电池项目',
      investor: { name: '某某新能源有限公司' },
      industryChain: '新能源',
      content: '年产 10GWh 电池',
      channel: 'industrial-chain',
      intendedInvestment: 30_000_000_000,
      capturedOn: '2024-10-31',
    });
    const decoded = projectCommands.CaptureLead.decode({ ...body, type: 'CaptureLead', projectId: 'XM-1' });
    expect(E.isRight(decoded)).toBe(true);
  });

  it('a bad amount is a problem at its field; nested lists keep their index in the path', () => {
    const f = form('SignAgreement');
    const { problems } = bodyOf(f, {
      terms: {
        totalInvestment: { amount: '1.123456789012', unit: 'yi' },
        incentives: [{ ceiling: { amount: 'x', unit: 'wan' } }],
      },
    });
    expect(problems).toEqual([
      { path: ['terms', 'totalInvestment'], error: { code: 'TOO_PRECISE', decimals: 10 } },
      { path: ['terms', 'incentives', 0, 'ceiling'], error: { code: 'NOT_A_NUMBER' } },
    ]);
  });

  it('maps the server’s error paths onto the form’s fields', () => {
    const f = form('CaptureLead');
    expect(fieldPathOf('investor.creditCode')).toEqual(['investor', 'creditCode']);
    expect(fieldPathOf('terms.incentives.0.ceiling')).toEqual(['terms', 'incentives', 0, 'ceiling']);
    expect(hasField(f, ['investor', 'creditCode'])).toBe(true);
    expect(hasField(f, ['intendedInvestment'])).toBe(true);
    expect(hasField(f, ['header:Idempotency-Key'])).toBe(false);
    expect(hasField(form('SignAgreement'), ['terms', 'incentives', 0, 'ceiling'])).toBe(true);
  });
});
