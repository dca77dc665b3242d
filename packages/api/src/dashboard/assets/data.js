// @ts-check
/**
 * The dashboard's data: the API's own query routes (every answer is `{ position, caughtUp, data }`
 * with the projections' documents as `data`) and the few figures the page derives from them.
 */

/** @typedef {import('@zhaoshang/projections').RegisterEntry} RegisterEntry */
/** @typedef {import('@zhaoshang/projections').TargetProgressView} TargetProgressView */
/** @typedef {import('@zhaoshang/projections').MetricProgress} MetricProgress */
/** @typedef {import('@zhaoshang/projections').PerformanceReview} PerformanceReview */
/** @typedef {import('@zhaoshang/projections').UnitReview} UnitReview */
/** @typedef {import('@zhaoshang/projections').SupervisionEntry} SupervisionEntry */
/** @typedef {import('../dashboard-config').DashboardConfig} DashboardConfig */
/** @typedef {import('@zhaoshang/domain').RequestStatus} RequestStatus */
/** @typedef {import('@zhaoshang/projections').MeetingsRegister} MeetingsRegister */
/**
 * Enterprise requests (R17) by status and how many are overdue, as of the server's today.
 * @typedef {{ readonly byStatus: ReadonlyArray<{ readonly status: RequestStatus, readonly count: number }>, readonly overdue: number }} RequestCounts
 */
/** @typedef {import('@zhaoshang/projections').IdleLand} IdleLand */
/** @typedef {import('@zhaoshang/projections').TargetTrendView} TargetTrendView */
/** @typedef {import('@zhaoshang/projections').RevitalisedLand} RevitalisedLand */
/**
 * @template T
 * @typedef {import('@zhaoshang/projections').Page<T>} Page
 */
/**
 * @template T
 * @typedef {{ readonly position: string, readonly caughtUp: boolean, readonly data: T }} QueryAnswer
 */
/**
 * One event of GET /projects/:projectId/history.
 * @typedef {{
 *   readonly revision: number,
 *   readonly position: string,
 *   readonly type: string,
 *   readonly data: Readonly<Record<string, unknown>>,
 *   readonly metadata: Readonly<Record<string, unknown>>,
 * }} HistoryEvent
 */
/**
 * @typedef {{
 *   readonly streamName: string,
 *   readonly chain: { readonly ok: boolean, readonly checked: number, readonly reason?: string },
 *   readonly events: ReadonlyArray<HistoryEvent>,
 * }} ProjectHistory
 */

/** A refused or failed request, with the API's bilingual message when it sent one. */
export class RequestError extends Error {
  /**
   * @param {string} url
   * @param {number} status
   * @param {string} message
   */
  constructor(url, status, message) {
    super(message);
    this.url = url;
    this.status = status;
  }
}

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * A person's token goes as `Authorization: Bearer`, anything else as `X-API-Key`; no credential
 * at all when the page rides on the workbench's session cookie (sent by the browser itself).
 * @param {string} credential
 * @returns {Record<string, string>}
 */
export const authHeaders = (credential) =>
  credential === ''
    ? {}
    : JWT.test(credential)
      ? { authorization: `Bearer ${credential}` }
      : { 'x-api-key': credential };

/**
 * The person signed in to the workbench, when the browser holds its session cookie (HttpOnly: the
 * page cannot see it, so config.json says whether the request carried one) and `GET /session`
 * accepts it; otherwise undefined, and the page asks for a key or token as before.
 * @param {DashboardConfig} config
 * @returns {Promise<{ readonly displayName: string, readonly role: string } | undefined>}
 */
export const signedIn = async (config) => {
  if (config.sessionCookie !== true) return undefined;
  const res = await fetch('/session', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!res.ok) return undefined;
  /** @type {unknown} */
  const body = await res.json().catch(() => null);
  return typeof body === 'object' &&
    body !== null &&
    'displayName' in body &&
    typeof body.displayName === 'string' &&
    'role' in body &&
    typeof body.role === 'string'
    ? { displayName: body.displayName, role: body.role }
    : undefined;
};

/**
 * @param {string} credential
 * @param {import('./i18n.js').Lang} lang
 */
export const apiClient = (credential, lang) => {
  /**
   * @template T
   * @param {string} url
   * @returns {Promise<QueryAnswer<T>>}
   */
  const get = async (url) => {
    const res = await fetch(url, {
      // The workbench's session cookie goes along when there is one (issue #18).
      credentials: 'same-origin',
      headers: { ...authHeaders(credential), accept: 'application/json', 'accept-language': lang },
    });
    /** @type {unknown} */
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      // Error bodies carry the message in both languages and, as `text`, in the one asked for.
      const message =
        typeof body === 'object' && body !== null && 'text' in body && typeof body.text === 'string'
          ? body.text
          : res.statusText;
      throw new RequestError(url, res.status, message);
    }
    return /** @type {QueryAnswer<T>} */ (body);
  };

  return {
    /**
     * The whole register (pages of 500, sorted by projectId), lights as of `asOf`.
     * @param {string} asOf
     * @returns {Promise<QueryAnswer<ReadonlyArray<RegisterEntry>>>}
     */
    register: async (asOf) => {
      /** @type {RegisterEntry[]} */
      const items = [];
      for (;;) {
        /** @type {QueryAnswer<Page<RegisterEntry>>} */
        const page = await get(`/projects?asOf=${asOf}&limit=500&offset=${items.length}`);
        items.push(...page.data.items);
        if (page.data.items.length === 0 || items.length >= page.data.total)
          return { position: page.position, caughtUp: page.caughtUp, data: items };
      }
    },
    /**
     * Every plan of the year (units, then the region), as of a date.
     * @param {number} year
     * @param {string} asOf
     * @returns {Promise<QueryAnswer<ReadonlyArray<TargetProgressView>>>}
     */
    progress: (year, asOf) => get(`/targets/${year}/progress?asOf=${asOf}`),
    /**
     * The review (赛马) of a period, ended on the page's 统计截止 date like every other panel.
     * @param {string} period '2024', '2024-Q1' or '2024-03'
     * @param {string} asOf
     * @returns {Promise<QueryAnswer<PerformanceReview>>}
     */
    review: (period, asOf) => get(`/performance/${period}?asOf=${asOf}`),
    /**
     * The year month by month (the 大屏's headline and trend): a unit's, or the whole region's.
     * @param {number} year
     * @param {string} asOf
     * @param {string} [unitId]
     * @returns {Promise<QueryAnswer<TargetTrendView>>}
     */
    trend: (year, asOf, unitId) =>
      get(
        `/targets/${year}/trend?asOf=${asOf}${unitId !== undefined ? `&unitId=${encodeURIComponent(unitId)}` : ''}`,
      ),
    /**
     * The first page (100, or `limit`, most overdue first) of the supervision list as of a date.
     * @param {string} asOf
     * @param {number} [limit]
     * @returns {Promise<QueryAnswer<Page<SupervisionEntry>>>}
     */
    supervision: (asOf, limit) =>
      get(`/supervision?asOf=${asOf}${limit !== undefined ? `&limit=${limit}` : ''}`),
    // Leading-group meetings and their 交办 items (R20): the year's register as of the page's date
    /**
     * @param {number} year
     * @param {string} asOf
     * @returns {Promise<QueryAnswer<MeetingsRegister>>}
     */
    meetings: (year, asOf) => get(`/meetings?year=${year}&asOf=${asOf}`),
    // enterprise requests (R17): each figure is a list's `total` (one entry asked for), so it is exact
    /**
     * @param {ReadonlyArray<RequestStatus>} statuses
     * @returns {Promise<QueryAnswer<RequestCounts>>}
     */
    requests: async (statuses) => {
      /** @type {(query: string) => Promise<QueryAnswer<Page<unknown>>>} */
      const count = (query) => get(`/requests?${query}&limit=1`);
      const [overdue, ...byStatus] = await Promise.all([
        count('overdue=true'),
        ...statuses.map((s) => count(`status=${s}`)),
      ]);
      return {
        position: overdue.position,
        caughtUp: overdue.caughtUp,
        data: {
          overdue: overdue.data.total,
          byStatus: statuses.map((status, i) => ({ status, count: byStatus[i]?.data.total ?? 0 })),
        },
      };
    },
    /**
     * @param {string} projectId
     * @returns {Promise<QueryAnswer<ProjectHistory>>}
     */
    history: (projectId) => get(`/projects/${encodeURIComponent(projectId)}/history`),
    /**
     * Land (R19): idle and low-efficiency land now, and land revitalised by year and route.
     * @returns {Promise<{ readonly idle: QueryAnswer<IdleLand>, readonly revitalised: QueryAnswer<RevitalisedLand> }>}
     */
    land: async () => {
      /** @type {[QueryAnswer<IdleLand>, QueryAnswer<RevitalisedLand>]} */
      const [idle, revitalised] = await Promise.all([get('/land/idle'), get('/land/revitalised')]);
      return { idle, revitalised };
    },
  };
};

/** @typedef {ReturnType<typeof apiClient>} ApiClient */

/**
 * Years in which the register has projects, newest first.
 * @param {ReadonlyArray<RegisterEntry>} register
 * @returns {number[]}
 */
export const registerYears = (register) =>
  [...new Set(register.map((e) => Number(e.capturedOn.slice(0, 4))))].sort((a, b) => b - a);

/** @typedef {'lead' | 'signed' | 'started' | 'production'} FunnelStep */

/**
 * The funnel lead → signed → started → in production, counted from the project register.
 *
 * Why the register and not the performance review: the review's counts (R13) are flows within a
 * period — the signings of the year, whatever year their lead came in, and only qualified leads —
 * so its four figures do not nest and a funnel drawn from them can widen downwards. The register
 * holds each project's own dates (signedOn, startedOn, productionOn), so the page follows one
 * cohort, the projects captured (or planned) in the year up to `asOf`, and counts how many of them
 * reached each step by `asOf`: each step is a subset of the one before. Duplicates (一炮数响,
 * `counted: false`) are left out, as the targets leave them out.
 *
 * @param {ReadonlyArray<RegisterEntry>} register
 * @param {number} year
 * @param {string} asOf
 * @returns {ReadonlyArray<{ readonly step: FunnelStep, readonly projects: ReadonlyArray<RegisterEntry> }>}
 */
export const funnel = (register, year, asOf) => {
  /** @param {string | undefined} on */
  const reached = (on) => on !== undefined && on <= asOf;
  const leads = register.filter(
    (e) => e.counted && e.capturedOn.startsWith(`${year}-`) && e.capturedOn <= asOf,
  );
  const signed = leads.filter((e) => reached(e.signedOn));
  const started = signed.filter((e) => reached(e.startedOn));
  const production = started.filter((e) => reached(e.productionOn));
  return [
    { step: 'lead', projects: leads },
    { step: 'signed', projects: signed },
    { step: 'started', projects: started },
    { step: 'production', projects: production },
  ];
};

/**
 * The project the timeline opens on: the first (by projectId) of those whose history spans the
 * most days, from capture to the last recorded activity. (The register has those two dates; counting
 * events would cost one history request per project.)
 * @param {ReadonlyArray<RegisterEntry>} register
 * @returns {RegisterEntry | undefined}
 */
export const longestHistory = (register) => {
  /** @param {RegisterEntry} e */
  const span = (e) => Date.parse(e.lastActivityOn) - Date.parse(e.capturedOn);
  /** @type {RegisterEntry | undefined} */
  let best;
  for (const e of register) if (best === undefined || span(e) > span(best)) best = e;
  return best;
};

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The business date of an event: the date of its metadata's businessTime in Asia/Shanghai (the API
 * stamps every event with the business date of its command, or with its arrival time when the
 * command names no date).
 * @param {HistoryEvent} event
 * @returns {string}
 */
export const businessDateOf = (event) => {
  const time = event.metadata.businessTime;
  if (typeof time !== 'string') return '';
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time.slice(0, 10) : new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
};

/** @typedef {import('@zhaoshang/domain').HistoryPhase} Lane */

/**
 * The timeline's lanes, top to bottom, and the events each holds.
 * @type {ReadonlyArray<{ readonly lane: Lane, readonly events: ReadonlyArray<string> }>} */
export const LANES = [
  { lane: 'lead', events: ['LeadCaptured', 'ProjectPlanned', 'LeadQualified', 'LeadDiscarded'] },
  {
    lane: 'admission',
    events: [
      'ConsultationOpened',
      'DepartmentOpinionRecorded',
      'AdmissionApproved',
      'AdmissionRejected',
      'DueDiligenceCompleted',
    ],
  },
  { lane: 'service', events: ['LeaderAssigned', 'SiteVisitRecorded', 'NegotiationHeld'] },
  {
    lane: 'signing',
    events: ['LegalReviewPassed', 'LegalReviewFailed', 'AgreementSigned', 'AgreementAmended'],
  },
  { lane: 'procedures', events: ['ProcedureRequested', 'ProcedureDeadlineComputed', 'ProcedureCompleted'] },
  {
    lane: 'construction',
    events: [
      'ConstructionStarted',
      'InvestmentProgressReported',
      'EnteredStatistics',
      'ConstructionCompleted',
      'FactCorrected',
    ],
  },
  { lane: 'operation', events: ['ProductionStarted', 'CapacityReached', 'PerformanceReported'] },
  {
    lane: 'fulfilment',
    events: [
      'FulfilmentEvaluated',
      'IncentiveDisbursed',
      'SecondaryPromotionStarted',
      'RectificationOrdered',
      'RectificationCompleted',
      'SubsidyClawedBack',
      'LandReclaimed',
    ],
  },
  {
    lane: 'overdue',
    events: [
      'MilestoneMissed',
      'MilestoneWithdrawn',
      // Weekly 包保 visits (R18): a week without the responsible person's visit, raised by the clock.
      'VisitWeekMissed',
    ],
  },
  { lane: 'closure', events: ['ProjectTerminated', 'ProjectAbandoned', 'DuplicateLinked'] },
  { lane: 'other', events: [] },
];

/**
 * @param {string} eventType
 * @returns {Lane}
 */
export const laneOf = (eventType) => LANES.find((l) => l.events.includes(eventType))?.lane ?? 'other';
