/** Round trips are counted per invocation, keyed by the TCB_SEQID prefix of the seqId the SDK puts on every URL. */
import { invocationOf } from '../../../emulator/http';
import { startTestDb, type TestDb } from './helpers';

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  delete process.env.TCB_SEQID;
  await t.close();
});

test('the invocation id is the seqId without its trailing -<eventId>', () => {
  expect(invocationOf('inv-lx1-9f00aa-18c2f5e1a3b_1f')).toBe('inv-lx1-9f00aa');
  expect(invocationOf('18c2f5e1a3b_1f')).toBe('');
  expect(invocationOf(null)).toBe('');
});

test('each SDK call under a TCB_SEQID counts once for that invocation, transactions included', async () => {
  process.env.TCB_SEQID = 'inv-A';
  await t.db
    .collection('rt')
    .doc('x')
    .set({ data: { n: 0 } });
  await t.db.collection('rt').doc('x').get();
  await t.db.collection('rt').where({ n: 0 }).count();
  process.env.TCB_SEQID = 'inv-B-with-dashes';
  await t.db
    .collection('rt')
    .doc('x')
    .update({ data: { n: t._.inc(1) } });
  await t.db.runTransaction(async (tx: { collection(n: string): { doc(id: string): { get(): Promise<unknown> } } }) => {
    await tx.collection('rt').doc('x').get();
  });
  delete process.env.TCB_SEQID;

  expect(t.server.roundTrips('inv-A')).toBe(3);
  // update + startTransaction + get + commitTransaction
  expect(t.server.roundTrips('inv-B-with-dashes')).toBe(4);
  expect(t.server.roundTrips('never')).toBe(0);
});

test('GET /debug/roundtrips reports a count, DELETE resets it', async () => {
  process.env.TCB_SEQID = 'inv-C';
  await t.db.collection('rt').doc('x').get();
  await t.db.collection('rt').doc('x').get();
  delete process.env.TCB_SEQID;
  const res = await fetch(`${t.server.url}/debug/roundtrips?invocation=inv-C`);
  expect(await res.json()).toEqual({ invocation: 'inv-C', roundTrips: 2 });
  await fetch(`${t.server.url}/debug/roundtrips?invocation=inv-C`, { method: 'DELETE' });
  expect(t.server.roundTrips('inv-C')).toBe(0);
  t.server.resetRoundTrips();
  expect(t.server.roundTrips('inv-A')).toBe(0);
});

test('routes mounted by the rest of the emulator are served, longest prefix first', async () => {
  t.server.route('GET', '/things', (_req, res) => {
    res.end('short');
  });
  t.server.route('GET', '/things/special', (_req, res) => {
    res.end('long');
  });
  expect(await (await fetch(`${t.server.url}/things/x`)).text()).toBe('short');
  expect(await (await fetch(`${t.server.url}/things/special/1`)).text()).toBe('long');
  expect((await fetch(`${t.server.url}/nothing-here`)).status).toBe(404);
});
