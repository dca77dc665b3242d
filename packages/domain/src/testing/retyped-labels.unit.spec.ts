import { retypedLabels, stringLiterals } from './retyped-labels';

describe('finding business labels written again outside the vocabulary', () => {
  it('reads the text of string and template literals, and skips comments', () => {
    const source = [
      '// 三个月不开工 in a comment is a quotation',
      "/* 限期整改逾期 */ const a = '协议约定开工逾期';",
      'const b = `${name}（${kind}）超时`;',
      'const c = "it\\"s";',
      'const d = `outer ${`inner ${x}`} end`;',
    ].join('\n');
    expect(stringLiterals(source)).toEqual([
      '协议约定开工逾期',
      '',
      '（',
      '）超时',
      'it"s',
      'outer ',
      'inner ',
      '',
      ' end',
    ]);
  });

  it('flags a literal whose run of Chinese characters is a label (the supervision projection’s old MILESTONE_LABELS)', () => {
    expect(
      retypedLabels(
        "const LABELS = { 'procedure-time-limit': '手续超时未办结', 'rectification-deadline': '限期整改逾期' };",
      ),
    ).toEqual([
      { literal: '限期整改逾期', label: '限期整改逾期', from: 'milestoneKinds.rectification-deadline' },
    ]);
    expect(retypedLabels("header: '有效线索（条）'")).toEqual([
      { literal: '有效线索（条）', label: '有效线索', from: 'metrics.leads' },
    ]);
  });

  it('flags a label with punctuation wherever a literal holds it', () => {
    expect(retypedLabels('const x = `见：落户载体（园区/镇街）`;').map((r) => r.from)).toEqual([
      'departments.host-carrier',
    ]);
  });

  it('lets words that only contain a label pass (开工日期 is a label, 实际开工日期 is another phrase) and built labels too', () => {
    expect(retypedLabels("const h = '实际开工日期';")).toEqual([]);
    expect(retypedLabels('const h = `${vocabulary.metrics.leads.zh}（条）`;')).toEqual([]);
  });
});
