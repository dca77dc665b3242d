import { Channel, codecGlossary, Cny, fieldGlossary, NonEmptyText, vocabulary } from '@zhaoshang/domain';
import * as t from 'io-ts';
import { commandCodecs } from '../command-handling/aggregates';
import { textPatterns } from '../http/query-inputs';
// Every route's codecs are made (and their text codecs registered) when the route table is loaded.
import { exchangeRoutes } from '../http/route-table';
import {
  apiFieldGlossary,
  codecLabel,
  enumLabels,
  expectedOf,
  type DescribedCodec,
} from './codec-descriptions';

/** Every enumeration (keyof codec) reachable from a codec. */
const enumerations = (
  c: DescribedCodec & { props?: Record<string, DescribedCodec>; codomain?: DescribedCodec },
): DescribedCodec[] => {
  const children = [
    ...Object.values(c.props ?? {}),
    ...(c.type !== undefined ? [c.type] : []),
    ...(c.types ?? []),
    ...(c.codomain !== undefined ? [c.codomain] : []),
  ];
  return [...(c._tag === 'KeyofType' ? [c] : []), ...children.flatMap(enumerations)];
};

describe('what a codec is, as a person reads it (issue #18 item 7)', () => {
  it('a 400 names the type in Chinese then English, from the codec glossary', () => {
    expect(expectedOf(Cny)).toBe(`${codecGlossary.Cny.zh} ${codecGlossary.Cny.en}`);
    expect(expectedOf(NonEmptyText)).toBe(
      '文字（不能为空，至多 4000 字） text, not blank, at most 4000 characters',
    );
    expect(expectedOf(t.number)).toBe('数字 a number');
  });

  it('an enumeration lists its codes with the vocabulary’s labels', () => {
    expect(expectedOf(Channel)).toContain('industrial-chain（产业链招商）');
    expect(expectedOf(Channel)).toContain(`industrial-chain (${vocabulary.channels['industrial-chain'].en})`);
  });

  it('every enumeration of every command and exchange body has labels for its codes', () => {
    const codecs = [
      ...Object.values(commandCodecs),
      ...exchangeRoutes.flatMap((r) => (r.body !== undefined && 'codec' in r.body ? [r.body.codec] : [])),
    ] as DescribedCodec[];
    const unlabelled = codecs
      .flatMap(enumerations)
      .map((e) => Object.keys(e.keys ?? {}))
      .filter((codes) => enumLabels(codes) === undefined);
    expect(unlabelled).toEqual([]);
  });

  it('every text codec of the API has its own words (no generic “text”)', () => {
    const generic = codecLabel(t.string);
    const missing = [...textPatterns.keys()].filter((name) => {
      const label = codecLabel({ _tag: 'RefinementType', name, type: t.string });
      return label.zh === generic.zh;
    });
    expect(missing).toEqual([]);
  });

  it('the API’s own fields are not words of the domain: one home for each', () => {
    const domain = new Set(Object.keys(fieldGlossary));
    expect(Object.keys(apiFieldGlossary).filter((k) => domain.has(k))).toEqual([]);
  });
});
