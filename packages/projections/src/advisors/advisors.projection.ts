import { assertNever, type AdvisorEvent } from '@zhaoshang/domain';
import { put, type DocChange, type DocReader, type Projection } from '../read-model';
import { advisorsCollection, type AdvisorDoc } from './advisors.document';

/** The advisor's document after one of its events (undefined: nothing to change). */
const applyToAdvisor = (doc: AdvisorDoc | undefined, event: AdvisorEvent): AdvisorDoc | undefined => {
  if (event.type === 'AdvisorAppointed') {
    const d = event.data;
    return {
      advisorId: d.advisorId,
      name: d.name,
      category: d.category,
      organisation: d.organisation,
      civilServant: d.civilServant,
      termFrom: d.term.from,
      termTo: d.term.to,
      ...(d.contact !== undefined ? { contact: d.contact } : {}),
      appointedOn: d.appointedOn,
      status: 'serving',
      introductions: [],
      unitIds: [],
      rewards: [],
      rewardTotal: 0,
    };
  }
  if (doc === undefined) return undefined;
  switch (event.type) {
    case 'AdvisorAppointmentEnded':
      return { ...doc, status: 'ended', endedOn: event.data.endedOn, endReason: event.data.reason };
    case 'IntroductionCredited': {
      const d = event.data;
      const introductions = [
        ...doc.introductions.filter((i) => i.projectId !== d.projectId),
        {
          projectId: d.projectId,
          unitId: d.unitId,
          introducedOn: d.introducedOn,
          ...(d.note !== undefined ? { note: d.note } : {}),
        },
      ];
      return { ...doc, introductions, unitIds: [...new Set(introductions.map((i) => i.unitId))].sort() };
    }
    case 'AdvisorRewarded': {
      const { advisorId: _id, ...reward } = event.data;
      const rewards = [...doc.rewards.filter((r) => r.projectId !== reward.projectId), reward];
      return { ...doc, rewards, rewardTotal: rewards.reduce((sum, r) => sum + r.amount, 0) };
    }
    default:
      return assertNever(event);
  }
};

/**
 * The advisor registry (招商顾问名册, 002 §八): one document per advisor from its own stream. A
 * project's name and stage are not copied here: the queries read them from the project register,
 * the one home of a project's stage, committed in the same batch.
 */
export const advisorsProjection: Projection = {
  name: 'advisors',
  version: 1,
  categories: ['advisor'],
  collections: [advisorsCollection],
  apply: (docs: DocReader, decoded): ReadonlyArray<DocChange> => {
    if (decoded.category !== 'advisor') return [];
    const id = decoded.event.data.advisorId;
    const next = applyToAdvisor(docs.get(advisorsCollection, id), decoded.event);
    return next === undefined ? [] : [put(advisorsCollection, id, next)];
  },
};
