import * as E from 'fp-ts/Either';
import { projectEvents } from './project.events';
import { readProjectEvent } from './project.upcasters';
import { milestoneLabel } from './project.vocabulary';

/*
 * Kind names carry no policy figures (issue #14). Version 1 of MilestoneMissed and
 * MilestoneWithdrawn named the exit rule's kinds with their term — the pilot's policy, 001 §(四)
 * 「对因企业自身原因造成“三个月不开工、两年不投产、三年不见效”的项目，坚决按照投资合同约定予以清理」.
 * Version 2 names the kind and records the term; an event stored as v1 reads with exactly the
 * figure its kind's name said.
 */
const missedV1 = (kind: string) => ({
  projectId: 'XM-1',
  milestoneKey: kind.startsWith('exit-') ? kind.replace(/-\d+-(months|years)$/, '') : `${kind}:2024-08-01`,
  kind,
  dueOn: '2024-08-10',
  detectedOn: '2024-08-11',
});

describe('MilestoneMissed and MilestoneWithdrawn v1 are read as v2 (001 §(四) 三个月不开工、两年不投产、三年不见效)', () => {
  it.each([
    ['exit-no-start-3-months', 'exit-no-start', 3, '三个月不开工'],
    ['exit-no-production-2-years', 'exit-no-production', 24, '两年不投产'],
    ['exit-no-results-3-years', 'exit-no-results', 36, '三年不见效'],
  ])(
    'a stored %s reads as %s with a term of %i months, which a person reads as %s',
    (v1, kind, termMonths, zh) => {
      const read = readProjectEvent({ type: 'MilestoneMissed', version: 1, data: missedV1(v1) });
      expect(read).toEqual(E.right({ type: 'MilestoneMissed', data: { ...missedV1(v1), kind, termMonths } }));
      if (E.isRight(read) && read.right.type === 'MilestoneMissed')
        expect(milestoneLabel(read.right.data.kind, read.right.data.termMonths).zh).toBe(zh);
    },
  );

  it('a withdrawn v1 exit-rule miss reads the same way (late entry of a start dated before the 3-month deadline)', () => {
    const data = {
      projectId: 'XM-1',
      milestoneKey: 'exit-no-start',
      kind: 'exit-no-start-3-months',
      dueOn: '2024-08-10',
      raisedOn: '2024-08-12',
      reason: 'late-entry',
      factOn: '2024-07-25',
    };
    expect(readProjectEvent({ type: 'MilestoneWithdrawn', version: 1, data })).toEqual(
      E.right({ type: 'MilestoneWithdrawn', data: { ...data, kind: 'exit-no-start', termMonths: 3 } }),
    );
  });

  it('a v1 kind without a term in its name (agreed-start, procedure-time-limit) reads unchanged, with no term', () => {
    for (const kind of ['agreed-start', 'procedure-time-limit', 'rectification-deadline']) {
      expect([kind, readProjectEvent({ type: 'MilestoneMissed', version: 1, data: missedV1(kind) })]).toEqual(
        [kind, E.right({ type: 'MilestoneMissed', data: missedV1(kind) })],
      );
    }
  });

  it('a v2 event that names a kind with a figure is refused: the old names are read only through the upcaster', () => {
    const read = readProjectEvent({
      type: 'MilestoneMissed',
      version: 2,
      data: missedV1('exit-no-start-3-months'),
    });
    expect(E.isLeft(read) && read.left.code).toBe('INVALID_EVENT_DATA');
  });

  it('both events are at version 2 in the catalogue', () => {
    expect([projectEvents.MilestoneMissed.version, projectEvents.MilestoneWithdrawn.version]).toEqual([2, 2]);
  });
});
