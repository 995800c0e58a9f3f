/** Every non-transactional database action, through the real wx-server-sdk. */
import { rmSync } from 'node:fs';
import { EmulatorDatabase } from '../../../emulator/db/index';
import { INDEX_SPEC, rejection, startTestDb, type TestDb, tempDir } from './helpers';

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('database.insertDocument (collection.add)', () => {
  test('generates a 32-hex id and stores every value type faithfully', async () => {
    const when = new Date('2026-09-01T08:00:00.000Z');
    const res = await t.db.collection('things').add({
      data: {
        n: 1,
        big: 1_700_000_000_000,
        x: 1.5,
        neg: -3,
        s: '领雁',
        ok: true,
        nil: null,
        when,
        tags: ['a', 'b'],
        o: { p: { q: 1 } },
      },
    });
    expect(res._id).toMatch(/^[0-9a-f]{32}$/);
    const { data } = await t.db.collection('things').doc(res._id).get();
    expect(data).toEqual({
      _id: res._id,
      n: 1,
      big: 1_700_000_000_000,
      x: 1.5,
      neg: -3,
      s: '领雁',
      ok: true,
      nil: null,
      when,
      tags: ['a', 'b'],
      o: { p: { q: 1 } },
    });
    expect(data.when).toBeInstanceOf(Date);
  });

  test('honours a given _id, and several documents at once', async () => {
    const one = await t.db.collection('things').add({ data: { _id: 'given-id', v: 1 } });
    expect(one._id).toBe('given-id');
    const many = await t.db.collection('things').add({ data: [{ v: 2 }, { _id: 'given-2', v: 3 }] });
    expect(many._ids).toHaveLength(2);
    expect(many._ids[1]).toBe('given-2');
    expect((await t.db.collection('things').doc(many._ids[0]).get()).data.v).toBe(2);
  });

  test('db.serverDate() becomes the server time', async () => {
    const before = Date.now();
    const { _id } = await t.db
      .collection('things')
      .add({ data: { at: t.db.serverDate(), later: t.db.serverDate({ offset: 60_000 }) } });
    const { data } = await t.db.collection('things').doc(_id).get();
    expect(data.at).toBeInstanceOf(Date);
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(data.at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(data.later.getTime() - data.at.getTime()).toBe(60_000);
  });
});

describe('database.getDocument', () => {
  test('doc(id).get() of a missing document fails the way CloudBase does; throwOnNotFound:false gives null', async () => {
    const e = await rejection(t.db.collection('things').doc('missing').get());
    expect(e.message).toContain('document with _id missing does not exist');
    const lenient = t.cloud.database({ throwOnNotFound: false });
    expect((await lenient.collection('things').doc('missing').get()).data).toBeNull();
  });

  test('an unknown collection reads as empty', async () => {
    expect((await t.db.collection('never-written').get()).data).toEqual([]);
    expect((await t.db.collection('never-written').count()).total).toBe(0);
  });

  test('doc(id).field() projects', async () => {
    await t.db
      .collection('things')
      .doc('proj')
      .set({ data: { a: 1, b: 2, c: { d: 3, e: 4 } } });
    const { data } = await t.db.collection('things').doc('proj').field({ a: true, 'c.d': true }).get();
    expect(data).toEqual({ _id: 'proj', a: 1, c: { d: 3 } });
  });

  test('collection.get() returns at most 100 documents unless limited (SDK default), never more than 1000', async () => {
    await t.server.db.collection('bulk').insertMany(Array.from({ length: 1200 }, (_, i) => ({ i })));
    expect((await t.db.collection('bulk').get()).data).toHaveLength(100);
    expect((await t.db.collection('bulk').limit(1000).get()).data).toHaveLength(1000);
    expect((await t.db.collection('bulk').count()).total).toBe(1200);
  });
});

describe('database.modifyDocument', () => {
  test('doc(id).set() creates, then replaces the whole document', async () => {
    const created = await t.db
      .collection('things')
      .doc('s1')
      .set({ data: { a: 1, b: 2 } });
    expect(created.stats).toEqual({ updated: 0, created: 1 });
    const replaced = await t.db
      .collection('things')
      .doc('s1')
      .set({ data: { c: 3 } });
    expect(replaced.stats).toEqual({ updated: 1, created: 0 });
    expect((await t.db.collection('things').doc('s1').get()).data).toEqual({ _id: 's1', c: 3 });
  });

  test('doc(id).update() merges nested objects field by field and reports the modified count', async () => {
    await t.db
      .collection('things')
      .doc('u1')
      .set({ data: { o: { p: 1, q: 2 }, keep: true } });
    const res = await t.db
      .collection('things')
      .doc('u1')
      .update({ data: { o: { p: 10 } } });
    expect(res.stats.updated).toBe(1);
    expect((await t.db.collection('things').doc('u1').get()).data).toEqual({
      _id: 'u1',
      o: { p: 10, q: 2 },
      keep: true,
    });
    // Same value again: MongoDB's nModified semantics, nothing changed.
    expect(
      (
        await t.db
          .collection('things')
          .doc('u1')
          .update({ data: { keep: true } })
      ).stats.updated,
    ).toBe(0);
    // Missing document: nothing updated, nothing created.
    expect(
      (
        await t.db
          .collection('things')
          .doc('nope')
          .update({ data: { a: 1 } })
      ).stats.updated,
    ).toBe(0);
    expect((await t.db.collection('things').where({ _id: 'nope' }).count()).total).toBe(0);
  });

  test('where().update() touches every match', async () => {
    await t.db.collection('multi').add({
      data: [
        { g: 'x', v: 0 },
        { g: 'x', v: 0 },
        { g: 'y', v: 0 },
      ],
    });
    const res = await t.db
      .collection('multi')
      .where({ g: 'x' })
      .update({ data: { v: 1 } });
    expect(res.stats.updated).toBe(2);
    const { data } = await t.db.collection('multi').orderBy('g', 'asc').get();
    expect(data.map((d: { v: number }) => d.v)).toEqual([1, 1, 0]);
  });

  test('the _id cannot be changed', async () => {
    await t.db
      .collection('things')
      .doc('immutable')
      .set({ data: { a: 1 } });
    const inner = t.db._db; // node-sdk's own Db, which sends whatever it is given in raw mode
    const e = await rejection(
      inner
        .collection('things')
        .options({ raw: true })
        .doc('immutable')
        .update({ $set: { '_id.x': 1 } }),
    );
    expect(e.message).toContain("immutable field '_id'");
  });
});

describe('database.removeDocument', () => {
  test('doc(id).remove() and where().remove()', async () => {
    await t.db.collection('rm').add({
      data: [
        { _id: 'r1', k: 1 },
        { _id: 'r2', k: 2 },
        { _id: 'r3', k: 2 },
      ],
    });
    expect((await t.db.collection('rm').doc('r1').remove()).stats.removed).toBe(1);
    expect((await t.db.collection('rm').doc('r1').remove()).stats.removed).toBe(0);
    expect((await t.db.collection('rm').where({ k: 2 }).remove()).stats.removed).toBe(2);
    expect((await t.db.collection('rm').count()).total).toBe(0);
  });
});

describe('database.calculateDocument', () => {
  test('count() with and without a query', async () => {
    await t.db.collection('cnt').add({ data: [{ k: 1 }, { k: 2 }, { k: 2 }] });
    expect((await t.db.collection('cnt').count()).total).toBe(3);
    expect((await t.db.collection('cnt').where({ k: 2 }).count()).total).toBe(2);
  });
});

describe('database.modifyAndReturnDoc (updateAndReturn)', () => {
  test('updates the first match and returns the document after the update', async () => {
    await t.db.collection('uar').add({ data: [{ _id: 'a', k: 1, n: 1 }] });
    const inner = t.db._db;
    const res = await inner
      .collection('uar')
      .where({ k: 1 })
      .updateAndReturn({ n: inner.command.inc(5) });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ _id: 'a', k: 1, n: 6 });
    const none = await inner.collection('uar').where({ k: 99 }).updateAndReturn({ n: 1 });
    expect(none.updated).toBe(0);
    expect(none.doc).toBeNull();
  });
});

describe('database.addCollection (createCollection)', () => {
  test('creates once, then fails with DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    const ok = await t.db.createCollection('fresh');
    expect(ok.errMsg).toBe('createCollection:ok');
    expect(t.server.db.collectionNames()).toContain('fresh');
    const e = await rejection(t.db.createCollection('fresh'));
    expect(e.message).toContain('already exists');
    const raw = await rejection(t.db._db.createCollection('fresh'));
    expect(raw.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });
});

describe('unsupported actions', () => {
  test('an SDK action the emulator does not implement fails loudly, naming the action', async () => {
    const e = await rejection(t.cloud.callFunction({ name: 'anything', data: {} }));
    expect((e as { code?: string }).code).toBe('EMULATOR_UNSUPPORTED_ACTION');
    expect(e.message).toContain('functions.invokeFunction');
  });

  test('a raw unknown database action gets the same error shape', async () => {
    const res = await fetch(`${t.server.url}/admin?env=local&seqId=x-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.watchDocument', collectionName: 'things' }),
    });
    const body = (await res.json()) as { code: string; message: string; requestId: string };
    expect(res.status).toBe(200);
    expect(body.code).toBe('EMULATOR_UNSUPPORTED_ACTION');
    expect(body.message).toContain('database.watchDocument');
    expect(body.requestId).toBeTruthy();
  });

  test('actions mounted by the rest of the emulator are answered instead', async () => {
    t.server.action('functions.invokeFunction', (params) => ({
      data: { response_data: JSON.stringify({ echo: params.function_name }) },
    }));
    const res = await t.cloud.callFunction({ name: 'echoer', data: {} });
    expect(res.result).toEqual({ echo: 'echoer' });
  });
});

describe('the direct API', () => {
  test('insertMany / find / findOne / count / clear', async () => {
    const c = t.server.db.collection('direct');
    const ids = await c.insertMany([{ _id: 'd1', k: 1, at: new Date(1) }, { k: 2 }]);
    expect(ids[0]).toBe('d1');
    expect(await c.count()).toBe(2);
    expect(await c.findOne({ k: 1 })).toEqual({ _id: 'd1', k: 1, at: new Date(1) });
    expect(await c.find({ k: { $gte: 1 } }, { sort: { k: -1 }, projection: { k: 1, _id: 0 } })).toEqual([
      { k: 2 },
      { k: 1 },
    ]);
    // Seeded documents are visible through the SDK, and results are copies.
    expect((await t.db.collection('direct').doc('d1').get()).data.k).toBe(1);
    const found = await c.find<{ k: number }>({ _id: 'd1' });
    found[0].k = 100;
    expect((await c.findOne<{ k: number }>({ _id: 'd1' }))?.k).toBe(1);
    await expect(c.insertMany([{ _id: 'd1' }])).rejects.toThrow(/duplicate key/);
    await c.clear();
    expect(await c.count()).toBe(0);
  });
});

describe('strictCollections', () => {
  test('when on, collections must be declared in indexes.json or created first, as on CloudBase', async () => {
    const dataDir = tempDir();
    const db = await EmulatorDatabase.open({ dataDir, indexSpecPath: INDEX_SPEC, strictCollections: true });
    const ctx = { now: Date.now(), cancelled: () => false };
    try {
      await expect(
        db.protocol.handle('database.getDocument', { collectionName: 'undeclared' }, ctx),
      ).rejects.toMatchObject({
        code: 'DATABASE_COLLECTION_NOT_EXIST',
      });
      await expect(
        db.protocol.handle('database.insertDocument', { collectionName: 'undeclared', data: ['{"a":1}'] }, ctx),
      ).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
      // Declared in the spec: exists from the start.
      expect(await db.protocol.handle('database.getDocument', { collectionName: 'people' }, ctx)).toEqual({
        data: { list: [] },
      });
      await db.protocol.handle('database.addCollection', { collectionName: 'undeclared' }, ctx);
      await db.protocol.handle('database.insertDocument', { collectionName: 'undeclared', data: ['{"a":1}'] }, ctx);
      expect(await db.collection('undeclared').count()).toBe(1);
    } finally {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
