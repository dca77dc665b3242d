import { projectCommands } from '../project/project.commands';
import { aggregates } from '../registry/aggregates';
import { otherCommandLabels, projectCommandLabels, serverOnlyCommands } from './forms.vocabulary';

describe('the forms’ vocabulary (issue #18 item 1: labels from the one vocabulary)', () => {
  it('names every project command', () => {
    expect(Object.keys(projectCommandLabels).sort()).toEqual(Object.keys(projectCommands).sort());
  });
});

describe('the forms of the other aggregates’ commands (issue #18 item 1: forms for every command)', () => {
  it('names every command a person issues, and none the server issues itself', () => {
    const issued = Object.values(aggregates)
      .filter((a) => a.name !== 'project')
      .flatMap((a) => Object.keys(a.commands))
      .filter((c) => !(serverOnlyCommands as ReadonlyArray<string>).includes(c));
    expect(Object.keys(otherCommandLabels).sort()).toEqual(issued.sort());
    for (const label of Object.values(otherCommandLabels)) {
      expect(label.zh).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/^[A-Z]/);
    }
  });
});
