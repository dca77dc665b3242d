/** What a person reads for one business term: its words in Chinese and in English. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/**
 * One label per member of a union of kinds. Written as `{ … } as const satisfies Labels<Kind>`, a
 * kind without a label (or a label for no kind) fails to compile.
 */
export type Labels<K extends string> = { readonly [P in K]: Label };

/** The Chinese words of each kind, for messages whose params are Chinese (`roleZh`). */
export const zhOf = <K extends string>(labels: Labels<K>): { readonly [P in K]: string } =>
  Object.fromEntries(Object.entries<Label>(labels).map(([k, l]) => [k, l.zh])) as { [P in K]: string };

/** Chinese numerals for the small counts of a policy term (1–99): 两 before a measure word, as the seeds write 两年. */
const numeralZh = (n: number, measure: boolean): string => {
  const digits = '〇一二三四五六七八九';
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n === 2 && measure) return '两';
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
};

/**
 * A term of months as a person says it: whole years as years (24 → 两年 / 2 years), otherwise
 * months (3 → 三个月 / 3 months). The figure is the policy's, never a kind name's.
 */
export const termLabel = (months: number): Label =>
  months % 12 === 0
    ? { zh: `${numeralZh(months / 12, true)}年`, en: months === 12 ? '1 year' : `${months / 12} years` }
    : { zh: `${numeralZh(months, true)}个月`, en: months === 1 ? '1 month' : `${months} months` };
