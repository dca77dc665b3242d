import type * as t from 'io-ts';
import { projectCommands } from '../project/project.commands';
import { fieldLabels, projectCommandLabels } from './forms.vocabulary';

/** Every property name of a codec, nested ones too (through readonly, exact, refinements, unions, arrays). */
const propertyNames = (c: t.Mixed, out: Set<string>): Set<string> => {
  const codec = c as t.Mixed & {
    _tag?: string;
    props?: Record<string, t.Mixed>;
    type?: t.Mixed;
    types?: ReadonlyArray<t.Mixed>;
  };
  if (codec.props !== undefined)
    for (const [k, v] of Object.entries(codec.props)) propertyNames(v, out.add(k));
  if (codec.type !== undefined && codec._tag !== 'KeyofType') propertyNames(codec.type, out);
  for (const m of codec.types ?? []) propertyNames(m, out);
  return out;
};

describe('the forms’ vocabulary (issue #18 item 1: labels from the one vocabulary)', () => {
  it('labels every field of every project command, in Chinese and English', () => {
    const names = new Set<string>();
    for (const c of Object.values(projectCommands)) propertyNames(c, names);
    names.delete('type');
    const missing = [...names].filter((n) => fieldLabels[n] === undefined);
    expect(missing).toEqual([]);
    for (const n of names) {
      expect(fieldLabels[n]!.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(fieldLabels[n]!.en.length).toBeGreaterThan(0);
    }
  });

  it('names every project command', () => {
    expect(Object.keys(projectCommandLabels).sort()).toEqual(Object.keys(projectCommands).sort());
  });
});
