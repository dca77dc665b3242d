import { codecGlossary } from '@zhaoshang/domain';
import { expectedText } from './expected';

/** What the API's 400 says a field must be: the codec glossary's words, Chinese then English. */
const sent = (codec: keyof typeof codecGlossary): string =>
  `${codecGlossary[codec].zh} ${codecGlossary[codec].en}`;

describe('a 400 at a field in the officer’s words (issue #18 item 1)', () => {
  it('a known codec named by the glossary’s words reads as the workbench says it', () => {
    const e = { path: 'investor.creditCode', expected: sent('CreditCode'), value: '91350900MA2XXXXXX0' };
    expect(expectedText(e, 'zh')).toBe('统一社会信用代码无效（18 位，校验位须正确）');
    expect(expectedText(e, 'en')).toMatch(/^Not a valid unified social credit code/);
  });

  it('another codec reads in the chosen language only; an enumeration asks for a choice', () => {
    expect(expectedText({ path: 'procedureId', expected: sent('Id'), value: '#1' }, 'zh')).toBe(
      `格式不符（应为 ${codecGlossary.Id.zh}）`,
    );
    expect(expectedText({ path: 'procedureId', expected: sent('Id'), value: '#1' }, 'en')).toBe(
      `Invalid (expected ${codecGlossary.Id.en})`,
    );
    expect(
      expectedText({ path: 'channel', expected: '以下代码之一：a（甲） one of: a (A)', value: 'b' }, 'zh'),
    ).toBe('请从列表中选择');
  });
});
