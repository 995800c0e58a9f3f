/** Transactions through the real SDK: runTransaction, startTransaction, isolation, conflicts, queueing, timeouts. */
import { rejection, startTestDb, type TestDb } from './helpers';

// Long enough that a live transaction on a loaded 2-core CI machine (the whole suite at once) never reaches it;
// the abandoned-transaction test waits this long once.
const TX_TIMEOUT_MS = 4000;
let t: TestDb;
beforeAll(async () => {
  // Serial mode, whatever LINGYAN_EMULATOR_CONFLICTS says: queueing is what several tests here check
  // (conflicts.test.ts covers the optimistic mode).
  t = await startTestDb({ txTimeoutMs: TX_TIMEOUT_MS, transactions: 'serial' });
  // The SDK's first request pays its start-up (credentials, the metadata probe): not inside a timed transaction.
  await t.db
    .collection('acct')
    .doc('warm-up')
    .get()
    .catch(() => undefined);
});
afterAll(async () => {
  await t.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the SDK's transaction object is untyped
type Tx = any;
const get = async (coll: string, id: string) =>
  (await t.cloud.database({ throwOnNotFound: false }).collection(coll).doc(id).get()).data;

test('runTransaction commits several writes at once, and reads inside see the transaction’s own writes', async () => {
  await t.db
    .collection('acct')
    .doc('a')
    .set({ data: { balance: 100 } });
  await t.db
    .collection('acct')
    .doc('b')
    .set({ data: { balance: 0 } });
  const result = await t.db.runTransaction(async (tx: Tx) => {
    const a = (await tx.collection('acct').doc('a').get()).data;
    await tx
      .collection('acct')
      .doc('a')
      .update({ data: { balance: a.balance - 30 } });
    await tx
      .collection('acct')
      .doc('b')
      .update({ data: { balance: t._.inc(30) } });
    // Own writes are visible inside ...
    expect((await tx.collection('acct').doc('a').get()).data.balance).toBe(70);
    expect((await tx.collection('acct').doc('b').get()).data.balance).toBe(30);
    // ... and invisible outside until commit.
    expect((await get('acct', 'a')).balance).toBe(100);
    const added = await tx.collection('acct').add({ data: { _id: 'c', balance: 5 } });
    expect(added._id).toBe('c');
    await tx
      .collection('acct')
      .doc('d')
      .set({ data: { balance: 1 } });
    return 'done';
  });
  expect(result).toBe('done');
  expect((await get('acct', 'a')).balance).toBe(70);
  expect((await get('acct', 'b')).balance).toBe(30);
  expect((await get('acct', 'c')).balance).toBe(5);
  expect((await get('acct', 'd')).balance).toBe(1);
});

test('a callback that throws writes nothing and the error reaches the caller', async () => {
  await t.db
    .collection('acct')
    .doc('e')
    .set({ data: { balance: 10 } });
  const e = await rejection(
    t.db.runTransaction(async (tx: Tx) => {
      await tx
        .collection('acct')
        .doc('e')
        .update({ data: { balance: 0 } });
      await tx.collection('acct').add({ data: { _id: 'ghost', balance: 1 } });
      await tx.collection('acct').doc('e').remove();
      throw new Error('business rule says no');
    }),
  );
  expect(e.message).toBe('business rule says no');
  expect((await get('acct', 'e')).balance).toBe(10);
  expect(await get('acct', 'ghost')).toBeNull();
});

test('startTransaction: commit and rollback', async () => {
  const tx = await t.db.startTransaction();
  await tx
    .collection('acct')
    .doc('f')
    .set({ data: { balance: 1 } });
  expect(await get('acct', 'f')).toBeNull();
  await tx.commit();
  expect((await get('acct', 'f')).balance).toBe(1);

  const tx2 = await t.db.startTransaction();
  await tx2
    .collection('acct')
    .doc('f')
    .update({ data: { balance: 2 } });
  await tx2
    .collection('acct')
    .doc('f2')
    .set({ data: { balance: 2 } });
  await tx2.rollback();
  expect((await get('acct', 'f')).balance).toBe(1);
  expect(await get('acct', 'f2')).toBeNull();
  // The rolled-back transaction is gone.
  const e = await rejection(tx2.commit());
  expect(e.code).toBe('DATABASE_TRANSACTION_FAIL');
});

test('doc().remove() inside a transaction, and get() of a missing document', async () => {
  await t.db
    .collection('acct')
    .doc('g')
    .set({ data: { balance: 3 } });
  await t.db.runTransaction(async (tx: Tx) => {
    expect((await tx.collection('acct').doc('g').remove()).stats.removed).toBe(1);
    await expect(tx.collection('acct').doc('g').get()).rejects.toThrow(/does not exist/);
  });
  expect(await get('acct', 'g')).toBeNull();
});

test('50 concurrent read-then-write transactions on one counter end at exactly 50', async () => {
  await t.db
    .collection('counters')
    .doc('head')
    .set({ data: { n: 0 } });
  await Promise.all(
    Array.from({ length: 50 }, () =>
      t.db.runTransaction(async (tx: Tx) => {
        const { data } = await tx.collection('counters').doc('head').get();
        await tx
          .collection('counters')
          .doc('head')
          .update({ data: { n: data.n + 1 } });
      }),
    ),
  );
  expect((await get('counters', 'head')).n).toBe(50);
});

test('transactions are serialised: a second one waits until the first finishes', async () => {
  const first = await t.db.startTransaction();
  let secondStarted = false;
  const second = t.db.startTransaction().then((tx: Tx) => {
    secondStarted = true;
    return tx;
  });
  await new Promise((r) => setTimeout(r, 100));
  expect(secondStarted).toBe(false);
  await first.commit();
  const tx2 = await second;
  expect(secondStarted).toBe(true);
  await tx2.rollback();
});

test('a write outside the transaction to a document it read makes the commit fail with a conflict', async () => {
  await t.db
    .collection('acct')
    .doc('h')
    .set({ data: { balance: 10 } });
  const tx = await t.db.startTransaction();
  const seen = (await tx.collection('acct').doc('h').get()).data.balance;
  await t.db
    .collection('acct')
    .doc('h')
    .update({ data: { balance: t._.inc(5) } });
  await tx
    .collection('acct')
    .doc('h')
    .update({ data: { balance: seen * 2 } });
  const e = await rejection(tx.commit());
  expect(e.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect((await get('acct', 'h')).balance).toBe(15);
});

test('runTransaction retries after a conflict and then succeeds', async () => {
  await t.db
    .collection('acct')
    .doc('i')
    .set({ data: { balance: 10 } });
  let attempts = 0;
  await t.db.runTransaction(async (tx: Tx) => {
    attempts++;
    const { data } = await tx.collection('acct').doc('i').get();
    if (attempts === 1)
      await t.db
        .collection('acct')
        .doc('i')
        .update({ data: { balance: t._.inc(1) } });
    await tx
      .collection('acct')
      .doc('i')
      .update({ data: { balance: data.balance * 10 } });
  });
  expect(attempts).toBe(2);
  expect((await get('acct', 'i')).balance).toBe(110);
});

test('queries other than doc(id) are refused inside a transaction, which is then aborted', async () => {
  const tx = await t.db.startTransaction();
  await tx
    .collection('acct')
    .doc('j')
    .set({ data: { balance: 1 } });
  const e = await rejection(tx.collection('acct').where({ balance: 1 }).get());
  expect(e.message).toContain('single-document operations only');
  expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
  expect(await get('acct', 'j')).toBeNull();
});

test('an abandoned transaction is aborted after the timeout and the queue moves on', async () => {
  const abandoned = await t.db.startTransaction();
  await abandoned
    .collection('acct')
    .doc('k')
    .set({ data: { balance: 1 } });
  const t0 = Date.now();
  await t.db.runTransaction(async (tx: Tx) => {
    await tx
      .collection('acct')
      .doc('l')
      .set({ data: { balance: 2 } });
  });
  const waited = Date.now() - t0;
  expect(waited).toBeGreaterThanOrEqual(TX_TIMEOUT_MS - 100);
  expect((await get('acct', 'l')).balance).toBe(2);
  expect(await get('acct', 'k')).toBeNull();
  const e = await rejection(abandoned.commit());
  expect(e.code).toBe('DATABASE_TRANSACTION_FAIL');
  expect(e.message).toContain('TransactionNotExist');
});

test('the older Transaction API (getInTransaction / updateDocInTransaction / deleteDocInTransaction)', async () => {
  // Shipped in @cloudbase/database 1.4.3 next to the current one; drive it with the SDK's own Db instance.
  const { Transaction } = require('@cloudbase/database/dist/commonjs/transaction');
  const inner = t.db._db;
  await t.db
    .collection('legacy')
    .doc('m')
    .set({ data: { v: 1, keep: true } });
  await t.db
    .collection('legacy')
    .doc('gone')
    .set({ data: { v: 0 } });
  const tx = new Transaction(inner);
  await tx.init();
  expect((await tx.get(inner.collection('legacy').doc('m'))).data()).toEqual({ _id: 'm', v: 1, keep: true });
  expect((await tx.update(inner.collection('legacy').doc('m'), { v: 2 })).updated).toBe(1);
  expect((await tx.set(inner.collection('legacy').doc('n'), { v: 3 })).upserted).toEqual([{ _id: 'n' }]);
  expect((await tx.delete(inner.collection('legacy').doc('gone'))).deleted).toBe(1);
  expect((await tx.get(inner.collection('legacy').doc('m'))).data()).toEqual({ _id: 'm', v: 2, keep: true });
  await tx.commit();
  expect(await get('legacy', 'm')).toEqual({ _id: 'm', v: 2, keep: true });
  expect(await get('legacy', 'n')).toEqual({ _id: 'n', v: 3 });
  expect(await get('legacy', 'gone')).toBeNull();
});
