import { aggregateNames, aggregates } from '../registry/aggregates';
import { codecGlossary, fieldGlossary } from './fields.vocabulary';

/** The few fields of io-ts codecs this walk reads. */
interface Walkable {
  readonly _tag?: string;
  readonly name: string;
  readonly props?: Record<string, Walkable>;
  readonly type?: Walkable;
  readonly types?: ReadonlyArray<Walkable>;
  readonly codomain?: Walkable;
}

/** Every field name declared anywhere in a codec (nested structures, lists and unions included). */
const fieldNames = (c: Walkable): string[] => [
  ...Object.keys(c.props ?? {}),
  ...Object.values(c.props ?? {}).flatMap(fieldNames),
  ...(c.type !== undefined ? fieldNames(c.type) : []),
  ...(c.types ?? []).flatMap(fieldNames),
  ...(c.codomain !== undefined ? fieldNames(c.codomain) : []),
];

const CJK = /[\u4e00-\u9fff]/;

/** The name a structure's codec is given (`Investor`), as the forms and the OpenAPI walk find it. */
const givenName = (c: Walkable): string | undefined =>
  /^[A-Z][A-Za-z0-9]*$/.test(c.name) ? c.name : undefined;

/** Every `Structure.field` a codec declares: each named structure with the fields it holds. */
const scopedFields = (c: Walkable, structure = givenName(c)): string[] => [
  ...Object.keys(c.props ?? {}).map((f) => `${structure}.${f}`),
  ...Object.values(c.props ?? {}).flatMap((p) => scopedFields(p)),
  ...(c.type !== undefined
    ? scopedFields(
        c.type,
        givenName(c.type) ?? (c._tag === 'ReadonlyType' || c._tag === 'ExactType' ? structure : undefined),
      )
    : []),
  ...(c.types ?? []).flatMap((m) => scopedFields(m, givenName(m) ?? structure)),
  ...(c.codomain !== undefined ? scopedFields(c.codomain) : []),
];

describe('the field glossary: one label for every field of the commands and events (issue #18 item 7)', () => {
  const glossary: Readonly<Record<string, { zh: string; en: string }>> = fieldGlossary;

  it.each([...aggregateNames])('%s: every field of its commands and events has an entry', (name) => {
    const aggregate = aggregates[name];
    const codecs = [
      ...Object.values(aggregate.commands as Record<string, Walkable>),
      ...Object.values(aggregate.events as Record<string, { readonly data: Walkable }>).map((e) => e.data),
    ];
    const missing = [...new Set(codecs.flatMap(fieldNames))].filter((f) => glossary[f] === undefined);
    expect(missing.sort()).toEqual([]);
  });

  it('a scoped entry names a structure’s codec that has the field (`EvidenceRef.name`, not `Evidence.name`)', () => {
    const declared = new Set(
      aggregateNames.flatMap((name) => {
        const aggregate = aggregates[name];
        return [
          ...Object.values(aggregate.commands as Record<string, Walkable>),
          ...Object.values(aggregate.events as Record<string, { readonly data: Walkable }>).map(
            (e) => e.data,
          ),
        ].flatMap((c) => scopedFields(c));
      }),
    );
    const scoped = Object.keys(glossary).filter((k) => k.includes('.'));
    expect(scoped.length).toBeGreaterThan(5);
    expect(scoped.filter((k) => !declared.has(k))).toEqual([]);
  });

  it('every entry is words a person reads, in Chinese and in English', () => {
    for (const [field, { zh, en }] of [...Object.entries(glossary), ...Object.entries(codecGlossary)]) {
      expect([field, CJK.test(zh)]).toEqual([field, true]);
      expect([field, /^[A-Za-z]/.test(en) && !CJK.test(en.replace(/[分亩万元亿]/g, ''))]).toEqual([
        field,
        true,
      ]);
    }
  });
});
