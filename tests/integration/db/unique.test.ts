/**
 * Unique indexes from database/indexes.json (people.studentNo_unique, audit.seq_unique) and the _id index,
 * on insert and update, outside and inside transactions.
 */
import { rejection, startTestDb, type TestDb } from './helpers';

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the SDK's transaction object is untyped
type Tx = any;
const DUP = /E11000 duplicate key error collection: (\w+) index: (\w+)/;
const count = async (coll: string, where: object = {}) => (await t.db.collection(coll).where(where).count()).total;

test('add() of a duplicate unique field fails with the MongoDB duplicate-key message', async () => {
  await t.db.collection('people').add({ data: { _id: 'p1', studentNo: '2026001', name: '甲' } });
  const e = await rejection(t.db.collection('people').add({ data: { _id: 'p2', studentNo: '2026001', name: '乙' } }));
  expect(e.message).toMatch(DUP);
  expect(e.message).toContain('index: studentNo_unique dup key: { studentNo: "2026001" }');
  expect(await count('people', { studentNo: '2026001' })).toBe(1);
  // Through node-sdk directly the CloudBase code is visible.
  const raw = await rejection(t.db._db.collection('people').add({ studentNo: '2026001' }));
  expect(raw.code).toBe('DATABASE_DUPLICATE_WRITE');
});

test('add() with an existing _id fails on the _id index; a multi-document add is all or nothing', async () => {
  const e = await rejection(t.db.collection('things').add({ data: [{ _id: 'x1' }, { _id: 'x1' }] }));
  expect(e.message).toContain('index: _id_');
  expect(await count('things')).toBe(0);
  await t.db.collection('things').add({ data: { _id: 'x1' } });
  expect((await rejection(t.db.collection('things').add({ data: { _id: 'x1', v: 2 } }))).message).toContain(
    'index: _id_',
  );
  await rejection(t.db.collection('people').add({ data: [{ studentNo: 'new-1' }, { studentNo: '2026001' }] }));
  expect(await count('people', { studentNo: 'new-1' })).toBe(0);
});

test('update() or set() into a taken value fails and leaves the document as it was', async () => {
  await t.db.collection('people').add({ data: { _id: 'p3', studentNo: '2026003' } });
  const upd = await rejection(
    t.db
      .collection('people')
      .doc('p3')
      .update({ data: { studentNo: '2026001' } }),
  );
  expect(upd.message).toMatch(DUP);
  const set = await rejection(
    t.db
      .collection('people')
      .doc('p3')
      .set({ data: { studentNo: '2026001' } }),
  );
  expect(set.message).toMatch(DUP);
  const multi = await rejection(
    t.db
      .collection('people')
      .where({ _id: t._.in(['p1', 'p3']) })
      .update({ data: { studentNo: 'same' } }),
  );
  expect(multi.message).toMatch(DUP);
  expect((await t.db.collection('people').doc('p3').get()).data.studentNo).toBe('2026003');
  expect((await t.db.collection('people').doc('p1').get()).data.studentNo).toBe('2026001');
  // Changing to a free value, or keeping one's own, is fine.
  await t.db
    .collection('people')
    .doc('p3')
    .update({ data: { studentNo: '2026004', name: '丙' } });
  await t.db
    .collection('people')
    .doc('p3')
    .update({ data: { studentNo: '2026004' } });
});

test('like MongoDB, a missing unique field counts as null: only one document may lack it', async () => {
  await t.db.collection('people').add({ data: { _id: 'nostudentno-1', name: 'a' } });
  const e = await rejection(t.db.collection('people').add({ data: { _id: 'nostudentno-2', name: 'b' } }));
  expect(e.message).toContain('dup key: { studentNo: null }');
});

test('a removed value can be reused', async () => {
  await t.db.collection('audit').add({ data: { _id: 'a1', seq: 1 } });
  await t.db.collection('audit').doc('a1').remove();
  await t.db.collection('audit').add({ data: { _id: 'a2', seq: 1 } });
  expect(await count('audit', { seq: 1 })).toBe(1);
});

test('inside a transaction a duplicate aborts the whole transaction at commit', async () => {
  await t.db
    .collection('audit')
    .doc('head')
    .set({ data: { seq: 10 } });
  await t.db.collection('audit').add({ data: { _id: 'e11', seq: 11 } });
  const e = await rejection(
    t.db.runTransaction(async (tx: Tx) => {
      await tx
        .collection('audit')
        .doc('head')
        .update({ data: { seq: 12 } });
      await tx.collection('audit').add({ data: { _id: 'e12', seq: 11 } }); // taken by e11
    }),
  );
  expect(e.code).toBe('DATABASE_DUPLICATE_WRITE');
  expect(e.message).toContain('index: chain_seq_unique');
  expect((await t.db.collection('audit').doc('head').get()).data.seq).toBe(10);
  expect(await count('audit', { _id: 'e12' })).toBe(0);
});

test('two writes within one transaction that collide with each other also abort it', async () => {
  const tx = await t.db.startTransaction();
  await tx.collection('audit').add({ data: { _id: 'f1', seq: 100 } });
  await tx.collection('audit').add({ data: { _id: 'f2', seq: 100 } });
  const e = await rejection(tx.commit());
  expect(e.code).toBe('DATABASE_DUPLICATE_WRITE');
  expect(await count('audit', { seq: 100 })).toBe(0);
  // It is gone: rollback after the failed commit is accepted, a second commit is not.
  await tx.rollback();
  expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
});

test('a transactional add of an existing _id fails at once', async () => {
  await t.db.collection('audit').add({ data: { _id: 'g1', seq: 200 } });
  const e = await rejection(
    t.db.runTransaction(async (tx: Tx) => {
      await tx.collection('audit').add({ data: { _id: 'g1', seq: 201 } });
    }),
  );
  expect(e.message).toContain('index: _id_');
  expect((await t.db.collection('audit').doc('g1').get()).data.seq).toBe(200);
});
