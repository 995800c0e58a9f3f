/** Acknowledged writes survive a restart and a killed process; the log is replayed, repaired and compacted on open. */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorDatabase } from '../../../emulator/db/index';
import { INDEX_SPEC, startTestDb, type TestDb, tempDir } from './helpers';

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t.close();
});

test('a restart on the same data folder keeps every acknowledged write, including unique indexes', async () => {
  const when = new Date('2026-10-01T00:00:00Z');
  await t.db.collection('people').add({ data: { _id: 'r1', studentNo: 'R1', at: when, tags: ['a'] } });
  await t.db
    .collection('people')
    .doc('r1')
    .update({ data: { tags: t._.push(['b']), n: t._.inc(2) } });
  await t.db.collection('people').add({ data: { _id: 'r2', studentNo: 'R2' } });
  await t.db.collection('people').doc('r2').remove();
  await t.db.runTransaction(
    async (tx: { collection(n: string): { doc(id: string): { set(o: object): Promise<unknown> } } }) => {
      await tx
        .collection('people')
        .doc('r3')
        .set({ data: { studentNo: 'R3' } });
    },
  );
  await t.db.createCollection('empty-but-created');

  await t.restart();

  expect((await t.db.collection('people').doc('r1').get()).data).toEqual({
    _id: 'r1',
    studentNo: 'R1',
    at: when,
    tags: ['a', 'b'],
    n: 2,
  });
  expect((await t.db.collection('people').where({ _id: 'r2' }).count()).total).toBe(0);
  expect((await t.db.collection('people').doc('r3').get()).data.studentNo).toBe('R3');
  expect(t.server.db.collectionNames()).toContain('empty-but-created');
  await expect(t.db.collection('people').add({ data: { studentNo: 'R3' } })).rejects.toThrow(/duplicate key/);
});

test('a process killed right after acknowledging writes loses none of them', async () => {
  const dataDir = tempDir('lingyan-kill-');
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/writer.ts'), dataDir], {
    cwd: join(__dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  let incs = 0;
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ACK ')) acked.push(line.slice(4));
      if (line === 'INC') incs++;
    }
    // Kill with writes in flight on the other lanes: everything printed so far was acknowledged.
    if (acked.length >= 60) child.kill('SIGKILL');
  });
  const signal = await exited;
  expect(stderr).toBe('');
  expect(signal).toBe('SIGKILL');
  expect(acked.length).toBeGreaterThanOrEqual(60);

  const db = await EmulatorDatabase.open({ dataDir });
  try {
    const present = new Set((await db.collection('docs').find({})).map((d) => d._id));
    const missing = acked.filter((id) => !present.has(id));
    expect(missing).toEqual([]);
    const counter = await db.collection('counters').findOne<{ n: number }>({ _id: 'c' });
    expect(counter?.n).toBeGreaterThanOrEqual(incs);
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 30_000);

describe('the log file', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('lingyan-log-');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a torn last line (never acknowledged) is dropped and the log stays appendable', async () => {
    let db = await EmulatorDatabase.open({ dataDir: dir, indexSpecPath: INDEX_SPEC });
    await db.collection('people').insertMany([{ _id: 'a', studentNo: '1' }]);
    await db.close();
    appendFileSync(join(dir, 'db.log'), '[{"o":"put","c":"people","d":{"_id":"torn","stud');
    db = await EmulatorDatabase.open({ dataDir: dir, indexSpecPath: INDEX_SPEC });
    expect(await db.collection('people').count()).toBe(1);
    await db.collection('people').insertMany([{ _id: 'b', studentNo: '2' }]);
    await db.close();
    db = await EmulatorDatabase.open({ dataDir: dir, indexSpecPath: INDEX_SPEC });
    expect((await db.collection('people').find({}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['a', 'b']);
    await db.close();
  });

  test('a complete last record without its newline is kept', async () => {
    writeFileSync(join(dir, 'db.log'), '[{"o":"put","c":"x","d":{"_id":"kept","at":{"$date":{"$numberLong":"5"}}}}]');
    const db = await EmulatorDatabase.open({ dataDir: dir });
    expect(await db.collection('x').findOne({ _id: 'kept' })).toEqual({ _id: 'kept', at: new Date(5) });
    await db.collection('x').insertOne({ _id: 'next' });
    await db.close();
    expect(readFileSync(join(dir, 'db.log'), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
  });

  test('corruption before the end refuses to open rather than silently losing data', async () => {
    writeFileSync(join(dir, 'db.log'), '[{"o":"create","c":"x"}]\nGARBAGE\n[{"o":"create","c":"y"}]\n');
    await expect(EmulatorDatabase.open({ dataDir: dir })).rejects.toThrow(/corrupt record/);
  });

  test('a log that is mostly dead records is compacted on open', async () => {
    // fdatasync is irrelevant to compaction; skipping it keeps 1500 sequential writes quick.
    let db = await EmulatorDatabase.open({ dataDir: dir, sync: false });
    await db.collection('hot').insertMany([{ _id: 'head', n: 0 }]);
    const proto = db.protocol;
    for (let i = 0; i < 1500; i++) {
      await proto.handle(
        'database.modifyDocument',
        { collectionName: 'hot', query: '{"_id":"head"}', data: '{"$inc":{"n":{"$numberInt":"1"}}}', queryType: 'DOC' },
        { now: Date.now(), cancelled: () => false },
      );
    }
    await db.close();
    const before = statSync(join(dir, 'db.log')).size;
    db = await EmulatorDatabase.open({ dataDir: dir });
    const after = statSync(join(dir, 'db.log')).size;
    expect(after).toBeLessThan(before / 10);
    expect(await db.collection('hot').findOne({ _id: 'head' })).toEqual({ _id: 'head', n: 1500 });
    await db.close();
  });
});
