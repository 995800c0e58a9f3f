/**
 * Rewriting the log to a snapshot while the server runs (what ends a secret vote): the history that joined records
 * written together is gone, every acknowledged write is kept, and a crash at any step of the rewrite loses nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorDatabase } from '../../../emulator/db/index';
import { type LogBatch, rewriteHooks } from '../../../emulator/db/persistence';
import { tempDir as makeTempDir } from './helpers';

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const closes = (batch: LogBatch) => batch.some((op) => op.o === 'put' && op.c === 'votes' && op.d.state === 'closed');

/** Log lines that hold a participation record and a ballot box together. */
function linkingLines(dataDir: string): string[] {
  const text = readFileSync(join(dataDir, 'db.log'), 'utf8');
  return text.split('\n').filter((line) => line.includes('"vote_participation"') && line.includes('"ballots"'));
}

async function expectEverythingKept(dataDir: string): Promise<void> {
  const db = await EmulatorDatabase.open({ dataDir });
  try {
    expect(await db.collection('vote_participation').count()).toBe(5);
    expect(
      ((await db.collection('ballots').findOne({ _id: 'bx_v1_00' })) as { ballots: unknown[] }).ballots,
    ).toHaveLength(5);
    expect(await db.collection('votes').findOne({ _id: 'v1' })).toMatchObject({ state: 'closed' });
  } finally {
    await db.close();
  }
  expect(existsSync(join(dataDir, 'db.log.tmp'))).toBe(false);
  expect(linkingLines(dataDir)).toEqual([]);
}

function crashAt(step: string): Promise<{ signal: NodeJS.Signals | null; dataDir: string; out: string }> {
  const dataDir = tempDir('lingyan-compact-');
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/compactor.ts'), dataDir, step], {
    cwd: join(__dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve({ signal, dataDir, out })));
}

test('a commit that asks for it is acknowledged only once the log holds states and no history', async () => {
  const dataDir = tempDir('lingyan-compact-');
  const db = await EmulatorDatabase.open({ dataDir, compactAfter: closes });
  await db.store.commit([{ o: 'put', c: 'votes', d: { _id: 'v1', state: 'open' } }]);
  for (let i = 0; i < 5; i++) {
    await db.store.commit([
      { o: 'put', c: 'vote_participation', d: { _id: `vp_v1_p${i}`, voteId: 'v1', voted: true } },
      {
        o: 'put',
        c: 'ballots',
        d: { _id: 'bx_v1_00', ballots: Array.from({ length: i + 1 }, (_, k) => ({ code: k })) },
      },
    ]);
  }
  expect(linkingLines(dataDir)).toHaveLength(5);
  // Writes racing the compaction are neither lost nor written to the replaced file.
  const racing = db.store.commit([{ o: 'put', c: 'other', d: { _id: 'x1' } }]);
  await db.store.commit([{ o: 'put', c: 'votes', d: { _id: 'v1', state: 'closed' } }]);
  await racing;
  expect(linkingLines(dataDir)).toEqual([]);
  await db.store.commit([{ o: 'put', c: 'other', d: { _id: 'x2' } }]);
  await db.close();
  await expectEverythingKept(dataDir);
  const again = await EmulatorDatabase.open({ dataDir });
  expect(await again.collection('other').count()).toBe(2);
  await again.close();
});

test.each(['temp-written', 'renamed'])(
  'a process killed after the rewrite step "%s" loses nothing and keeps no history',
  async (step) => {
    const { signal, dataDir, out } = await crashAt(step);
    expect(out).toBe('');
    expect(signal).toBe('SIGKILL');
    if (step === 'temp-written') {
      // Killed before the rename: the old log (with its history) and the finished temp file are both on disk.
      expect(existsSync(join(dataDir, 'db.log.tmp'))).toBe(true);
      expect(linkingLines(dataDir).length).toBeGreaterThan(0);
    }
    // Opening again drops the temp file and finishes the interrupted compaction.
    await expectEverythingKept(dataDir);
  },
);

test('a torn temp file left by a crash mid-write is discarded at open', async () => {
  const dataDir = tempDir('lingyan-compact-');
  const db = await EmulatorDatabase.open({ dataDir });
  await db.store.commit([{ o: 'put', c: 'votes', d: { _id: 'v1', state: 'closed' } }]);
  for (let i = 0; i < 5; i++) {
    await db.store.commit([
      { o: 'put', c: 'vote_participation', d: { _id: `vp_v1_p${i}`, voted: true } },
      {
        o: 'put',
        c: 'ballots',
        d: { _id: 'bx_v1_00', ballots: Array.from({ length: i + 1 }, (_, k) => ({ code: k })) },
      },
    ]);
  }
  await db.close();
  writeFileSync(join(dataDir, 'db.log.tmp'), '[{"o":"put","c":"votes","d":{"_id":"v1","st');
  await expectEverythingKept(dataDir);
});

afterEach(() => {
  rewriteHooks.afterStep = undefined;
});
