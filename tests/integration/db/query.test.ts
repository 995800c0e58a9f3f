/** Queries: command operators, ordering, paging, projection, count, aggregation, index-backed lookups. */
import { startTestDb, type TestDb } from './helpers';

let t: TestDb;
const ids = (res: { data: Array<{ _id: string }> }) => res.data.map((d) => d._id).sort();

beforeAll(async () => {
  t = await startTestDb();
  await t.db.collection('q').add({
    data: [
      {
        _id: 'a',
        n: 1,
        s: 'Alpha',
        tags: ['x', 'y'],
        at: new Date('2026-01-01'),
        o: { k: 1 },
        items: [{ p: 1 }, { p: 5 }],
      },
      { _id: 'b', n: 5, s: 'beta', tags: ['y'], at: new Date('2026-02-01'), o: { k: 2 }, items: [{ p: 2 }] },
      { _id: 'c', n: 10, s: 'gamma', tags: [], at: new Date('2026-03-01'), flag: true, items: [] },
      { _id: 'd', n: 10, s: 'delta', tags: ['z', 'x', 'w'], flag: false },
    ],
  });
});
afterAll(async () => {
  await t.close();
});

describe('command operators', () => {
  test.each([
    ['eq', () => ({ n: t._.eq(5) }), ['b']],
    ['neq', () => ({ n: t._.neq(10) }), ['a', 'b']],
    ['gt', () => ({ n: t._.gt(5) }), ['c', 'd']],
    ['gte', () => ({ n: t._.gte(5) }), ['b', 'c', 'd']],
    ['lt', () => ({ n: t._.lt(5) }), ['a']],
    ['lte', () => ({ n: t._.lte(5) }), ['a', 'b']],
    ['in', () => ({ s: t._.in(['beta', 'delta', 'nope']) }), ['b', 'd']],
    ['nin', () => ({ s: t._.nin(['beta', 'delta']) }), ['a', 'c']],
    ['and (chained)', () => ({ n: t._.gt(1).and(t._.lt(10)) }), ['b']],
    ['and (top level)', () => t._.and([{ n: t._.gte(5) }, { flag: true }]), ['c']],
    ['or (field)', () => ({ n: t._.lt(2).or(t._.gt(9)) }), ['a', 'c', 'd']],
    ['or (top level)', () => t._.or([{ s: 'beta' }, { flag: false }]), ['b', 'd']],
    ['exists', () => ({ flag: t._.exists(true) }), ['c', 'd']],
    ['not exists', () => ({ flag: t._.exists(false) }), ['a', 'b']],
    ['elemMatch', () => ({ items: t._.elemMatch({ p: t._.gt(4) }) }), ['a']],
    ['size', () => ({ tags: t._.size(3) }), ['d']],
    ['all', () => ({ tags: t._.all(['x', 'y']) }), ['a']],
    ['array contains', () => ({ tags: 'x' }), ['a', 'd']],
    ['regex (JS RegExp)', () => ({ s: /^al/i }), ['a']],
    ['regex (db.RegExp)', () => ({ s: t.db.RegExp({ regexp: 'TA$', options: 'i' }) }), ['b', 'd']],
    ['nested object', () => ({ o: { k: 2 } }), ['b']],
    ['dotted path', () => ({ 'o.k': t._.gte(1) }), ['a', 'b']],
    ['path into array of objects', () => ({ 'items.p': 2 }), ['b']],
    ['date comparison', () => ({ at: t._.gt(new Date('2026-01-15')) }), ['b', 'c']],
    ['mod', () => ({ n: t._.mod([5, 0]) }), ['b', 'c', 'd']],
    ['nor', () => t._.nor([{ n: 1 }, { n: 10 }]), ['b']],
    ['not', () => ({ n: t._.not(t._.gt(1)) }), ['a']],
  ])('%s', async (_name, where, expected) => {
    expect(ids(await t.db.collection('q').where(where()).get())).toEqual(expected);
  });

  test('an empty where and a where on _id', async () => {
    expect(ids(await t.db.collection('q').where({}).get())).toEqual(['a', 'b', 'c', 'd']);
    expect(
      ids(
        await t.db
          .collection('q')
          .where({ _id: t._.in(['a', 'c']) })
          .get(),
      ),
    ).toEqual(['a', 'c']);
  });

  test('a malformed operator is a database error, not a crash', async () => {
    const inner = t.db._db;
    await expect(
      inner
        .collection('q')
        .where({ n: { $bogus: 1 } })
        .options({ raw: true })
        .get(),
    ).rejects.toMatchObject({
      code: 'DATABASE_INVALID_OPERRATOR',
    });
  });
});

describe('orderBy, skip, limit, field, count', () => {
  test('orderBy on two fields, skip and limit', async () => {
    const res = await t.db.collection('q').orderBy('n', 'desc').orderBy('s', 'asc').skip(1).limit(2).get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['c', 'b']);
  });

  test('orderBy a date, missing values first in ascending order (MongoDB order)', async () => {
    const res = await t.db.collection('q').orderBy('at', 'asc').get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['d', 'a', 'b', 'c']);
  });

  test('field() includes or excludes', async () => {
    const inc = await t.db.collection('q').where({ _id: 'a' }).field({ n: true, 'o.k': true }).get();
    expect(inc.data).toEqual([{ _id: 'a', n: 1, o: { k: 1 } }]);
    const exc = await t.db
      .collection('q')
      .where({ _id: 'b' })
      .field({ items: false, tags: false, at: false, o: false })
      .get();
    expect(exc.data).toEqual([{ _id: 'b', n: 5, s: 'beta' }]);
  });

  test('count() honours the query and ignores paging', async () => {
    expect(
      (
        await t.db
          .collection('q')
          .where({ n: t._.gte(5) })
          .count()
      ).total,
    ).toBe(3);
  });
});

describe('aggregate', () => {
  test('match, group, sort', async () => {
    const $ = t._.aggregate;
    const res = await t.db
      .collection('q')
      .aggregate()
      .match({ n: t._.gte(5) })
      .group({ _id: '$n', count: $.sum(1), names: $.push('$s') })
      .sort({ _id: -1 })
      .end();
    expect(res.list).toEqual([
      { _id: 10, count: 2, names: ['gamma', 'delta'] },
      { _id: 5, count: 1, names: ['beta'] },
    ]);
  });

  test('project, unwind, skip, limit, count', async () => {
    const res = await t.db
      .collection('q')
      .aggregate()
      .project({ tags: 1, _id: 0 })
      .unwind('$tags')
      .sort({ tags: 1 })
      .skip(1)
      .limit(3)
      .end();
    expect(res.list).toEqual([{ tags: 'x' }, { tags: 'x' }, { tags: 'y' }]);
    const counted = await t.db.collection('q').aggregate().unwind('$tags').count('total').end();
    expect(counted.list).toEqual([{ total: 6 }]);
  });

  test('lookup joins another collection', async () => {
    await t.db.collection('owners').add({
      data: [
        { _id: 'o1', thing: 'a', who: '甲' },
        { _id: 'o2', thing: 'a', who: '乙' },
      ],
    });
    const res = await t.db
      .collection('q')
      .aggregate()
      .match({ _id: 'a' })
      .lookup({ from: 'owners', localField: '_id', foreignField: 'thing', as: 'owners' })
      .project({ owners: '$owners.who' })
      .end();
    expect(res.list).toEqual([{ _id: 'a', owners: ['甲', '乙'] }]);
  });

  test('addFields does not leak into stored documents', async () => {
    await t.db.collection('q').aggregate().match({ _id: 'b' }).addFields({ extra: 1 }).end();
    expect((await t.db.collection('q').doc('b').get()).data.extra).toBeUndefined();
  });

  test('without a $limit stage only 20 rows come back, as on CloudBase', async () => {
    await t.server.db.collection('many').insertMany(Array.from({ length: 30 }, (_, i) => ({ i })));
    expect((await t.db.collection('many').aggregate().match({}).end()).list).toHaveLength(20);
    expect((await t.db.collection('many').aggregate().match({}).limit(25).end()).list).toHaveLength(25);
  });
});

describe('index-backed queries (database/indexes.json)', () => {
  beforeAll(async () => {
    const people = Array.from({ length: 20_000 }, (_, i) => ({
      _id: `p${i}`,
      studentNo: `S${String(i).padStart(6, '0')}`,
      openid: i % 2 === 0 ? `o${i}` : null,
      positions: [
        { unitId: `u${i % 100}`, role: 'member' },
        { unitId: `x${i % 7}`, role: 'other' },
      ],
    }));
    await t.server.db.collection('people').insertMany(people);
    await t.server.db
      .collection('units')
      .insertMany(Array.from({ length: 1000 }, (_, i) => ({ _id: `u${i}`, ancestors: ['root', `c${i % 10}`] })));
  }, 20_000);

  test('equality on an indexed field, on an indexed path through an array, and on a multikey array', async () => {
    expect(ids(await t.db.collection('people').where({ studentNo: 'S000042' }).get())).toEqual(['p42']);
    expect(ids(await t.db.collection('people').where({ openid: 'o42' }).get())).toEqual(['p42']);
    expect((await t.db.collection('people').where({ 'positions.unitId': 'u7' }).count()).total).toBe(200);
    expect(
      (
        await t.db
          .collection('people')
          .where({ 'positions.unitId': t._.in(['u7', 'u8']), studentNo: t._.lt('S000200') })
          .count()
      ).total,
    ).toBe(4);
    expect((await t.db.collection('units').where({ ancestors: 'c3' }).count()).total).toBe(100);
    // Conditions an index cannot answer still come out right (mingo re-checks every candidate).
    expect((await t.db.collection('people').where({ openid: null }).count()).total).toBe(10_000);
  });

  test('an indexed lookup stays fast on a large collection while a scan does not need to', async () => {
    const people = t.server.db.store.collection('people')!;
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) people.find({ studentNo: `S${String(i * 37).padStart(6, '0')}` });
    const indexedMs = (performance.now() - t0) / 200;
    const t1 = performance.now();
    for (let i = 0; i < 5; i++) people.find({ name: 'nobody' });
    const scanMs = (performance.now() - t1) / 5;
    expect(indexedMs).toBeLessThan(1);
    expect(scanMs).toBeGreaterThan(indexedMs * 5);
  });
});
