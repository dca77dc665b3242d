import type { CreditCode } from '../shared/credit-code';
import type { ProjectId, UnitId } from '../shared/ids';
import { type Check, fail, ok } from './project.rules';
import type { ProjectState } from './project.state';

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

/** What deciding the counted member of a group of duplicates needs to know of one project. */
export interface CountingMember<Id extends string = string> {
  readonly projectId: Id;
  /** The project this one is linked to as a duplicate (the link in force), if any. */
  readonly duplicateOf?: Id;
  /** Discarded, abandoned or rejected before signing: it counts only when no member of its group can. */
  readonly dropped: boolean;
  /** Captured or planned on (earlier wins a tie). */
  readonly capturedOn: string;
}

/**
 * 「一炮数响」(004 §(十六) 避免包装项目, DOMAIN.md §6): whatever links were made, every group of
 * duplicates (projects joined by links, in either direction) counts exactly once. Returns, for
 * each member, the member of its group that counts (itself when it counts). The counted member
 * is, in this order of preference:
 * 1. one still alive (not discarded, abandoned or rejected) — a link to a lead that was later
 *    abandoned does not make the project count zero times;
 * 2. one linked to no other member (the canonical the links point at) — honours the links made;
 *    a cycle (A→B, B→A) has none, and the next rules break it;
 * 3. the earliest captured; 4. the smallest project id.
 * Links to a project that is not among the members are ignored for rule 2. Pure and deterministic:
 * the order of the members does not matter.
 */
export const countedMembers = <Id extends string>(
  members: Iterable<CountingMember<Id>>,
): ReadonlyMap<Id, Id> => {
  const byId = new Map<Id, CountingMember<Id>>();
  for (const m of members) byId.set(m.projectId, m);
  // Union–find over the links between known members.
  const parent = new Map<Id, Id>();
  const find = (id: Id): Id => {
    let root = id;
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
    for (let x = id; x !== root;) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const id of byId.keys()) parent.set(id, id);
  for (const m of byId.values()) {
    if (m.duplicateOf === undefined || !byId.has(m.duplicateOf)) continue;
    const a = find(m.projectId);
    const b = find(m.duplicateOf);
    if (a !== b) parent.set(a, b);
  }
  const isRoot = (m: CountingMember<Id>): boolean => m.duplicateOf === undefined || !byId.has(m.duplicateOf);
  const better = (a: CountingMember<Id>, b: CountingMember<Id>): boolean => {
    if (a.dropped !== b.dropped) return !a.dropped;
    if (isRoot(a) !== isRoot(b)) return isRoot(a);
    if (a.capturedOn !== b.capturedOn) return a.capturedOn < b.capturedOn;
    return a.projectId < b.projectId;
  };
  const best = new Map<Id, CountingMember<Id>>();
  for (const m of byId.values()) {
    const g = find(m.projectId);
    const current = best.get(g);
    if (current === undefined || better(m, current)) best.set(g, m);
  }
  const counted = new Map<Id, Id>();
  for (const id of byId.keys()) counted.set(id, best.get(find(id))!.projectId);
  return counted;
};

const DROPPED_STAGES: ReadonlySet<string> = new Set(['discarded', 'abandoned', 'rejected']);

/**
 * The checks of a duplicate link that need the other project's state, which the project's own
 * decider cannot see (R13 · 004 §(十六)): the command handler folds both streams and asks this
 * before deciding. A link that would make the group count zero times is refused — to a project
 * that does not exist, back to a project already linked to this one (A→B, B→A), to a project
 * that is itself a duplicate (link to its original instead), or to a lead discarded, abandoned or
 * rejected. A repeat of the link in force passes (the decider then records nothing). Links made
 * concurrently, or made before a later change to the original, are resolved by `countedMembers`.
 */
export const requireLinkableCanonical = (
  link: { readonly projectId: ProjectId; readonly canonicalProjectId: ProjectId },
  own: ProjectState,
  canonical: ProjectState,
): Check => {
  if (own.status !== 'none' && own.duplicateOf === link.canonicalProjectId) return ok;
  const canonicalProjectId = link.canonicalProjectId;
  if (canonical.status === 'none') return fail('CANONICAL_PROJECT_NOT_FOUND', { canonicalProjectId });
  if (canonical.duplicateOf === link.projectId) return fail('DUPLICATE_LINK_CYCLE', { canonicalProjectId });
  if (canonical.duplicateOf !== undefined)
    return fail('CANONICAL_IS_DUPLICATE', { canonicalProjectId, linkedTo: canonical.duplicateOf });
  if (DROPPED_STAGES.has(canonical.stage))
    return fail('CANONICAL_CLOSED', { canonicalProjectId, stage: canonical.stage });
  return ok;
};
