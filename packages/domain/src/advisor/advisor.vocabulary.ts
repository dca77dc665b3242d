import type { Labels } from '../shared/label';
import type { AdvisorCategory, AppointmentEnd } from './advisor.events';
import type { AdvisorStatus } from './advisor.state';

/** Whom 002 §八 appoints as 招商顾问. */
export const advisorCategoryLabels = {
  'association-figure': { zh: '行业协会商会知名人士', en: 'Figure of an industry association or chamber' },
  entrepreneur: { zh: '国内外知名企业家', en: 'Entrepreneur (domestic or foreign)' },
  scholar: { zh: '学术界知名专家学者', en: 'Academic expert' },
} as const satisfies Labels<AdvisorCategory>;

/** Why an appointment ended. */
export const appointmentEndLabels = {
  dismissed: { zh: '解聘', en: 'Dismissed' },
  'term-ended': { zh: '聘期届满', en: 'Term ended' },
  resigned: { zh: '辞聘', en: 'Resigned' },
} as const satisfies Labels<AppointmentEnd>;

/** Whether an advisor serves. */
export const advisorStatusLabels = {
  serving: { zh: '在聘', en: 'Serving' },
  ended: { zh: '已解聘/期满', en: 'Appointment ended' },
} as const satisfies Labels<AdvisorStatus>;
