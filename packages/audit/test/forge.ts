import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventHash, GENESIS_HASH, type EventMetadata } from '@zhaoshang/eventstore';
import {
  EVENTS_FILE,
  MANIFEST_FILE,
  transparency,
  type BundleCheckpointOptions,
  type BundleLine,
} from '../src';
import { BundleBuilder } from '../src/bundle';
import { transparencyOf } from '../src/bundle-transparency';

const { eventLeafData } = transparency;

/** The events of a bundle directory. */
export const readLines = (dir: string): BundleLine[] =>
  readFileSync(join(dir, EVENTS_FILE), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as BundleLine);

/**
 * The forger of the issue: rewrites the events as `edit` says, then recomputes every revision,
 * prevHash and hash per stream so that the hash chains hold, writes a fresh manifest, and has the
 * log sign a checkpoint over the forged events while it keeps serving the earlier, co-signed one.
 */
export const forge = (
  from: string,
  to: string,
  checkpoints: BundleCheckpointOptions & { readonly origin: string },
  edit: (lines: BundleLine[]) => BundleLine[],
): void => {
  const heads = new Map<string, { revision: number; hash: string }>();
  const builder = new BundleBuilder();
  let text = '';
  const leaves: Uint8Array[] = [];
  for (const line of edit(readLines(from))) {
    const head = heads.get(line.streamName);
    const revision = head === undefined ? 0 : head.revision + 1;
    const { hash: _old, ...rest } = line.metadata;
    const metadata = { ...rest, prevHash: head?.hash ?? GENESIS_HASH };
    const hash = eventHash({
      streamName: line.streamName as never,
      revision,
      type: line.type,
      data: line.data,
      metadata,
    });
    heads.set(line.streamName, { revision, hash });
    leaves.push(eventLeafData(hash));
    text += builder.add({
      streamName: line.streamName as never,
      revision,
      globalPosition: BigInt(line.globalPosition) as never,
      type: line.type,
      data: line.data,
      metadata: { ...metadata, hash } as EventMetadata,
    });
  }
  mkdirSync(to, { recursive: true });
  writeFileSync(join(to, EVENTS_FILE), text);
  const manifest = {
    ...builder.manifest(),
    transparency: transparencyOf(leaves, checkpoints),
  };
  writeFileSync(join(to, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
};
