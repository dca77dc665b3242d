// @ts-check
/**
 * What the dashboard and the 大屏 share as pages: their elements, their words, the status line,
 * the chart an error empties, and the browser storage they both read (the same key and language).
 */
import { RequestError } from './data.js';
import { messages, t } from './i18n.js';

/** @typedef {import('./i18n.js').Lang} Lang */

/** What both pages keep in this browser: the key or token typed, and the language. */
export const STORAGE = { credential: 'zhaoshang.dashboard.credential', lang: 'zhaoshang.dashboard.lang' };

/**
 * The page's element by id, of the type the page expects.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T }} type
 * @returns {T}
 */
export const byId = (id, type) => {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id} is missing from the page`);
  return el;
};

/**
 * The language asked for in the address (`?lang=en`), else the one remembered, else Chinese.
 * @returns {Lang}
 */
export const requestedLanguage = () => {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(STORAGE.lang);
  return asked === 'en' ? 'en' : 'zh';
};

/**
 * Static labels: every element with data-i18n / data-i18n-placeholder, the document's language
 * and title.
 * @param {Lang} lang
 * @param {import('./i18n.js').MessageKey} titleKey
 */
export const translatePage = (lang, titleKey) => {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t(lang, titleKey);
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const key = el.getAttribute('data-i18n');
    if (key !== null && key in messages.zh)
      el.textContent = t(lang, /** @type {import('./i18n.js').MessageKey} */ (key));
  }
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    const key = el.getAttribute('data-i18n-placeholder');
    if (key !== null && key in messages.zh && el instanceof HTMLInputElement)
      el.placeholder = t(lang, /** @type {import('./i18n.js').MessageKey} */ (key));
  }
};

/**
 * A status line: says a text in the element, marked as an error or not.
 * @param {HTMLElement} element
 * @returns {(text: string, error?: boolean) => void}
 */
export const statusLine =
  (element) =>
  (text, error = false) => {
    element.textContent = text;
    element.classList.toggle('error', error);
  };

/**
 * An error in words: the API's own message with its status, or the error's message.
 * @param {unknown} error
 * @param {Lang} lang
 */
export const describeError = (error, lang) =>
  error instanceof RequestError
    ? t(lang, 'requestFailed', { status: error.status, message: error.message })
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * Resolves once the chart has drawn what it was last given (animations included).
 * @param {import('echarts').ECharts} chart
 * @returns {Promise<void>}
 */
export const finished = (chart) =>
  new Promise((resolve) => {
    const once = () => {
      chart.off('finished', once);
      resolve();
    };
    chart.on('finished', once);
  });

/**
 * Empties a chart after a failed load and says why in it: no figure of an earlier load stays.
 * @param {import('echarts').ECharts} chart
 * @param {string} text
 * @param {string} colour
 */
export const clearChart = (chart, text, colour) =>
  chart.setOption(
    {
      backgroundColor: 'transparent',
      series: [],
      graphic: { type: 'text', left: 'center', top: 'middle', style: { text, fontSize: 14, fill: colour } },
    },
    { notMerge: true },
  );
