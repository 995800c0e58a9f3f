/**
 * Store.write against the emulator through the real SDK: a transaction that loses to another writer is tried again
 * (after a pause taken outside the transaction); one that keeps losing answers BUSY and writes nothing.
 */
import { DomainError } from '../../../server/domain/errors';
import { Store } from '../../../server/store';
import { startTestDb, type TestDb } from './helpers';

let t: TestDb;
let store: Store;
beforeAll(async () => {
  t = await startTestDb();
  // As the api function opens it (server/api.ts): a missing document reads as null.
  store = new Store(t.cloud.database({ throwOnNotFound: false }));
});
afterAll(async () => {
  await t.close();
});

const opts = { actorId: null, at: '2026-11-23T10:00:00.000+08:00' };
const balance = async (id: string) => (await store.get<{ _id: string; balance: number }>('acct', id))?.balance;

/** A write outside the transaction to the document it has read: its commit then conflicts. */
const interfere = (id: string) =>
  t.db
    .collection('acct')
    .doc(id)
    .update({ data: { balance: t._.inc(1) } });

test('retries a transaction that conflicted and commits the second attempt', async () => {
  await t.db
    .collection('acct')
    .doc('r1')
    .set({ data: { balance: 10 } });
  let attempts = 0;
  await store.write(opts, async (tx) => {
    attempts++;
    const doc = await tx.get<{ _id: string; balance: number }>('acct', 'r1');
    if (attempts === 1) await interfere('r1');
    await tx.patch('acct', 'r1', { balance: doc!.balance * 10 });
  });
  expect(attempts).toBe(2);
  expect(await balance('r1')).toBe(110);
});

test('answers BUSY when every attempt conflicts, and leaves only the other writer’s changes', async () => {
  await t.db
    .collection('acct')
    .doc('r2')
    .set({ data: { balance: 10 } });
  let attempts = 0;
  const outcome = await store
    .write(opts, async (tx) => {
      attempts++;
      const doc = await tx.get<{ _id: string; balance: number }>('acct', 'r2');
      await interfere('r2');
      await tx.patch('acct', 'r2', { balance: doc!.balance * 10 });
      tx.audit('test.busy', 'acct/r2', doc, null);
    })
    .catch((e: unknown) => e);
  expect(outcome).toBeInstanceOf(DomainError);
  expect((outcome as DomainError).code).toBe('BUSY');
  expect(attempts).toBe(9); // the first try and 8 retries
  expect(await balance('r2')).toBe(10 + attempts);
  expect(await t.db.collection('audit').count()).toMatchObject({ total: 0 });
});
