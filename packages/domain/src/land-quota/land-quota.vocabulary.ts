import type { Labels } from '../shared/label';

/** The columns of a year's land-quota ledger (用地指标). */
export type QuotaFigure = 'granted' | 'reserved' | 'used-from-reserved' | 'used-from-general' | 'left';

export const quotaFigureLabels = {
  granted: { zh: '下达指标', en: 'Granted' },
  reserved: { zh: '预留重大项目指标', en: 'Reserved for key projects' },
  'used-from-reserved': { zh: '已用预留指标', en: 'Used from the reservation' },
  'used-from-general': { zh: '已用一般指标', en: 'Used from the general quota' },
  left: { zh: '剩余指标', en: 'Left' },
} as const satisfies Labels<QuotaFigure>;
