import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import { InvalidInputError, type FieldError } from '../errors/api-errors';
import { expectedOf } from '../openapi/codec-descriptions';

/** io-ts codecs as data: the few fields of the classes this walker reads (every io-ts codec is one). */
export interface AnyCodec {
  readonly _tag?: string;
  readonly name: string;
  readonly props?: Record<string, AnyCodec>;
  readonly type?: AnyCodec;
  readonly types?: ReadonlyArray<AnyCodec>;
  readonly codomain?: AnyCodec;
  validate: (u: unknown, c: t.Context) => t.Validation<unknown>;
}

/** Tags whose context keys are real property names or array indexes (not union/intersection members). */
const CONTAINERS = new Set([
  'InterfaceType',
  'PartialType',
  'StrictType',
  'ExactType',
  'ArrayType',
  'ReadonlyArrayType',
  'DictionaryType',
  'TupleType',
]);

/** readonly, exact and refinements validate with their parent's context entry: look through them. */
const effectiveTag = (codec: AnyCodec): string => {
  let c: AnyCodec | undefined = codec;
  while (
    c !== undefined &&
    (c._tag === 'ReadonlyType' || c._tag === 'ExactType' || c._tag === 'RefinementType')
  )
    c = c.type;
  return c?._tag ?? '';
};

const pathOf = (context: t.Context): string =>
  context
    .filter((entry, i) => i > 0 && CONTAINERS.has(effectiveTag(context[i - 1]!.type)))
    .map((entry) => entry.key)
    .join('.');

/** io-ts errors as `{ path, expected, value }`, one per failing path and expectation. */
export const fieldErrors = (errors: t.Errors): FieldError[] => {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    const last = e.context[e.context.length - 1];
    const path = pathOf(e.context);
    // What the value must be as a person reads it (`金额（…） an amount in CNY, in 分 …`), not the codec's name.
    const expected = last !== undefined ? expectedOf(last.type) : 'unknown';
    const key = `${path}\u0000${expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, expected, value: e.value === undefined ? null : e.value });
  }
  return out;
};

/** The declared properties of an object codec (through readonly, refinements, intersections). */
const propsOf = (c: AnyCodec): Record<string, AnyCodec> | undefined => {
  switch (c._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'StrictType':
      return c.props;
    case 'ReadonlyType':
    case 'RefinementType':
    case 'ExactType':
      return c.type ? propsOf(c.type) : undefined;
    case 'IntersectionType': {
      const parts = (c.types ?? []).map(propsOf);
      return parts.every((p) => p !== undefined) ? Object.assign({}, ...parts) : undefined;
    }
    default:
      return undefined;
  }
};

/** Properties the codec does not declare: refused, so that nothing undeclared is ever stored in an event. */
export const undeclaredPaths = (c: AnyCodec, value: unknown, prefix = ''): FieldError[] => {
  const join = (k: string | number) => (prefix === '' ? String(k) : `${prefix}.${k}`);
  switch (c._tag) {
    case 'ReadonlyType':
    case 'RefinementType':
    case 'ExactType':
      return c.type ? undeclaredPaths(c.type, value, prefix) : [];
    case 'ArrayType':
    case 'ReadonlyArrayType': {
      const item = c.type;
      return Array.isArray(value) && item ? value.flatMap((v, i) => undeclaredPaths(item, v, join(i))) : [];
    }
    case 'DictionaryType': {
      const codomain = c.codomain;
      return typeof value === 'object' && value !== null && codomain
        ? Object.entries(value).flatMap(([k, v]) => undeclaredPaths(codomain, v, join(k)))
        : [];
    }
    case 'UnionType': {
      const member = (c.types ?? []).find((m) => E.isRight(m.validate(value, [])));
      return member ? undeclaredPaths(member, value, prefix) : [];
    }
    default: {
      const props = propsOf(c);
      if (props === undefined || typeof value !== 'object' || value === null) return [];
      return Object.entries(value).flatMap(([k, v]) => {
        const prop = props[k];
        return prop === undefined
          ? [{ path: join(k), expected: 'no such property', value: v }]
          : undeclaredPaths(prop, v, join(k));
      });
    }
  }
};

/** Decodes untrusted input or throws a 400 listing every failing path (undeclared properties included). */
export const decodeOrThrow = <A>(codec: t.Decoder<unknown, A> & AnyCodec, input: unknown): A => {
  const decoded = codec.decode(input);
  if (E.isLeft(decoded)) throw new InvalidInputError(fieldErrors(decoded.left));
  const extra = undeclaredPaths(codec, input);
  if (extra.length > 0) throw new InvalidInputError(extra);
  return decoded.right;
};
