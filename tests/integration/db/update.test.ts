/** Update operators (evaluated by mingo) as the SDK's db.command encodes them, and atomic counters. */
import { startTestDb, type TestDb } from './helpers';

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t.close();
});

async function after(
  initial: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const id = `u${Math.random().toString(36).slice(2)}`;
  await t.db.collection('upd').doc(id).set({ data: initial });
  await t.db.collection('upd').doc(id).update({ data });
  const { data: doc } = await t.db.collection('upd').doc(id).get();
  delete doc._id;
  return doc;
}

test.each([
  ['set (plain fields merge)', { a: 1, o: { x: 1, y: 2 } }, () => ({ a: 2, o: { y: 3 } }), { a: 2, o: { x: 1, y: 3 } }],
  ['_.set replaces a whole object', { o: { x: 1, y: 2 } }, () => ({ o: t._.set({ z: 9 }) }), { o: { z: 9 } }],
  ['inc', { n: 1 }, () => ({ n: t._.inc(5), m: t._.inc(-2) }), { n: 6, m: -2 }],
  ['mul', { n: 3 }, () => ({ n: t._.mul(4) }), { n: 12 }],
  ['min', { lo: 5, hi: 5 }, () => ({ lo: t._.min(3), hi: t._.min(9) }), { lo: 3, hi: 5 }],
  ['max', { lo: 5, hi: 5 }, () => ({ lo: t._.max(3), hi: t._.max(9) }), { lo: 5, hi: 9 }],
  ['remove (unset)', { a: 1, b: 2 }, () => ({ b: t._.remove() }), { a: 1 }],
  ['rename', { a: 1 }, () => ({ a: t._.rename('b') }), { b: 1 }],
  ['push', { arr: [1] }, () => ({ arr: t._.push([2, 3]) }), { arr: [1, 2, 3] }],
  [
    'push with position and slice',
    { arr: [1, 2, 3] },
    () => ({ arr: t._.push({ each: [0], position: 0, slice: 3 }) }),
    { arr: [0, 1, 2] },
  ],
  ['pop', { arr: [1, 2, 3] }, () => ({ arr: t._.pop() }), { arr: [1, 2] }],
  ['shift', { arr: [1, 2, 3] }, () => ({ arr: t._.shift() }), { arr: [2, 3] }],
  ['unshift', { arr: [2] }, () => ({ arr: t._.unshift([0, 1]) }), { arr: [0, 1, 2] }],
  ['pull (value)', { arr: [1, 2, 1, 3] }, () => ({ arr: t._.pull(1) }), { arr: [2, 3] }],
  ['pull (condition)', { arr: [{ k: 1 }, { k: 5 }] }, () => ({ arr: t._.pull({ k: t._.gt(2) }) }), { arr: [{ k: 1 }] }],
  ['pullAll', { arr: [1, 2, 3, 2] }, () => ({ arr: t._.pullAll([2, 3]) }), { arr: [1] }],
  ['addToSet', { arr: [1, 2] }, () => ({ arr: t._.addToSet(2), other: t._.addToSet(7) }), { arr: [1, 2], other: [7] }],
  // The SDK only rewrites `each` for push; the documented addToSet form is {$each: [...]}.
  ['addToSet $each', { arr: [1] }, () => ({ arr: t._.addToSet({ $each: [1, 2, 3] }) }), { arr: [1, 2, 3] }],
  ['dotted path into a new object', { x: 0 }, () => ({ 'deep.er.field': 1 }), { x: 0, deep: { er: { field: 1 } } }],
  ['array element by index', { arr: [{ k: 1 }, { k: 2 }] }, () => ({ 'arr.1.k': 20 }), { arr: [{ k: 1 }, { k: 20 }] }],
  ['serverDate', { x: 0 }, () => ({ at: t.db.serverDate() }), { x: 0, at: expect.any(Date) }],
])('%s', async (_name, initial, data, expected) => {
  expect(await after(initial, data())).toEqual(expected);
});

test('conflicting paths in one update are refused like MongoDB refuses them', async () => {
  await t.db
    .collection('upd')
    .doc('conflict')
    .set({ data: { n: 1 } });
  await expect(
    t.db
      .collection('upd')
      .doc('conflict')
      .update({ data: { n: t._.inc(1), 'n.x': 1 } }),
  ).rejects.toThrow(/conflict/);
  expect((await t.db.collection('upd').doc('conflict').get()).data.n).toBe(1);
});

test('_.inc is atomic: 50 concurrent increments end at exactly 50', async () => {
  await t.db
    .collection('counters')
    .doc('c')
    .set({ data: { n: 0 } });
  await Promise.all(
    Array.from({ length: 50 }, () =>
      t.db
        .collection('counters')
        .doc('c')
        .update({ data: { n: t._.inc(1) } }),
    ),
  );
  expect((await t.db.collection('counters').doc('c').get()).data.n).toBe(50);
});

test('where().update() with operators applies to every match', async () => {
  await t.db.collection('many').add({
    data: [
      { g: 1, n: 1 },
      { g: 1, n: 2 },
      { g: 2, n: 3 },
    ],
  });
  expect(
    (
      await t.db
        .collection('many')
        .where({ g: 1 })
        .update({ data: { n: t._.mul(10) } })
    ).stats.updated,
  ).toBe(2);
  const { data } = await t.db.collection('many').orderBy('n', 'asc').get();
  expect(data.map((d: { n: number }) => d.n)).toEqual([3, 10, 20]);
});
