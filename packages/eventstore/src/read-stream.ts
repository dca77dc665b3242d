import { isEventStoreError } from './errors';
import type { EventStore, StoredEvent, StreamName } from './port';

/** Every event of a stream, or none when the stream has no event (instead of STREAM_NOT_FOUND). */
export const readStreamOrEmpty = async (
  store: Pick<EventStore, 'readStream'>,
  streamName: StreamName,
): Promise<ReadonlyArray<StoredEvent>> => {
  try {
    return await store.readStream(streamName);
  } catch (error) {
    if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND') return [];
    throw error;
  }
};
