import { fieldGlossary, variantLabels, vocabulary, type FieldEntry, type Label } from '@zhaoshang/domain';
import { MONEY_UNITS, minorToJson, parseAmount, type AmountError, type MoneyUnit } from './money';

/**
 * A command's form, generated from the domain's codec of the command (issue #18 item 1): one field
 * per property, its kind read from the codec (branded money, dates, enumerations, nested structs,
 * arrays), its label from the domain's field glossary (the one the API's OpenAPI document reads). The same walk turns the form's values back into the
 * command's JSON body, with amounts converted exactly.
 */

/** io-ts codecs as data: the few fields of the classes this walker reads (every io-ts codec is one). */
export interface CodecShape {
  readonly _tag?: string;
  readonly name: string;
  readonly props?: Readonly<Record<string, CodecShape>>;
  readonly type?: CodecShape;
  readonly types?: ReadonlyArray<CodecShape>;
  readonly keys?: Readonly<Record<string, unknown>>;
  readonly value?: unknown;
}

export interface Choice {
  readonly value: string;
  readonly label: Label;
}

interface Common {
  readonly name: string;
  readonly label: Label;
  readonly required: boolean;
}
export type FieldSpec =
  | (Common & { readonly kind: 'text'; readonly multiline: boolean })
  | (Common & { readonly kind: 'unit' })
  | (Common & { readonly kind: 'date' })
  | (Common & { readonly kind: 'month' })
  | (Common & { readonly kind: 'year' })
  | (Common & { readonly kind: 'money'; readonly units: ReadonlyArray<MoneyUnit> })
  | (Common & { readonly kind: 'area' })
  | (Common & { readonly kind: 'count' })
  | (Common & { readonly kind: 'number' })
  | (Common & { readonly kind: 'boolean' })
  | (Common & { readonly kind: 'choice'; readonly choices: ReadonlyArray<Choice> })
  | (Common & { readonly kind: 'choices'; readonly choices: ReadonlyArray<Choice> })
  | (Common & { readonly kind: 'texts' })
  | (Common & { readonly kind: 'group'; readonly fields: ReadonlyArray<FieldSpec> })
  | (Common & { readonly kind: 'list'; readonly fields: ReadonlyArray<FieldSpec> })
  | (Common & { readonly kind: 'variant'; readonly variants: ReadonlyArray<Variant> });

/** One alternative of a field that is one of several shapes: its `kind`, its label, its own fields. */
export interface Variant {
  readonly tag: string;
  readonly label: Label;
  readonly fields: ReadonlyArray<FieldSpec>;
}
export type FieldKind = FieldSpec['kind'];

/** Fields the page supplies, not the person: the command's type and the project it addresses. */
const IMPLIED = new Set(['type', 'projectId']);
/** The field no form shows: the command's type (the other aggregates' forms, issue #18 item 1). */
export const ONLY_TYPE_IMPLIED: ReadonlySet<string> = new Set(['type']);
/** An alternative's fields leave out its `kind`: the form's choice of the alternative gives it. */
const KIND_IMPLIED: ReadonlySet<string> = new Set(['type', 'kind']);
/** Free text a person writes at length. */
const MULTILINE = new Set([
  'content',
  'summary',
  'reason',
  'assessment',
  'plan',
  'description',
  'opinion',
  'conditions',
]);

/** Labels of yes/no outcomes that have no section of their own in the vocabulary. */
const OUTCOME_LABELS: Readonly<Record<string, Label>> = {
  passed: { zh: '通过', en: 'Passed' },
  failed: { zh: '未通过', en: 'Failed' },
};

const sameKeys = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((k) => b.includes(k));

/** The vocabulary's labels of an enumeration: the section whose terms are exactly its members. */
export const choicesOf = (keys: ReadonlyArray<string>): ReadonlyArray<Choice> => {
  const sections = Object.values(vocabulary) as ReadonlyArray<Readonly<Record<string, Label>>>;
  const section = sections.find((s) => sameKeys(Object.keys(s), keys));
  return keys.map((k) => ({ value: k, label: section?.[k] ?? OUTCOME_LABELS[k] ?? { zh: k, en: k } }));
};

const glossary: Readonly<Record<string, FieldEntry>> = fieldGlossary;

/**
 * A field's label: its own in its structure where the glossary has one (`Investor.name`), else its
 * name's (the glossary's words, without its example).
 */
const labelOf = (name: string, structure: string | undefined): Label => {
  const entry = (structure === undefined ? undefined : glossary[`${structure}.${name}`]) ?? glossary[name];
  return entry === undefined ? { zh: name, en: name } : { zh: entry.zh, en: entry.en };
};

/**
 * The name a structure's codec is given (`Investor`, `EvidenceRef`, a command's type), looking
 * through its readonly and exact wrappers: the glossary keys a field by it where the structure
 * gives the field its own sense. An anonymous codec's name is its type (`{ name: … }`), not a name.
 */
const structureOf = (c: CodecShape): string | undefined =>
  /^[A-Z][A-Za-z0-9]*$/.test(c.name)
    ? c.name
    : (c._tag === 'ReadonlyType' || c._tag === 'ExactType') && c.type !== undefined
      ? structureOf(c.type)
      : undefined;

/** Looks through readonly and exact wrappers (not refinements: their names carry the meaning). */
const unwrap = (c: CodecShape): CodecShape =>
  (c._tag === 'ReadonlyType' || c._tag === 'ExactType') && c.type !== undefined ? unwrap(c.type) : c;

/** Looks through refinements too (the base type of a brand). */
const unwrapAll = (c: CodecShape): CodecShape =>
  (c._tag === 'ReadonlyType' || c._tag === 'ExactType' || c._tag === 'RefinementType') && c.type !== undefined
    ? unwrapAll(c.type)
    : c;

/** The properties of an object codec with whether each is required (through intersections). */
const propsOf = (c: CodecShape): ReadonlyArray<readonly [string, CodecShape, boolean]> => {
  const u = unwrap(c);
  switch (u._tag) {
    case 'InterfaceType':
    case 'StrictType':
      return Object.entries(u.props ?? {}).map(([k, v]) => [k, v, true] as const);
    case 'PartialType':
      return Object.entries(u.props ?? {}).map(([k, v]) => [k, v, false] as const);
    case 'IntersectionType':
      return (u.types ?? []).flatMap(propsOf);
    case 'RefinementType':
      return u.type === undefined ? [] : propsOf(u.type);
    default:
      return [];
  }
};

const isObject = (c: CodecShape): boolean => propsOf(c).length > 0;

/** The `kind` literal of a union's member (`{ kind: 'unit', unitId }`), if it has one. */
const tagOf = (c: CodecShape): string | undefined => {
  const kind = propsOf(c).find(([name]) => name === 'kind')?.[1];
  const u = kind === undefined ? undefined : unwrap(kind);
  return u?._tag === 'LiteralType' && typeof u.value === 'string' ? u.value : undefined;
};

/**
 * The alternatives of a union discriminated by `kind` (every member an object with its literal),
 * labelled by the domain's `variantLabels` under the member's codec name; else undefined.
 */
const variantsOf = (c: CodecShape): ReadonlyArray<Variant> | undefined => {
  if (c._tag !== 'UnionType' || c.types === undefined) return undefined;
  const variants = c.types.map((member) => {
    const tag = tagOf(member);
    const name = structureOf(member);
    return tag === undefined
      ? undefined
      : {
          tag,
          label: (name === undefined ? undefined : variantLabels[name]) ?? { zh: tag, en: tag },
          fields: formOf(member, KIND_IMPLIED),
        };
  });
  return variants.every((v) => v !== undefined) ? variants : undefined;
};

/** One field of a form from one property of a codec (of the structure named `structure`). */
export const fieldOf = (
  name: string,
  codec: CodecShape,
  required: boolean,
  structure?: string,
): FieldSpec => {
  const common = { name, label: labelOf(name, structure), required };
  const c = unwrap(codec);
  if (name === 'unitId') return { ...common, kind: 'unit' };
  switch (c.name) {
    case 'Cny':
      return { ...common, kind: 'money', units: ['yi', 'wan'] };
    case 'Usd':
      return { ...common, kind: 'money', units: ['wanUsd'] };
    case 'Mu':
      return { ...common, kind: 'area' };
    case 'Count':
      return { ...common, kind: 'count' };
    case 'BusinessDate':
      return { ...common, kind: 'date' };
    case 'YearMonth':
      return { ...common, kind: 'month' };
    case 'Year':
      return { ...common, kind: 'year' };
  }
  if (c._tag === 'KeyofType')
    return { ...common, kind: 'choice', choices: choicesOf(Object.keys(c.keys ?? {})) };
  if ((c._tag === 'ReadonlyArrayType' || c._tag === 'ArrayType') && c.type !== undefined) {
    const item = unwrap(c.type);
    if (item._tag === 'KeyofType')
      return { ...common, kind: 'choices', choices: choicesOf(Object.keys(item.keys ?? {})) };
    if (isObject(item)) return { ...common, kind: 'list', fields: formOf(c.type) };
    return { ...common, kind: 'texts' };
  }
  if (isObject(c)) return { ...common, kind: 'group', fields: formOf(codec) };
  const variants = variantsOf(c);
  if (variants !== undefined) return { ...common, kind: 'variant', variants };
  if (c._tag === 'BooleanType') return { ...common, kind: 'boolean' };
  if (c._tag === 'NumberType') return { ...common, kind: 'number' };
  // a branded number the walker has no name for (`BasisPoints`): a whole number, as every such brand is
  if (c._tag === 'RefinementType' && c.type !== undefined && unwrapAll(c.type)._tag === 'NumberType')
    return { ...common, kind: 'count' };
  return { ...common, kind: 'text', multiline: MULTILINE.has(name) };
};

/**
 * The fields of a command's form, in the codec's order (required ones first, as the codec lists
 * them). `implied`: the fields the page supplies (a project's page its `projectId`; the other
 * aggregates' forms only the `type`, their `projectId` being a field the person fills in).
 */
export const formOf = (codec: CodecShape, implied: ReadonlySet<string> = IMPLIED): ReadonlyArray<FieldSpec> =>
  propsOf(codec)
    .filter(([name]) => !implied.has(name))
    .map(([name, c, required]) => fieldOf(name, c, required, structureOf(codec)));

/** A money field's value in the form: the text typed and the unit chosen. */
export interface MoneyValue {
  readonly amount?: string;
  readonly unit?: MoneyUnit;
}

/** A problem found while building a body, at a field's path (the same paths the server answers). */
export interface FieldProblem {
  readonly path: ReadonlyArray<string | number>;
  readonly error: AmountError | { readonly code: 'NOT_AN_INTEGER' } | { readonly code: 'NOT_A_DECIMAL' };
}

type Values = Readonly<Record<string, unknown>>;
const isValues = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);
const blank = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** An integer or decimal typed as text (or given as a number by an input), exactly as typed. */
const numberOf = (v: unknown, integer: boolean): number | undefined => {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  return (integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(text) ? Number(text) : undefined;
};

/**
 * The command's JSON body from the form's values: blank optional fields left out, amounts in minor
 * units, numbers as numbers; every value the form cannot turn into the codec's type is a problem
 * at its path (the server still decodes the body and answers 400 at the field for anything else).
 */
export const bodyOf = (
  fields: ReadonlyArray<FieldSpec>,
  values: Values,
  at: ReadonlyArray<string | number> = [],
): { readonly body: Record<string, unknown>; readonly problems: ReadonlyArray<FieldProblem> } => {
  const body: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    const v = values[f.name];
    const path = [...at, f.name];
    if (f.kind !== 'boolean' && blank(v)) {
      if (f.required)
        body[f.name] = f.kind === 'choices' || f.kind === 'texts' || f.kind === 'list' ? [] : '';
      continue;
    }
    switch (f.kind) {
      case 'text':
      case 'unit':
      case 'date':
      case 'month':
      case 'choice':
        body[f.name] = typeof v === 'string' ? v.trim() : v;
        break;
      case 'choices':
        body[f.name] = v;
        break;
      case 'texts':
        body[f.name] = (Array.isArray(v) ? v : String(v).split('\n'))
          .map((x) => String(x).trim())
          .filter((x) => x !== '');
        break;
      case 'boolean':
        body[f.name] = v === true;
        break;
      case 'year':
      case 'count':
      case 'number': {
        const n = numberOf(v, f.kind !== 'number');
        if (n === undefined)
          problems.push({ path, error: { code: f.kind === 'number' ? 'NOT_A_DECIMAL' : 'NOT_AN_INTEGER' } });
        else body[f.name] = n;
        break;
      }
      case 'area': {
        const n = numberOf(v, false);
        if (n === undefined) problems.push({ path, error: { code: 'NOT_A_DECIMAL' } });
        else body[f.name] = n;
        break;
      }
      case 'money': {
        const m = (isValues(v) ? v : { amount: String(v) }) as MoneyValue;
        if (blank(m.amount)) {
          if (f.required) body[f.name] = '';
          break;
        }
        const unit = m.unit !== undefined && f.units.includes(m.unit) ? m.unit : f.units[0]!;
        const parsed = parseAmount(m.amount ?? '', unit);
        if (parsed.ok) body[f.name] = minorToJson(parsed.minor);
        else problems.push({ path, error: parsed.error });
        break;
      }
      case 'group': {
        const inner = bodyOf(f.fields, isValues(v) ? v : {}, path);
        body[f.name] = inner.body;
        problems.push(...inner.problems);
        break;
      }
      case 'variant': {
        const chosen = isValues(v) ? f.variants.find((x) => x.tag === v.kind) : undefined;
        if (chosen === undefined) {
          body[f.name] = {};
          break;
        }
        const inner = bodyOf(chosen.fields, isValues(v) ? v : {}, path);
        body[f.name] = { kind: chosen.tag, ...inner.body };
        problems.push(...inner.problems);
        break;
      }
      case 'list': {
        const items = (Array.isArray(v) ? v : []).map((item: unknown, i) =>
          bodyOf(f.fields, isValues(item) ? item : {}, [...path, i]),
        );
        body[f.name] = items.map((x) => x.body);
        problems.push(...items.flatMap((x) => x.problems));
        break;
      }
    }
  }
  return { body, problems };
};

/** A server's error path (`investor.creditCode`, `terms.incentives.0.ceiling`) as the form's field path. */
export const fieldPathOf = (path: string): ReadonlyArray<string | number> =>
  path === '' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Whether a path names a field of the form (else its error is shown above the form). */
export const hasField = (fields: ReadonlyArray<FieldSpec>, path: ReadonlyArray<string | number>): boolean => {
  const [head, ...rest] = path;
  const f = fields.find((x) => x.name === head);
  if (f === undefined) return false;
  if (rest.length === 0) return true;
  if (f.kind === 'group') return hasField(f.fields, rest);
  if (f.kind === 'variant') return rest[0] === 'kind' || f.variants.some((x) => hasField(x.fields, rest));
  if (f.kind === 'list')
    return typeof rest[0] === 'number' && (rest.length === 1 || hasField(f.fields, rest.slice(1)));
  return f.kind === 'money' || f.kind === 'texts' || f.kind === 'choices';
};

/** The dates of the fact itself (never a deadline or a schedule), pre-filled with today. */
const DAY_OF_FACT = new Set(['on', 'capturedOn', 'plannedOn', 'completeOn', 'correctedOn']);

/** The initial values of a form: money fields in their first unit, today on the day of the fact. */
export const initialValuesOf = (fields: ReadonlyArray<FieldSpec>, today: string): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.kind === 'money') out[f.name] = { unit: f.units[0] };
    else if (f.kind === 'date' && f.required && DAY_OF_FACT.has(f.name)) out[f.name] = today;
    else if (f.kind === 'boolean') out[f.name] = false;
    else if (f.kind === 'group') out[f.name] = initialValuesOf(f.fields, today);
    else if (f.kind === 'variant' && f.variants[0] !== undefined)
      out[f.name] = { kind: f.variants[0].tag, ...initialValuesOf(f.variants[0].fields, today) };
  }
  return out;
};

export { MONEY_UNITS };
