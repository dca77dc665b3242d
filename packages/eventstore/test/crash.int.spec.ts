import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSqliteEventStore } from '../src/sqlite';
import { makeTempDir, testContext } from '../src/testing';

/**
 * A process killed with SIGKILL at a random moment loses no acknowledged append, and the file it
 * leaves behind verifies. SIGKILL tests the process dying, not the machine: surviving a power cut
 * additionally needs the WAL on disk, which `synchronous=FULL` (the default) gives.
 */
// The child runs in the process we kill: tsx's CLI would run it in a grandchild that SIGKILL (which
// cannot be relayed) leaves alive, still appending while the next round starts.
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;
const child = join(__dirname, 'fixtures', 'append-until-killed.ts');
const rounds = 5;

interface Ack {
  readonly stream: string;
  readonly lastRevision: number;
  readonly position: bigint;
  readonly eventIds: ReadonlyArray<string>;
}

const runAndKill = (
  file: string,
  killAfterMs: number,
): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; stderr: string }> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', tsxLoader, child, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
          continue;
        }
        const [tag, stream, revision, position, ...eventIds] = line.split(' ');
        if (tag !== 'ack' || stream === undefined || revision === undefined || position === undefined)
          continue;
        acks.push({ stream, lastRevision: Number(revision), position: BigInt(position), eventIds });
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve({ acks, signal, stderr });
    });
  });

describe('crash safety of the embedded store', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('es-crash');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (): string => join(dir, 'events.sqlite');

  // Rounds share the file: each one also proves that a file left by a crash reopens, verifies and
  // accepts appends on top.
  it.each(Array.from({ length: rounds }, (_, round) => round))(
    'round %i: a SIGKILL at a random moment loses no acknowledged append and the chain verifies',
    async (round) => {
      const { acks, signal, stderr } = await runAndKill(file(), 100 + Math.floor(Math.random() * 400));
      expect(stderr).toBe('');
      expect(signal).toBe('SIGKILL');
      expect(acks.length).toBeGreaterThan(0);

      const store = openSqliteEventStore({ file: file() });
      try {
        for (const ack of acks) {
          const stored = await store.readStream(ack.stream, {
            fromRevision: ack.lastRevision - ack.eventIds.length + 1,
            maxCount: ack.eventIds.length,
          });
          expect(stored.map((e) => e.metadata.eventId)).toEqual(ack.eventIds);
          expect(stored[stored.length - 1]?.globalPosition).toBe(ack.position);
        }
        expect((await store.verifyAll()).ok).toBe(true);
        await store.append('after-crash', [{ type: 'Checked', data: { round } }], {
          expectedRevision: 'any',
          context: testContext(),
        });
      } finally {
        await store.close();
      }
    },
    30_000,
  );
});
