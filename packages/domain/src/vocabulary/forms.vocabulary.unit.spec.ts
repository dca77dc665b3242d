import { projectCommands } from '../project/project.commands';
import { projectCommandLabels } from './forms.vocabulary';

describe('the forms’ vocabulary (issue #18 item 1: labels from the one vocabulary)', () => {
  it('names every project command', () => {
    expect(Object.keys(projectCommandLabels).sort()).toEqual(Object.keys(projectCommands).sort());
  });
});
