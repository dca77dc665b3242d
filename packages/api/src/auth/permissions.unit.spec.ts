import { serverOnlyCommands } from '@zhaoshang/domain';
import { serverCommands } from './permissions';

describe('the commands only the server issues (issue #18 item 1: no form for them)', () => {
  it('are the ones the domain’s forms leave out', () => {
    expect([...serverCommands].sort()).toEqual([...serverOnlyCommands].sort());
  });
});
