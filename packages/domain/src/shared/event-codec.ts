import * as t from 'io-ts';

/** A domain event as the aggregates see it: a discriminating type and its data. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** One entry of an event catalogue: the codec, its current schema version and what it means. */
export interface EventDefinition<T extends string = string, D = unknown, O = unknown> {
  readonly type: T;
  /** Current schema version; older stored versions are upcast to it before decoding. */
  readonly version: number;
  readonly codec: t.Type<DomainEvent<T, D>, DomainEvent<T, O>, unknown>;
  readonly data: t.Type<D, O, unknown>;
  readonly zh: string;
  readonly en: string;
  /** Rules of DOMAIN.md §2 the event is involved in. */
  readonly rules: ReadonlyArray<`R${number}`>;
}

/** Defines an event: `{ type, data }` with a literal type and a data codec. */
export const defineEvent = <T extends string, C extends t.Mixed>(
  type: T,
  data: C,
  meta: {
    readonly version?: number;
    readonly zh: string;
    readonly en: string;
    readonly rules?: ReadonlyArray<`R${number}`>;
  },
): EventDefinition<T, t.TypeOf<C>, t.OutputOf<C>> => ({
  type,
  version: meta.version ?? 1,
  data,
  codec: t.type({ type: t.literal(type), data }, type) as unknown as t.Type<
    DomainEvent<T, t.TypeOf<C>>,
    DomainEvent<T, t.OutputOf<C>>,
    unknown
  >,
  zh: meta.zh,
  en: meta.en,
  rules: meta.rules ?? [],
});

/** Any entry of a catalogue (codecs as t.Mixed so that definitions of different types fit one record). */
export type AnyDefinition = Omit<EventDefinition, 'codec' | 'data'> & {
  readonly codec: t.Mixed;
  readonly data: t.Mixed;
};
/** The event type (union) of a catalogue of definitions. */
export type EventOf<Defs extends Record<string, AnyDefinition>> = {
  [K in keyof Defs]: t.TypeOf<Defs[K]['codec']>;
}[keyof Defs];

/**
 * A codec for a whole catalogue that dispatches on `type` (one lookup) instead of trying each
 * member of a union in turn: decoding stays fast however many event types there are.
 */
export const catalogueCodec = <Defs extends Record<string, AnyDefinition>>(
  name: string,
  definitions: Defs,
): t.Type<EventOf<Defs>, unknown, unknown> => {
  const byType = new Map<string, AnyDefinition>(Object.values(definitions).map((d) => [d.type, d]));
  return new t.Type<EventOf<Defs>, unknown, unknown>(
    name,
    (u): u is EventOf<Defs> => {
      if (typeof u !== 'object' || u === null) return false;
      const def = byType.get((u as { type?: unknown }).type as string);
      return def !== undefined && def.codec.is(u);
    },
    (u, c) => {
      const type = typeof u === 'object' && u !== null ? (u as { type?: unknown }).type : undefined;
      const def = typeof type === 'string' ? byType.get(type) : undefined;
      if (def === undefined) {
        return t.failure(
          u,
          t.appendContext(
            c,
            'type',
            t.keyof(Object.fromEntries([...byType.keys()].map((k) => [k, null]))),
            type,
          ),
          `unknown event type ${String(type)}`,
        );
      }
      return def.codec.validate(u, c) as t.Validation<EventOf<Defs>>;
    },
    (a) => byType.get(a.type)!.codec.encode(a),
  );
};

/** `codec | undefined`, for fields that may be absent. */
export const optional = <C extends t.Mixed>(codec: C) => t.union([codec, t.undefined]);

/** An object codec with required and optional properties (optional ones may be absent). */
export function struct<P extends t.Props>(required: P, name?: string): t.ReadonlyC<t.TypeC<P>>;
export function struct<P extends t.Props, O extends t.Props>(
  required: P,
  optionalProps: O,
  name?: string,
): t.ReadonlyC<t.IntersectionC<[t.TypeC<P>, t.PartialC<O>]>>;
export function struct(required: t.Props, second?: t.Props | string, third?: string): t.Mixed {
  if (typeof second === 'object') {
    return t.readonly(t.intersection([t.type(required), t.partial(second)]), third);
  }
  return t.readonly(t.type(required), second);
}
