import type { IEvent } from '@nestjs/cqrs';
import type { StoredEvent } from '@zhaoshang/eventstore';

/** Published on the EventBus for every appended event, for in-process reactions (@EventsHandler). */
export class DomainEventOccurred implements IEvent {
  constructor(readonly event: StoredEvent) {}
}
