import { codecGlossary } from '@zhaoshang/domain';
import { expectedText } from './expected';

/** What the API's 400 says a field must be: the codec glossary's words, Chinese then English. */
const sent = (codec: keyof typeof codecGlossary): string =>
  `${codecGlossary[codec].zh} ${codecGlossary[codec].en}`;

describe('a 400 at a field in the officer’s words (issue #18 item 1)', () => {
  it('reads the codec glossary’s words in the chosen language only', () => {
    const e = { path: 'investor.creditCode', expected: sent('CreditCode'), value: '91350900MA2XXXXXX0' };
    expect(expectedText(e, 'zh')).toBe(`格式不符（应为 ${codecGlossary.CreditCode.zh}）`);
    expect(expectedText(e, 'en')).toBe(`Invalid (expected ${codecGlossary.CreditCode.en})`);
    expect(expectedText({ ...e, expected: 'CreditCode' }, 'zh')).toBe(
      `格式不符（应为 ${codecGlossary.CreditCode.zh}）`,
    );
  });

  it('an enumeration asks for a choice; a unit outside the deployment says so', () => {
    expect(
      expectedText({ path: 'channel', expected: '以下代码之一：a（甲） one of: a (A)', value: 'b' }, 'zh'),
    ).toBe('请从列表中选择');
    expect(
      expectedText({ path: 'unitId', expected: 'a unit of this deployment (GET /units)', value: 'x' }, 'zh'),
    ).toBe('不是本部署的责任单位');
  });
});
