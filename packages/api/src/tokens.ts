/** Injection tokens of the values the app is built from (see app.module.ts). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODELS = Symbol('READ_MODELS');
export const API_CONFIG = Symbol('API_CONFIG');
export const CLOCK = Symbol('CLOCK');
