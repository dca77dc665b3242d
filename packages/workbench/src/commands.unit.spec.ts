import { commandCodecs, otherCommandLabels, type OtherCommandType } from '@zhaoshang/domain';
import { commandFormOf, commandLabelOf, commandsWithoutForm, workAreas } from './commands';
import { bodyOf, hasField, initialValuesOf, type CodecShape, type FieldSpec } from './form-model';

const others = Object.keys(otherCommandLabels) as ReadonlyArray<OtherCommandType>;
const withForm = others.filter((c) => !commandsWithoutForm.includes(c));

/** The codec under refinements, brands, readonly and exact wrappers. */
const base = (c: CodecShape): CodecShape =>
  (c._tag === 'RefinementType' || c._tag === 'ReadonlyType' || c._tag === 'ExactType') && c.type !== undefined
    ? base(c.type)
    : c;
const propsOf = (c: CodecShape): Readonly<Record<string, CodecShape>> => {
  const u = base(c);
  if (u.props !== undefined) return u.props;
  if (u._tag === 'IntersectionType')
    return Object.fromEntries((u.types ?? []).flatMap((x) => Object.entries(propsOf(x))));
  return {};
};

/**
 * Every problem of a form against its codec: a field with no label (its raw name shown), a text
 * field whose codec is no text (a kind the walker did not know, fallen back to a text box), an
 * alternative without its label.
 */
const problemsOf = (fields: ReadonlyArray<FieldSpec>, codec: CodecShape, at: string): string[] => {
  const props = propsOf(codec);
  return fields.flatMap((f): string[] => {
    const c = props[f.name];
    const here = `${at}${f.name}`;
    if (c === undefined) return [`${here}: not in the codec`];
    const own = f.label.zh === f.name || f.label.en === f.name ? [`${here}: no label`] : [];
    const b = base(c);
    switch (f.kind) {
      case 'text':
        return [
          ...own,
          ...(b._tag === 'StringType' ? [] : [`${here}: ${b._tag ?? '?'} ${b.name} shown as text`]),
        ];
      case 'texts':
        return [
          ...own,
          ...(b.type !== undefined && base(b.type)._tag === 'StringType' ? [] : [`${here}: not texts`]),
        ];
      case 'group':
        return [...own, ...problemsOf(f.fields, c, `${here}.`)];
      case 'list':
        return [...own, ...problemsOf(f.fields, b.type ?? b, `${here}[].`)];
      case 'variant':
        return [
          ...own,
          ...f.variants.flatMap((v, i) => [
            ...(v.label.zh === v.tag ? [`${here}: alternative ${v.tag} has no label`] : []),
            ...problemsOf(v.fields, b.types?.[i] ?? b, `${here}<${v.tag}>.`),
          ]),
        ];
      default:
        return own;
    }
  });
};

describe('forms for every command a person issues (issue #18 item 1)', () => {
  it('every non-server command of every other aggregate has a label and a form with known field kinds', () => {
    expect(withForm.length).toBe(others.length - commandsWithoutForm.length);
    for (const command of withForm) {
      expect(commandLabelOf(command).zh).toMatch(/\p{Script=Han}/u);
      const fields = commandFormOf(command);
      expect(fields.length).toBeGreaterThan(0);
      expect({ command, problems: problemsOf(fields, commandCodecs[command], '') }).toEqual({
        command,
        problems: [],
      });
    }
  });

  it('every such command sits in one area of the other-work page, with where its result is seen', () => {
    const listed = workAreas.flatMap((a) => a.commands.map((c) => c.command));
    expect([...listed].sort()).toEqual([...withForm].sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const { seeAt } of workAreas.flatMap((a) => a.commands)) expect(seeAt).toMatch(/^\//);
  });

  it('a project id is a field of the other aggregates’ forms (the project page supplies only its own)', () => {
    expect(commandFormOf('AllocatePlot').map((f) => f.name)).toContain('projectId');
    expect(commandFormOf('StartConstruction').map((f) => f.name)).not.toContain('projectId');
  });

  it('a field of several shapes is a choice of its alternative, sent with its kind', () => {
    const decision = commandFormOf('RecordDecision');
    const items = decision.find((f) => f.name === 'items');
    if (items?.kind !== 'list') throw new Error('items is a list');
    const owner = items.fields.find((f) => f.name === 'owner');
    if (owner?.kind !== 'variant') throw new Error('owner is a variant');
    expect(owner.variants.map((v) => [v.tag, v.label.zh, v.fields.map((f) => f.kind)])).toEqual([
      ['unit', '责任单位', ['unit']],
      ['department', '责任部门', ['choice']],
    ]);
    const deadline = items.fields.find((f) => f.name === 'deadline');
    if (deadline?.kind !== 'variant') throw new Error('deadline is a variant');
    expect(initialValuesOf([deadline], '2024-10-31')).toEqual({ deadline: { kind: 'date' } });
    expect(
      bodyOf([owner, deadline], {
        owner: { kind: 'department', department: 'naturalResources', unitId: 'stale' },
        deadline: { kind: 'working-days', workingDays: '10' },
      }),
    ).toEqual({
      body: {
        owner: { kind: 'department', department: 'naturalResources' },
        deadline: { kind: 'working-days', workingDays: 10 },
      },
      problems: [],
    });
    expect(hasField(decision, ['items', 0, 'owner', 'department'])).toBe(true);
    expect(hasField(decision, ['items', 0, 'owner', 'nothing'])).toBe(false);
  });
});
