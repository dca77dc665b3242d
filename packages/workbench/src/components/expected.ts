import { codecGlossary, type Label } from '@zhaoshang/domain';
import type { FieldError } from '../api';

const glossary: Readonly<Record<string, Label>> = codecGlossary;

/**
 * The API's 400 names what a field must be by the codec glossary's words, Chinese then English
 * (its `expectedOf`: `统一社会信用代码（18 位…） a unified social credit code …`): each such text
 * with its words, so the workbench shows them in the chosen language only.
 */
const GLOSSARY_TEXTS: ReadonlyMap<string, Label> = new Map(
  Object.values(glossary).map((words) => [`${words.zh} ${words.en}`, words] as const),
);

/** A field's 400 in the chosen language: the codec glossary's words, else what the server said. */
export const expectedText = (e: FieldError, lang: 'zh' | 'en'): string => {
  if (e.expected.startsWith('a unit of this deployment'))
    return lang === 'zh' ? '不是本部署的责任单位' : 'Not a unit of this deployment';
  if (
    e.expected.startsWith('以下代码之一') ||
    /^(".*"\s*\|?\s*)+$/.test(e.expected) ||
    e.expected.includes('|')
  )
    return lang === 'zh' ? '请从列表中选择' : 'Choose from the list';
  const what = (GLOSSARY_TEXTS.get(e.expected) ?? glossary[e.expected])?.[lang] ?? e.expected;
  return lang === 'zh' ? `格式不符（应为 ${what}）` : `Invalid (expected ${what})`;
};
