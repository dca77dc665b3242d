/**
 * Errors are values: a stable SCREAMING_SNAKE code and the parameters a message needs.
 * Codes are documented in docs/domain.md, never reused, never renamed.
 */
export type ErrorParam = string | number | boolean | null;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

export interface DomainError<C extends string = string> {
  readonly code: C;
  readonly params: ErrorParams;
}

export const domainError = <C extends string>(code: C, params: ErrorParams = {}): DomainError<C> => ({
  code,
  params,
});

/** A message in both languages a person reads here; `{name}` is replaced by the parameter `name`. */
export interface ErrorMessage {
  readonly zh: string;
  readonly en: string;
  /** The rule of DOMAIN.md §2 this error enforces, when there is one. */
  readonly rule?: `R${number}`;
}

export type Language = 'zh' | 'en';

/** Renders an error for a person: the catalogue's message with its parameters filled in. */
export const renderMessage = (message: ErrorMessage, params: ErrorParams, language: Language): string =>
  message[language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
