import type { CreditCode } from '../shared/credit-code';
import type { ProjectId, UnitId } from '../shared/ids';

/** What duplicate detection knows of a project: who claims it, its investor and its content. */
export interface ProjectFingerprint {
  readonly projectId: ProjectId;
  readonly unitId: UnitId;
  readonly investorName: string;
  readonly creditCode?: CreditCode;
  readonly name: string;
  readonly content: string;
}

/** A known project that a new lead or signing seems to repeat. */
export interface DuplicateMatch {
  readonly projectId: ProjectId;
  readonly unitId: UnitId;
  /** Dice similarity of the two projects' name and content, 0–1. */
  readonly similarity: number;
  readonly basis: 'same-credit-code' | 'same-investor-name';
}

export interface DuplicatePolicy {
  /** Content similarity from which the same credit code means the same project. */
  readonly sameCodeThreshold: number;
  /** Without a credit code on both sides, the same investor name needs this much similarity. */
  readonly sameNameThreshold: number;
}

export const defaultDuplicatePolicy: DuplicatePolicy = { sameCodeThreshold: 0.5, sameNameThreshold: 0.8 };

/** Strips what does not distinguish projects: spaces, punctuation, the usual suffixes and words. */
const STOP = /项目|有限公司|有限责任公司|股份|集团|公司|年产|建设|[\s\p{P}\p{S}]/gu;
const normalise = (s: string): string => s.normalize('NFKC').toLowerCase().replace(STOP, '');

const bigrams = (s: string): Map<string, number> => {
  const m = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) m.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const g = chars[i]! + chars[i + 1]!;
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
};

/** Sørensen–Dice similarity of character bigrams: works for Chinese text, which has no word spaces. */
export const textSimilarity = (a: string, b: string): number => {
  const x = bigrams(normalise(a));
  const y = bigrams(normalise(b));
  let sx = 0;
  let sy = 0;
  let common = 0;
  for (const n of x.values()) sx += n;
  for (const [g, n] of y) {
    sy += n;
    common += Math.min(n, x.get(g) ?? 0);
  }
  return sx + sy === 0 ? 0 : Math.round(((2 * common) / (sx + sy)) * 1000) / 1000;
};

/**
 * 「一炮数响」(DOMAIN.md §6): the same project signed several times under different units.
 * Flags the known projects that a new lead or signing repeats — the same 统一社会信用代码 and
 * similar content, or (when a code is missing) the same investor and very similar content —
 * best match first, so that the project is counted once whichever unit claims it. Pure.
 */
export const findDuplicates = (
  candidate: ProjectFingerprint,
  known: ReadonlyArray<ProjectFingerprint>,
  policy: DuplicatePolicy = defaultDuplicatePolicy,
): ReadonlyArray<DuplicateMatch> => {
  const text = (p: ProjectFingerprint) => `${p.name} ${p.content}`;
  const candidateText = text(candidate);
  const candidateInvestor = normalise(candidate.investorName);
  const matches: DuplicateMatch[] = [];
  for (const k of known) {
    if (k.projectId === candidate.projectId) continue;
    const bothCoded = candidate.creditCode !== undefined && k.creditCode !== undefined;
    if (bothCoded && candidate.creditCode !== k.creditCode) continue;
    const sameName = candidateInvestor.length > 0 && normalise(k.investorName) === candidateInvestor;
    if (!bothCoded && !sameName) continue;
    const similarity = textSimilarity(candidateText, text(k));
    if (bothCoded && similarity >= policy.sameCodeThreshold) {
      matches.push({ projectId: k.projectId, unitId: k.unitId, similarity, basis: 'same-credit-code' });
    } else if (!bothCoded && similarity >= policy.sameNameThreshold) {
      matches.push({ projectId: k.projectId, unitId: k.unitId, similarity, basis: 'same-investor-name' });
    }
  }
  return matches.sort((a, b) => b.similarity - a.similarity || (a.projectId < b.projectId ? -1 : 1));
};
