/**
 * The emulator's conflict mode (LINGYAN_EMULATOR_CONFLICTS=1): transactions run at once, as on CloudBase, and the
 * later committer of a document another transaction wrote since it started fails with DATABASE_TRANSACTION_CONFLICT.
 * Driven through the real wx-server-sdk, and through Store.write, which retries and finally answers BUSY.
 */
import { transactionModeFromEnv } from '../../../emulator/db/transactions';
import { DomainError } from '../../../server/domain/errors';
import { Store } from '../../../server/store';
import { rejection, startTestDb, type TestDb } from './helpers';

let t: TestDb;
let store: Store;
beforeAll(async () => {
  t = await startTestDb({ transactions: 'optimistic' });
  store = new Store(t.cloud.database({ throwOnNotFound: false }));
});
afterAll(async () => {
  await t.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the SDK's transaction object is untyped
type Tx = any;
type Acct = { _id: string; balance: number };
const opts = { actorId: null, at: '2026-11-23T10:00:00.000+08:00' };
const balance = async (id: string) => (await store.get<Acct>('acct', id))?.balance;
const put = (id: string, balance: number) => t.db.collection('acct').doc(id).set({ data: { balance } });
const stats = () => ({ ...t.server.db.transactions.stats });

/** A promise and the function that settles it: lets two transactions meet at a point. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

test('the mode is chosen by LINGYAN_EMULATOR_CONFLICTS, and stays serial without it', () => {
  expect(transactionModeFromEnv({})).toBe('serial');
  expect(transactionModeFromEnv({ LINGYAN_EMULATOR_CONFLICTS: '0' })).toBe('serial');
  expect(transactionModeFromEnv({ LINGYAN_EMULATOR_CONFLICTS: '1' })).toBe('optimistic');
  expect(t.server.db.transactions.mode).toBe('optimistic');
});

test('two transactions run at once; the second to commit a document both wrote conflicts and writes nothing', async () => {
  await put('c1', 100);
  await put('c1b', 0);
  const a: Tx = await t.db.startTransaction();
  const b: Tx = await t.db.startTransaction(); // not queued behind a: both are live
  const inA = (await a.collection('acct').doc('c1').get()).data as Acct;
  const inB = (await b.collection('acct').doc('c1').get()).data as Acct;
  await a
    .collection('acct')
    .doc('c1')
    .update({ data: { balance: inA.balance + 1 } });
  await b
    .collection('acct')
    .doc('c1')
    .update({ data: { balance: inB.balance + 10 } });
  await b
    .collection('acct')
    .doc('c1b')
    .update({ data: { balance: 10 } });
  const before = stats();
  await a.commit();
  const err = await rejection(b.commit());
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await balance('c1')).toBe(101); // a's write, not a lost update
  expect(await balance('c1b')).toBe(0); // nothing of b
  expect(stats().conflicts - before.conflicts).toBe(1);
  expect(stats().committed - before.committed).toBe(1);
});

test('a transaction that only read a document another one committed since it started conflicts too', async () => {
  await put('c2', 5);
  await put('c2b', 0);
  const reader: Tx = await t.db.startTransaction();
  const seen = (await reader.collection('acct').doc('c2').get()).data as Acct;
  await t.db.runTransaction(async (w: Tx) => {
    await w
      .collection('acct')
      .doc('c2')
      .update({ data: { balance: 6 } });
  }, 0);
  await reader
    .collection('acct')
    .doc('c2b')
    .update({ data: { balance: seen.balance } });
  expect((await rejection(reader.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await balance('c2b')).toBe(0);
});

test('a write inside a transaction to a document committed since it started is refused at once as a conflict', async () => {
  await put('c6', 1);
  const a: Tx = await t.db.startTransaction();
  await a.collection('acct').doc('c1').get();
  await put('c6', 2); // another writer, after a started
  const before = stats();
  const err = await rejection(
    a
      .collection('acct')
      .doc('c6')
      .update({ data: { balance: 100 } }),
  );
  // Through the SDK an operation's failure keeps the message (the commit's keeps the code as well).
  expect(String(err.errMsg ?? err.message)).toContain('DATABASE_TRANSACTION_CONFLICT');
  expect(stats().conflicts - before.conflicts).toBe(1);
  expect(await balance('c6')).toBe(2);
});

test('inserting an id another transaction took since this one started conflicts rather than reading as a duplicate', async () => {
  const a: Tx = await t.db.startTransaction();
  await a.collection('acct').doc('c1').get();
  await t.db.collection('acct').add({ data: { _id: 'c7', balance: 1 } });
  const err = await rejection(a.collection('acct').add({ data: { _id: 'c7', balance: 2 } }));
  expect(String(err.errMsg ?? err.message)).toContain('DATABASE_TRANSACTION_CONFLICT');
  expect(String(err.errMsg ?? err.message)).not.toContain('E11000');
  expect(await balance('c7')).toBe(1);
});

test('transactions on different documents both commit', async () => {
  await put('c3a', 1);
  await put('c3b', 1);
  const a: Tx = await t.db.startTransaction();
  const b: Tx = await t.db.startTransaction();
  await a
    .collection('acct')
    .doc('c3a')
    .update({ data: { balance: 2 } });
  await b
    .collection('acct')
    .doc('c3b')
    .update({ data: { balance: 3 } });
  await a.commit();
  await b.commit();
  expect([await balance('c3a'), await balance('c3b')]).toEqual([2, 3]);
});

test('two concurrent audited writes of the same document: one conflicts, is retried, and both changes land', async () => {
  await put('c4', 0);
  const bothRead = [gate(), gate()];
  let attempts = 0;
  const before = stats();
  const write = (k: 0 | 1, amount: number) =>
    store.write(opts, async (tx) => {
      attempts++;
      const doc = await tx.require<Acct>('acct', 'c4', 'NOT_FOUND');
      // First attempts meet here, so both have read the document before either commits.
      if (attempts <= 2) {
        bothRead[k].open();
        await bothRead[1 - k].wait;
      }
      await tx.patch('acct', 'c4', { balance: doc.balance + amount });
      tx.audit('test.add', 'acct/c4', doc, { ...doc, balance: doc.balance + amount });
    });
  await Promise.all([write(0, 1), write(1, 10)]);
  expect(await balance('c4')).toBe(11);
  expect(attempts).toBe(3); // each once, and the loser once more
  expect(stats().conflicts - before.conflicts).toBe(1);
  const entries = (await t.db.collection('audit').where({ action: 'test.add' }).get()).data;
  expect(entries).toHaveLength(2);
});

test('with every retry lost to another writer the answer is BUSY, and nothing of it is written', async () => {
  await put('c5', 0);
  const auditBefore = (await t.db.collection('audit').count()).total;
  const before = stats();
  let attempts = 0;
  const outcome = await store
    .write(opts, async (tx) => {
      attempts++;
      const doc = await tx.require<Acct>('acct', 'c5', 'NOT_FOUND');
      // Another transaction commits a write of the same document while this one is open.
      await t.db.runTransaction(async (w: Tx) => {
        await w
          .collection('acct')
          .doc('c5')
          .update({ data: { balance: t._.inc(1) } });
      }, 0);
      await tx.patch('acct', 'c5', { balance: doc.balance + 100 });
      tx.audit('test.busy', 'acct/c5', doc, null);
    })
    .catch((e: unknown) => e);
  expect(outcome).toBeInstanceOf(DomainError);
  expect((outcome as DomainError).code).toBe('BUSY');
  expect(attempts).toBe(9); // the first try and 8 retries
  expect(stats().conflicts - before.conflicts).toBe(9);
  expect(await balance('c5')).toBe(attempts); // only the other writer's increments
  expect((await t.db.collection('audit').count()).total).toBe(auditBefore);
});
