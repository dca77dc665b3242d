import { vocabulary } from '../vocabulary';

/**
 * Finds business labels written again outside the vocabulary (issue #14: "when two places label one
 * thing, they will soon disagree"). Pure: the caller reads the files. A string literal (or the text
 * of a template literal, around its `${…}`) is a re-typed label when one of its runs of Chinese
 * characters is a Chinese label of the vocabulary, or when it holds a label that has punctuation in
 * it (落户载体（园区/镇街）). Comments are not read: a comment may quote the seeds.
 */

/** The Chinese labels of every section of the vocabulary, each with where it comes from. */
const LABELS: ReadonlyArray<{ readonly zh: string; readonly from: string }> = Object.entries(
  vocabulary,
).flatMap(([section, labels]) =>
  Object.entries<{ readonly zh: string }>(labels).map(([kind, l]) => ({
    zh: l.zh,
    from: `${section}.${kind}`,
  })),
);
const HAN_RUN = /[\u4e00-\u9fff]+/g;
const HAN_ONLY = /^[\u4e00-\u9fff]+$/;
const BY_RUN = new Map<string, string>();
for (const l of LABELS)
  if (HAN_ONLY.test(l.zh) && l.zh.length >= 2 && !BY_RUN.has(l.zh)) BY_RUN.set(l.zh, l.from);
const WITH_PUNCTUATION = LABELS.filter((l) => !HAN_ONLY.test(l.zh));

/** The text of every string and template literal of JavaScript or TypeScript source, comments skipped. */
export const stringLiterals = (source: string): ReadonlyArray<string> => {
  const out: string[] = [];
  let i = 0;
  /** Reads code until an unmatched `}` (inside `${…}`) or the end. */
  const code = (): void => {
    let depth = 0;
    while (i < source.length) {
      const c = source[i]!;
      const next = source[i + 1];
      if (c === '/' && next === '/') {
        const end = source.indexOf('\n', i);
        i = end < 0 ? source.length : end;
      } else if (c === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2);
        i = end < 0 ? source.length : end + 2;
      } else if (c === "'" || c === '"') {
        let text = '';
        i += 1;
        while (i < source.length && source[i] !== c && source[i] !== '\n') {
          text += source[i] === '\\' ? source[++i] : source[i];
          i += 1;
        }
        i += 1;
        out.push(text);
      } else if (c === '`') {
        i += 1;
        let text = '';
        while (i < source.length && source[i] !== '`') {
          if (source[i] === '\\') {
            text += source[i + 1];
            i += 2;
          } else if (source[i] === '$' && source[i + 1] === '{') {
            out.push(text);
            text = '';
            i += 2;
            code();
            i += 1; // the closing brace
          } else {
            text += source[i];
            i += 1;
          }
        }
        i += 1;
        out.push(text);
      } else if (c === '{') {
        depth += 1;
        i += 1;
      } else if (c === '}') {
        if (depth === 0) return;
        depth -= 1;
        i += 1;
      } else i += 1;
    }
  };
  while (i < source.length) {
    code();
    i += 1; // an unmatched '}' at the top level
  }
  return out;
};

/** Each literal of the source that writes a vocabulary label again, with the label it repeats. */
export const retypedLabels = (
  source: string,
): ReadonlyArray<{ readonly literal: string; readonly label: string; readonly from: string }> =>
  stringLiterals(source).flatMap((literal) => {
    const runs = (literal.match(HAN_RUN) ?? []).flatMap((run) => {
      const from = BY_RUN.get(run);
      return from === undefined ? [] : [{ literal, label: run, from }];
    });
    const whole = WITH_PUNCTUATION.filter((l) => literal.includes(l.zh)).map((l) => ({
      literal,
      label: l.zh,
      from: l.from,
    }));
    return [...runs, ...whole];
  });
