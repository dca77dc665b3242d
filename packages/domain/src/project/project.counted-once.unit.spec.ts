import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { date } from '../shared/dates';
import { unsafeId, type ProjectId } from '../shared/ids';
import { spec } from '../testing/decider-spec';
import {
  abandonProject,
  captureLead,
  discardLead,
  fixtureIds,
  linkDuplicate,
  runScript,
  unlinkDuplicate,
} from '../testing/project.fixtures';
import { projectDecider } from './project.decide';
import { countedMembers, requireLinkableCanonical, type CountingMember } from './project.duplicates';
import type { ProjectEvent } from './project.events';
import { foldProject } from './project.fold';
import { isProject } from './project.state';
import type { ProjectCommand } from './project.commands';

const project = spec(projectDecider);
const linked = (): ReadonlyArray<ProjectEvent> => runScript([captureLead(), linkDuplicate()]);

const member = (projectId: string, o: Partial<Omit<CountingMember, 'projectId'>> = {}): CountingMember => ({
  projectId,
  dropped: false,
  capturedOn: '2024-03-01',
  ...o,
});
const countedOf = (members: ReadonlyArray<CountingMember>): ReadonlyArray<string> =>
  [...countedMembers(members)]
    .filter(([id, c]) => id === c)
    .map(([id]) => id)
    .sort();

describe('a duplicate link can be undone with a reason (004 §(十六) 避免包装项目, DOMAIN.md §6 一炮数响)', () => {
  it('R13 · 004 §(十六): given a project linked as a duplicate, when the link is undone with a reason, then DuplicateUnlinked records the link and the reason', () => {
    const undo = unlinkDuplicate();
    project
      .given(linked())
      .when(undo)
      .then([
        {
          type: 'DuplicateUnlinked',
          data: {
            projectId: undo.projectId,
            canonicalProjectId: undo.canonicalProjectId,
            on: undo.on,
            reason: undo.reason,
          },
        },
      ]);
  });

  it('R13 · 004 §(十六): given an undone link, then the project is no longer a duplicate and may be linked again', () => {
    const state = project.given(linked()).when(unlinkDuplicate()).thenState();
    expect(isProject(state) && state.duplicateOf).toBeUndefined();
    const other = unsafeId.project('XM-2024-0777');
    const relink = linkDuplicate({ canonicalProjectId: other, on: date('2024-06-10') });
    const { type: _type, ...data } = relink;
    project
      .given([...linked(), ...runScript([unlinkDuplicate()], linked())])
      .when(relink)
      .then([{ type: 'DuplicateLinked', data }]);
  });

  it('R13 · 004 §(十六): given no link to that project, when a link is undone, then it is refused (nothing to undo)', () => {
    project
      .given(runScript([captureLead()]))
      .when(unlinkDuplicate())
      .thenFails('NOT_LINKED_AS_DUPLICATE', { canonicalProjectId: fixtureIds.otherProject, current: '—' });
    project
      .given(linked())
      .when(unlinkDuplicate({ canonicalProjectId: unsafeId.project('XM-2024-0999') }))
      .thenFails('NOT_LINKED_AS_DUPLICATE', { current: fixtureIds.otherProject });
  });

  it('R13 · 004 §(十六): given a link already undone, when the same undo is repeated, then nothing happens', () => {
    const history = [...linked(), ...runScript([unlinkDuplicate()], linked())];
    project.given(history).when(unlinkDuplicate()).thenNothingHappens();
  });

  it('R13 · 004 §(十六): a discarded lead can still have its duplicate link undone (the link decides what counts)', () => {
    const history = runScript([captureLead(), linkDuplicate(), discardLead({ on: date('2024-04-08') })]);
    project
      .given(history)
      .when(unlinkDuplicate())
      .then([
        {
          type: 'DuplicateUnlinked',
          data: {
            projectId: fixtureIds.project,
            canonicalProjectId: fixtureIds.otherProject,
            on: unlinkDuplicate().on,
            reason: unlinkDuplicate().reason,
          },
        },
      ]);
  });
});

describe('links that would count a project zero times are refused where the other project is known (R13 · 004 §(十六))', () => {
  const A = fixtureIds.project;
  const B = fixtureIds.otherProject;
  const stateOf = (events: ReadonlyArray<ProjectEvent>) => foldProject(events);
  const leadB = () => runScript([captureLead({ projectId: B, capturedOn: date('2024-02-20') })]);
  const codeOf = (r: ReturnType<typeof requireLinkableCanonical>) => (E.isLeft(r) ? r.left.code : 'ok');

  it('R13 · 004 §(十六): given B already linked to A, when A is linked to B, then it is refused (both ways would count zero times)', () => {
    const b = runScript(
      [linkDuplicate({ projectId: B, canonicalProjectId: A, on: date('2024-03-05') })],
      leadB(),
    );
    expect(
      codeOf(
        requireLinkableCanonical(
          { projectId: A, canonicalProjectId: B },
          stateOf(runScript([captureLead()])),
          stateOf([...leadB(), ...b]),
        ),
      ),
    ).toBe('DUPLICATE_LINK_CYCLE');
  });

  it('R13 · 004 §(十六): given B itself a duplicate of C, when A is linked to B, then it is refused: link to C', () => {
    const C = unsafeId.project('XM-2023-0901');
    const b = runScript(
      [linkDuplicate({ projectId: B, canonicalProjectId: C, on: date('2024-03-05') })],
      leadB(),
    );
    const r = requireLinkableCanonical(
      { projectId: A, canonicalProjectId: B },
      stateOf(runScript([captureLead()])),
      stateOf([...leadB(), ...b]),
    );
    expect(E.isLeft(r) && r.left).toMatchObject({ code: 'CANONICAL_IS_DUPLICATE', params: { linkedTo: C } });
  });

  it('R13 · 004 §(十六): given B abandoned, when A is linked to B, then it is refused; given no B, then it is refused', () => {
    const b = runScript([abandonProject({ projectId: B, on: date('2024-03-05') })], leadB());
    const a = stateOf(runScript([captureLead()]));
    expect(
      codeOf(
        requireLinkableCanonical({ projectId: A, canonicalProjectId: B }, a, stateOf([...leadB(), ...b])),
      ),
    ).toBe('CANONICAL_CLOSED');
    expect(codeOf(requireLinkableCanonical({ projectId: A, canonicalProjectId: B }, a, stateOf([])))).toBe(
      'CANONICAL_PROJECT_NOT_FOUND',
    );
  });

  it('R13 · 004 §(十六): a link to a live original passes, and so does a repeat of the link in force', () => {
    const a = stateOf(runScript([captureLead()]));
    expect(
      codeOf(requireLinkableCanonical({ projectId: A, canonicalProjectId: B }, a, stateOf(leadB()))),
    ).toBe('ok');
    const b = runScript([abandonProject({ projectId: B, on: date('2024-03-05') })], leadB());
    expect(
      codeOf(
        requireLinkableCanonical(
          { projectId: A, canonicalProjectId: B },
          stateOf(linked()),
          stateOf([...leadB(), ...b]),
        ),
      ),
    ).toBe('ok');
  });
});

describe('every group of duplicates counts exactly once (004 §(十六) 避免包装项目「一炮数响」)', () => {
  it('R13 · 004 §(十六): A linked to B, B not linked: B is the one that counts, A counts under it', () => {
    const counted = countedMembers([member('A', { duplicateOf: 'B' }), member('B')]);
    expect(counted.get('A')).toBe('B');
    expect(counted.get('B')).toBe('B');
  });

  it('R13 · 004 §(十六): A→B and B→A (each unit links its claim to the other) still counts once: the earlier captured', () => {
    expect(
      countedOf([
        member('A', { duplicateOf: 'B', capturedOn: '2024-03-05' }),
        member('B', { duplicateOf: 'A', capturedOn: '2024-03-01' }),
      ]),
    ).toEqual(['B']);
  });

  it('R13 · 004 §(十六): a chain A→B→C counts once, under C (the project the links lead to)', () => {
    const counted = countedMembers([
      member('A', { duplicateOf: 'B' }),
      member('B', { duplicateOf: 'C' }),
      member('C'),
    ]);
    expect([...counted.values()]).toEqual(['C', 'C', 'C']);
  });

  it('R13 · 004 §(十六): A linked to a lead B that was later abandoned: A counts, not zero times', () => {
    expect(countedOf([member('A', { duplicateOf: 'B' }), member('B', { dropped: true })])).toEqual(['A']);
  });

  it('R13 · 004 §(十六): a link to a project that does not exist leaves the project counting on its own', () => {
    expect(countedOf([member('A', { duplicateOf: 'X' })])).toEqual(['A']);
  });

  it('R13 · 004 §(十六): the order in which members are given does not change which counts', () => {
    const ms = [
      member('A', { duplicateOf: 'B' }),
      member('B', { duplicateOf: 'A' }),
      member('C', { duplicateOf: 'A', dropped: true }),
    ];
    expect(countedOf(ms)).toEqual(countedOf([...ms].reverse()));
  });
});

/** Commands of a few projects: links, undos and abandonments in any order, run through the decider. */
const IDS = ['P1', 'P2', 'P3', 'P4'].map((s) => unsafeId.project(s));
const arbStep: fc.Arbitrary<ProjectCommand> = fc.oneof(
  fc
    .record({ from: fc.constantFrom(...IDS), to: fc.constantFrom(...IDS) })
    .map(({ from, to }) =>
      linkDuplicate({ projectId: from, canonicalProjectId: to, on: date('2024-04-01') }),
    ),
  fc
    .record({ from: fc.constantFrom(...IDS), to: fc.constantFrom(...IDS) })
    .map(({ from, to }) =>
      unlinkDuplicate({ projectId: from, canonicalProjectId: to, on: date('2024-04-02') }),
    ),
  fc.constantFrom(...IDS).map((id) => abandonProject({ projectId: id, on: date('2024-04-03') })),
  fc.constantFrom(...IDS).map((id) => discardLead({ projectId: id, on: date('2024-04-03') })),
);

describe('property: over any link/unlink/abandon sequence, every group counts exactly once (004 §(十六))', () => {
  it('R13 · 004 §(十六): each connected group of linked projects has exactly one counted member, alive when one can be', () => {
    fc.assert(
      fc.property(fc.array(arbStep, { maxLength: 30 }), (steps) => {
        const streams = new Map<ProjectId, ProjectEvent[]>(
          IDS.map((id, i) => [
            id,
            [...runScript([captureLead({ projectId: id, capturedOn: date(`2024-03-0${i + 1}`) })])],
          ]),
        );
        for (const c of steps) {
          const events = streams.get(c.projectId)!;
          const result = projectDecider.decide(c, foldProject(events));
          if (E.isRight(result)) events.push(...result.right);
        }
        const members: CountingMember<ProjectId>[] = IDS.map((id) => {
          const s = foldProject(streams.get(id)!);
          if (!isProject(s)) throw new Error('no project');
          return {
            projectId: id,
            ...(s.duplicateOf !== undefined ? { duplicateOf: s.duplicateOf } : {}),
            dropped: s.status === 'closed',
            capturedOn: s.capturedOn,
          };
        });
        const counted = countedMembers(members);
        // Groups: connected components of the links in force.
        const group = new Map<ProjectId, ProjectId>(IDS.map((id) => [id, id]));
        const root = (id: ProjectId): ProjectId => (group.get(id) === id ? id : root(group.get(id)!));
        for (const m of members)
          if (m.duplicateOf !== undefined) group.set(root(m.projectId), root(m.duplicateOf));
        const groups = new Map<ProjectId, ProjectId[]>();
        for (const id of IDS) groups.set(root(id), [...(groups.get(root(id)) ?? []), id]);
        for (const ids of groups.values()) {
          const countedHere = ids.filter((id) => counted.get(id) === id);
          expect(countedHere).toHaveLength(1);
          for (const id of ids) expect(counted.get(id)).toBe(countedHere[0]);
          const anyAlive = ids.some((id) => !members.find((m) => m.projectId === id)!.dropped);
          if (anyAlive) expect(members.find((m) => m.projectId === countedHere[0])!.dropped).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
