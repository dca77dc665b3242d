import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { readProjectEvent } from '../project/project.upcasters';
import { leadCaptured } from '../testing/project.fixtures';
import { defineEvent, struct } from './event-codec';
import { makeEventReader } from './upcasting';

/** LeadCaptured as the first pilot stored it: 万元 as a float, no channel. */
const v1Lead = () => {
  const { intendedInvestment: _amount, channel: _channel, ...rest } = leadCaptured().data;
  return { ...rest, intendedInvestmentWan: 1234.56 };
};

describe('stored events of older schema versions are upcast on read (STYLE.md: a shipped event is never renamed)', () => {
  it('a LeadCaptured v1 with 1234.56万元 as a float reads as v2 with 1,234,560,000 分 and channel "other"', () => {
    const read = readProjectEvent({ type: 'LeadCaptured', version: 1, data: v1Lead() });
    expect(read).toEqual(
      E.right({
        type: 'LeadCaptured',
        data: { ...leadCaptured().data, intendedInvestment: 1_234_560_000, channel: 'other' },
      }),
    );
  });

  it('a v1 figure whose float is not exact still reads as the exact 分 (0.29万元 × 10⁶ = 289999.99…)', () => {
    const read = readProjectEvent({
      type: 'LeadCaptured',
      version: 1,
      data: { ...v1Lead(), intendedInvestmentWan: 0.29 },
    });
    expect(E.isRight(read) && read.right.type === 'LeadCaptured' && read.right.data.intendedInvestment).toBe(
      290_000,
    );
  });

  it('a v1 lead that already had a channel keeps it', () => {
    const read = readProjectEvent({
      type: 'LeadCaptured',
      version: 1,
      data: { ...v1Lead(), channel: 'fund' },
    });
    expect(E.isRight(read) && read.right.type === 'LeadCaptured' && read.right.data.channel).toBe('fund');
  });

  it('a current v2 event reads unchanged', () => {
    expect(readProjectEvent({ type: 'LeadCaptured', version: 2, data: leadCaptured().data })).toEqual(
      E.right(leadCaptured()),
    );
  });

  it('an event written by a newer version of the software is refused, not guessed (FUTURE_VERSION)', () => {
    expect(readProjectEvent({ type: 'LeadCaptured', version: 3, data: leadCaptured().data })).toEqual(
      E.left({ code: 'FUTURE_VERSION', type: 'LeadCaptured', version: 3, current: 2 }),
    );
  });

  it('an event type the catalogue does not know is refused (UNKNOWN_EVENT_TYPE)', () => {
    expect(readProjectEvent({ type: 'LeadCapturd', version: 1, data: {} })).toEqual(
      E.left({ code: 'UNKNOWN_EVENT_TYPE', type: 'LeadCapturd' }),
    );
  });

  it('data that does not decode after upcasting is refused with the decoder errors (INVALID_EVENT_DATA)', () => {
    const read = readProjectEvent({
      type: 'LeadCaptured',
      version: 1,
      data: { ...v1Lead(), intendedInvestmentWan: -5 },
    });
    expect(E.isLeft(read) && read.left.code).toBe('INVALID_EVENT_DATA');
    const bad = readProjectEvent({ type: 'AgreementSigned', version: 1, data: { projectId: 'XM-1' } });
    expect(E.isLeft(bad) && bad.left.code === 'INVALID_EVENT_DATA' && bad.left.errors.length).toBeGreaterThan(
      0,
    );
  });

  it('a missing step in the upcaster chain is reported (NO_UPCASTER)', () => {
    const Thing = defineEvent('Thing', struct({ n: t.number }), { version: 3, zh: '测试', en: 'test' });
    const read = makeEventReader({ Thing }, [{ type: 'Thing', fromVersion: 1, upcast: (d) => d }]);
    expect(read({ type: 'Thing', version: 1, data: { n: 1 } })).toEqual(
      E.left({ code: 'NO_UPCASTER', type: 'Thing', fromVersion: 2 }),
    );
  });

  it('upcasters run in order, one version at a time', () => {
    const Thing = defineEvent('Thing', struct({ n: t.number }), { version: 3, zh: '测试', en: 'test' });
    const read = makeEventReader({ Thing }, [
      { type: 'Thing', fromVersion: 2, upcast: (d) => ({ n: (d as { n: number }).n * 10 }) },
      { type: 'Thing', fromVersion: 1, upcast: (d) => ({ n: (d as { n: number }).n + 1 }) },
    ]);
    expect(read({ type: 'Thing', version: 1, data: { n: 1 } })).toEqual(
      E.right({ type: 'Thing', data: { n: 20 } }),
    );
  });
});
