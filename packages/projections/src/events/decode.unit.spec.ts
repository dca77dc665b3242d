import { projectFixtures } from '@zhaoshang/domain/testing';
import type { StoredEvent } from '@zhaoshang/eventstore';
import * as E from 'fp-ts/Either';
import { decodeStoredEvent } from './decode';

const stored = (streamName: string, type: string, data: unknown, schemaVersion = 1): StoredEvent => ({
  streamName,
  type,
  data,
  revision: 0,
  globalPosition: 7n,
  metadata: {
    eventId: 'e-1',
    commandId: 'c-1',
    correlationId: 'c-1',
    causationId: 'c-1',
    actor: { userId: 'u', role: 'unit-officer', unitId: 'unit' },
    businessTime: '2024-03-01T00:00:00+08:00',
    recordedAt: '2024-03-01T08:00:00Z',
    schemaVersion,
    prevHash: '',
    hash: '',
  },
});

describe('decodeStoredEvent: stored events read through the domain registry', () => {
  it('reads a project event by its stream prefix, upcasting an older schema version', () => {
    const { intendedInvestment, channel: _c, ...rest } = projectFixtures.leadCaptured().data;
    const v1 = { ...rest, intendedInvestmentWan: intendedInvestment / 1_000_000 };
    const decoded = decodeStoredEvent(stored('project-XM-1', 'LeadCaptured', v1, 1));
    expect(decoded !== undefined && E.isRight(decoded) && decoded.right.category).toBe('project');
    expect(
      decoded !== undefined &&
        E.isRight(decoded) &&
        decoded.right.event.type === 'LeadCaptured' &&
        decoded.right.event.data.channel,
    ).toBe('other');
  });

  it('names the category of every aggregate after the registry, and skips streams of none', () => {
    expect(decodeStoredEvent(stored('leader-LD-1', 'Nonsense', {}))).toEqual(
      E.left(expect.objectContaining({ category: 'leader-activity', code: 'UNKNOWN_EVENT_TYPE' })),
    );
    expect(decodeStoredEvent(stored('working-calendar', 'Nonsense', {}))).toEqual(
      E.left(expect.objectContaining({ category: 'working-calendar' })),
    );
    expect(decodeStoredEvent(stored('$checkpoints', 'Nonsense', {}))).toBeUndefined();
  });
});
