import {
  EventIdConflictError,
  isEventStoreError,
  renderStoreMessage,
  StoreUnavailableError,
  storeErrorMessages,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from './errors';

describe('store errors', () => {
  it('carry a stable code and the parameters their message needs', () => {
    const e = new WrongExpectedRevisionError('project-1', 3, 5);
    expect(e).toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      expected: 3,
      actual: 5,
      params: { streamName: 'project-1', expected: '3', actual: '5' },
    });
    expect(e.message).toContain('expected revision 3, actual 5');
    expect(e.render('zh')).toBe('事件流 project-1 已被他人修改：期望版本 3，实际版本 5。请刷新后重试。');
    expect(new StreamNotFoundError('x').code).toBe('STREAM_NOT_FOUND');
    expect(new EventIdConflictError('x', 'e1').render('en')).toContain('e1');
  });

  it('keep the driver error as cause when the store is unavailable', () => {
    const cause = new Error('ECONNREFUSED');
    const e = new StoreUnavailableError({ cause });
    expect(e.cause).toBe(cause);
    expect(isEventStoreError(e)).toBe(true);
    expect(isEventStoreError(cause)).toBe(false);
  });

  it('have a message in both languages for every code, and every placeholder is a parameter', () => {
    for (const [code, message] of Object.entries(storeErrorMessages)) {
      expect(message.zh.length).toBeGreaterThan(0);
      expect(message.en.length).toBeGreaterThan(0);
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect([code, names(message.zh)]).toEqual([code, names(message.en)]);
    }
    expect(renderStoreMessage('STREAM_NOT_FOUND', {}, 'en')).toBe('Stream {streamName} does not exist.');
  });
});
