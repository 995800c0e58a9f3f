/**
 * The CloudBase database wire protocol, as spoken by @cloudbase/database 1.4.3 (used by @cloudbase/node-sdk 3.17.2
 * inside wx-server-sdk 4.0.2). Request and reply shapes below are taken from that SDK's source
 * (dist/commonjs/{query,document,collection,aggregate,transaction/index,transaction}.js) and each is exercised by
 * tests/integration/db through the real SDK.
 *
 *   action                           params (besides collectionName)                       reply `data`
 *   database.getDocument             query, order, offset, limit, projection, queryType,    {list: [EJSON string]}
 *                                    transactionId (doc(id).get() inside a transaction)
 *   database.calculateDocument       query                                                  {total}
 *   database.insertDocument          data: [EJSON string], transactionId                    {insertedIds}
 *   database.modifyDocument          query, data, multi, merge (false = set/replace),        {updated, upsert_id}
 *                                    upsert, queryType, transactionId
 *   database.removeDocument          query, multi, queryType, transactionId                 {deleted}
 *   database.modifyAndReturnDoc      query, data                                            {updated, doc}
 *   database.aggregateDocuments      stages: [{stageKey, stageValue: JSON}]                 {list: [EJSON string]}
 *   database.addCollection           (db.createCollection)                                  {}
 *   database.startTransaction        -                                                      top-level transactionId
 *   database.commitTransaction / database.abortTransaction   transactionId                  {}
 *   database.getInTransaction / updateDocInTransaction / deleteDocInTransaction
 *                                    the older Transaction API (transaction.js), still shipped; replies are
 *                                    top-level EJSON strings: data / updated, upserted / deleted
 *
 * Replies are `{requestId, data}` (added by the HTTP layer); failures are `{requestId, code, message}` with HTTP 200,
 * which node-sdk turns into a thrown error carrying `code`.
 */
import { randomBytes } from 'node:crypto';
import { update as mingoUpdate, Query } from 'mingo';
import { clone, type Doc, decode, deepEqual, parse, stringifyCanonical } from './ejson';
import { DbError, duplicateKeyError, ErrorCode } from './errors';
import type { LogBatch } from './persistence';
import { type CollectionState, idKey, MINGO_OPTIONS, type Store } from './store';
import type { Transaction, TransactionManager } from './transactions';

export type Params = Record<string, unknown>;
export type Reply = Record<string, unknown>;

export interface RequestContext {
  /** Server time of this request: `db.serverDate()` resolves to it. */
  now: number;
  /** True once the HTTP client has gone away (a queued startTransaction then gives up its place). */
  cancelled: () => boolean;
}

export interface ProtocolOptions {
  /**
   * Rows an aggregation returns when its pipeline has no $limit stage (CloudBase returns 20).
   */
  aggregateDefaultLimit: number;
  /**
   * When true, reading or writing a collection that is neither in indexes.json nor created by a write/createCollection
   * fails with DATABASE_COLLECTION_NOT_EXIST, as on CloudBase. Off by default: collections appear on first write.
   */
  strictCollections: boolean;
}

/** Most rows one getDocument may return to a cloud function (the SDK also clamps to this). */
const MAX_LIMIT = 1000;

let idCounter = randomBytes(3).readUIntBE(0, 3);
const processTag = randomBytes(5).toString('hex');

/** A 32-hex-digit id like CloudBase's: seconds, a per-process tag, a counter, randomness (unique and time-ordered). */
export function newId(): string {
  idCounter = (idCounter + 1) % 0xffffff;
  const secs = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${secs}${processTag}${idCounter.toString(16).padStart(6, '0')}${randomBytes(4).toString('hex')}`.slice(0, 32);
}

function fail(code: (typeof ErrorCode)[keyof typeof ErrorCode], message: string): never {
  throw new DbError(code, message);
}

/** A wire parameter that holds EJSON: usually a string, occasionally (raw options) an object. */
function ejsonParam(value: unknown, now: number, what: string): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  try {
    return typeof value === 'string' ? parse(value, now) : decode(value, now);
  } catch (e) {
    return fail(ErrorCode.InvalidParam, `${what} is not valid EJSON: ${(e as Error).message}`);
  }
}

function objectParam(value: unknown, now: number, what: string): Doc | undefined {
  const v = ejsonParam(value, now, what);
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    fail(ErrorCode.InvalidParam, `${what} must be an object`);
  return v as Doc;
}

function hasOperators(update: Doc): boolean {
  return Object.keys(update).some((k) => k.startsWith('$'));
}

/**
 * Apply a MongoDB update document with mingo. Returns the new document (a copy) and whether anything changed;
 * `updated` counts follow MongoDB's nModified, so an update that changes nothing reports 0.
 */
export function applyUpdate(current: Doc, update: Doc): { doc: Doc; changed: boolean } {
  // merge:true with plain fields (raw API) means "$set these fields", never replacement.
  const modifier = hasOperators(update) ? update : { $set: update };
  for (const [op, fields] of Object.entries(modifier)) {
    if (!op.startsWith('$')) fail(ErrorCode.InvalidOperator, `cannot mix update operators and plain field ${op}`);
    for (const path of Object.keys((fields as Doc) ?? {})) {
      if (path === '_id' || path.startsWith('_id.')) {
        fail(ErrorCode.RequestFailed, "Performing an update on the path '_id' would modify the immutable field '_id'");
      }
    }
  }
  const doc = clone(current);
  try {
    const changedPaths = mingoUpdate(doc, modifier as Parameters<typeof mingoUpdate>[1], undefined, undefined, {
      cloneMode: 'deep',
      queryOptions: MINGO_OPTIONS,
    });
    return { doc, changed: changedPaths.length > 0 };
  } catch (e) {
    if (e instanceof DbError) throw e;
    return fail(ErrorCode.RequestFailed, `update failed: ${(e as Error).message}`);
  }
}

/** `doc.set()` replacement: the new document keeps the `_id` and nothing else of the old one. */
function replacement(id: unknown, data: Doc): Doc {
  if (hasOperators(data))
    fail(ErrorCode.InvalidOperator, 'a replacement document (set) cannot contain update operators');
  const { _id: _ignored, ...rest } = data;
  return { _id: id, ...rest };
}

function project(doc: Doc, projection: Doc | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc;
  return new Query({}, MINGO_OPTIONS).find<Doc>([doc], projection).all()[0] ?? doc;
}

/** The `_id` of a single-document operation: `{_id: id}` with queryType DOC, as doc(id).x() sends it. */
function docIdOf(query: Doc | undefined, params: Params, action: string): unknown {
  const id = query?._id;
  if (!query || Object.keys(query).length !== 1 || id === undefined || typeof id === 'object') {
    fail(
      ErrorCode.UnsupportedAction,
      `${action} with a query inside a transaction: CloudBase transactions allow single-document operations only (doc(id).get/set/update/remove, add)`,
    );
  }
  if (params.queryType !== undefined && params.queryType !== 'DOC') {
    fail(
      ErrorCode.UnsupportedAction,
      `${action} inside a transaction needs queryType DOC, got ${String(params.queryType)}`,
    );
  }
  return id;
}

/** Fields a query pins to a scalar, used to seed an upserted document (MongoDB does the same). */
function equalityFields(query: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$') || k.includes('.')) continue;
    if (v === null || typeof v !== 'object' || v instanceof Date) out[k] = v;
  }
  return out;
}

export class DatabaseProtocol {
  private readonly handlers: Record<string, (p: Params, ctx: RequestContext) => Reply | Promise<Reply>> = {
    'database.getDocument': (p, c) => this.getDocument(p, c),
    'database.calculateDocument': (p, c) => this.calculateDocument(p, c),
    'database.insertDocument': (p, c) => this.insertDocument(p, c),
    'database.modifyDocument': (p, c) => this.modifyDocument(p, c),
    'database.removeDocument': (p, c) => this.removeDocument(p, c),
    'database.modifyAndReturnDoc': (p, c) => this.modifyAndReturnDoc(p, c),
    'database.aggregateDocuments': (p, c) => this.aggregateDocuments(p, c),
    'database.addCollection': (p) => this.addCollection(p),
    'database.startTransaction': async (_p, c) => ({ transactionId: (await this.txm.start(c.cancelled)).id }),
    'database.commitTransaction': async (p) => {
      await this.txm.commit(p.transactionId);
      return {};
    },
    'database.abortTransaction': (p) => {
      this.txm.abort(p.transactionId);
      return {};
    },
    'database.getInTransaction': (p, c) => this.legacyGet(p, c),
    'database.updateDocInTransaction': (p, c) => this.legacyUpdate(p, c),
    'database.deleteDocInTransaction': (p) => this.legacyDelete(p),
  };

  constructor(
    private readonly store: Store,
    private readonly txm: TransactionManager,
    private readonly opts: ProtocolOptions,
  ) {}

  actions(): string[] {
    return Object.keys(this.handlers);
  }

  handles(action: string): boolean {
    return Object.hasOwn(this.handlers, action);
  }

  /** Run one action. Throws DbError for failures the SDK should see as `{code, message}`. */
  async handle(action: string, params: Params, ctx: RequestContext): Promise<Reply> {
    const handler = this.handlers[action];
    if (!handler) return fail(ErrorCode.UnsupportedAction, `the emulator does not support action ${action}`);
    return handler(params, ctx);
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  private collectionName(p: Params): string {
    const name = p.collectionName;
    if (typeof name !== 'string' || name === '') fail(ErrorCode.InvalidParam, 'collectionName is required');
    return name;
  }

  /** Committed state of a collection for reading; undefined = no documents (or an error in strict mode). */
  private readable(name: string): CollectionState | undefined {
    const c = this.store.collection(name);
    if (!c && this.opts.strictCollections) fail(ErrorCode.CollectionNotExist, `collection ${name} does not exist`);
    return c;
  }

  private writable(name: string): void {
    if (this.opts.strictCollections && !this.store.has(name)) {
      fail(ErrorCode.CollectionNotExist, `collection ${name} does not exist`);
    }
  }

  /** Run an operation inside a transaction; any failure aborts the transaction, as in MongoDB. */
  private inTx<T>(p: Params, fn: (tx: Transaction) => T): T {
    const tx = this.txm.get(p.transactionId);
    try {
      return fn(tx);
    } catch (e) {
      this.txm.fail(tx, e);
      throw e;
    }
  }

  // ---- reads ---------------------------------------------------------------------------------------------------

  private getDocument(p: Params, ctx: RequestContext): Reply {
    const name = this.collectionName(p);
    const query = objectParam(p.query, ctx.now, 'query') ?? {};
    const projection = objectParam(p.projection, ctx.now, 'projection');
    if (p.transactionId !== undefined) {
      return this.inTx(p, (tx) => {
        this.writable(name);
        const doc = tx.get(name, docIdOf(query, p, 'database.getDocument'));
        return { data: { list: doc ? [stringifyCanonical(project(doc, projection))] : [] } };
      });
    }
    const coll = this.readable(name);
    const order = objectParam(p.order, ctx.now, 'order') as Record<string, 1 | -1> | undefined;
    const limit = Math.min(typeof p.limit === 'number' && p.limit > 0 ? p.limit : 100, MAX_LIMIT);
    const skip = typeof p.offset === 'number' && p.offset > 0 ? p.offset : 0;
    const docs = coll ? this.evaluate(() => coll.find(query, { sort: order, skip, limit, projection })) : [];
    return { data: { list: docs.map(stringifyCanonical) } };
  }

  private calculateDocument(p: Params, ctx: RequestContext): Reply {
    const coll = this.readable(this.collectionName(p));
    const query = objectParam(p.query, ctx.now, 'query') ?? {};
    return { data: { total: coll ? this.evaluate(() => coll.count(query)) : 0 } };
  }

  private aggregateDocuments(p: Params, ctx: RequestContext): Reply {
    const name = this.collectionName(p);
    this.readable(name);
    if (!Array.isArray(p.stages)) fail(ErrorCode.InvalidParam, 'stages must be an array');
    const pipeline = p.stages.map((s: { stageKey?: unknown; stageValue?: unknown }) => {
      const key = String(s.stageKey ?? '');
      if (!key.startsWith('$')) fail(ErrorCode.InvalidOperator, `aggregation stage ${key} must start with $`);
      return { [key]: ejsonParam(s.stageValue, ctx.now, `stage ${key}`) } as Doc;
    });
    let list = this.evaluate(() => this.store.aggregate(name, pipeline));
    if (!pipeline.some((s) => '$limit' in s)) list = list.slice(0, this.opts.aggregateDefaultLimit);
    return { data: { list: list.map(stringifyCanonical) } };
  }

  /** mingo reports bad queries (unknown operator, wrong argument) by throwing: turn that into a wire error. */
  private evaluate<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof DbError) throw e;
      return fail(ErrorCode.InvalidOperator, (e as Error).message);
    }
  }

  // ---- writes --------------------------------------------------------------------------------------------------

  private async insertDocument(p: Params, ctx: RequestContext): Promise<Reply> {
    const name = this.collectionName(p);
    if (!Array.isArray(p.data) || p.data.length === 0) fail(ErrorCode.InvalidParam, 'data must be a non-empty array');
    const docs = p.data.map((d, i) => {
      const doc = objectParam(d, ctx.now, `data[${i}]`);
      if (!doc) return fail(ErrorCode.InvalidParam, `data[${i}] is empty`);
      return doc._id === undefined ? { _id: newId(), ...doc } : doc;
    });
    this.writable(name);
    if (p.transactionId !== undefined) {
      return this.inTx(p, (tx) => {
        for (const doc of docs) {
          if (tx.get(name, doc._id)) throw duplicateKeyError(name, '_id_', `{ _id: ${stringifyCanonical(doc._id)} }`);
          tx.put(name, doc);
        }
        return { data: { insertedIds: docs.map((d) => d._id) } };
      });
    }
    await this.insertCommitted(name, docs);
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  /** Insert semantics (never overwrite) for committed state; all-or-nothing for a multi-document add. */
  insertCommitted(name: string, docs: Doc[]): Promise<void> {
    const coll = this.store.collection(name);
    const seen = new Set<string>();
    for (const doc of docs) {
      const key = idKey(doc._id);
      if (seen.has(key) || coll?.get(doc._id))
        throw duplicateKeyError(name, '_id_', `{ _id: ${stringifyCanonical(doc._id)} }`);
      seen.add(key);
    }
    return this.store.commit(docs.map((d) => ({ o: 'put', c: name, d })));
  }

  private async modifyDocument(p: Params, ctx: RequestContext): Promise<Reply> {
    const name = this.collectionName(p);
    const query = objectParam(p.query, ctx.now, 'query') ?? {};
    const data = objectParam(p.data, ctx.now, 'data');
    if (!data) fail(ErrorCode.InvalidParam, 'data is required');
    const replace = p.merge === false;
    const upsert = p.upsert === true;
    this.writable(name);

    if (p.transactionId !== undefined) {
      return this.inTx(p, (tx) => {
        const id = docIdOf(query, p, 'database.modifyDocument');
        const current = tx.get(name, id);
        if (!current) {
          if (!upsert) return { data: { updated: 0 } };
          const created = replace ? replacement(id, data) : applyUpdate({ _id: id }, data).doc;
          tx.put(name, created);
          return { data: { updated: 0, upsert_id: id } };
        }
        const next = replace ? replacement(id, data) : applyUpdate(current, data).doc;
        const changed = !deepEqual(current, next);
        if (changed) tx.put(name, next);
        return { data: { updated: changed ? 1 : 0 } };
      });
    }

    const coll = this.store.collection(name);
    const matches = coll ? this.evaluate(() => coll.match(query)) : [];
    const targets = p.multi === true ? matches : matches.slice(0, 1);
    const batch: LogBatch = [];
    for (const current of targets) {
      const next = replace ? replacement(current._id, data) : applyUpdate(current, data).doc;
      if (!deepEqual(current, next)) batch.push({ o: 'put', c: name, d: next });
    }
    let upsertId: unknown;
    if (targets.length === 0 && upsert) {
      const seed = equalityFields(query);
      upsertId = seed._id ?? newId();
      const created = replace ? replacement(upsertId, data) : applyUpdate({ ...seed, _id: upsertId }, data).doc;
      batch.push({ o: 'put', c: name, d: created });
    }
    if (batch.length > 0) await this.store.commit(batch);
    const updated = upsertId === undefined ? batch.length : 0;
    return { data: upsertId === undefined ? { updated } : { updated, upsert_id: upsertId } };
  }

  private async removeDocument(p: Params, ctx: RequestContext): Promise<Reply> {
    const name = this.collectionName(p);
    const query = objectParam(p.query, ctx.now, 'query') ?? {};
    if (p.transactionId !== undefined) {
      return this.inTx(p, (tx) => {
        const id = docIdOf(query, p, 'database.removeDocument');
        if (!tx.get(name, id)) return { data: { deleted: 0 } };
        tx.delete(name, id);
        return { data: { deleted: 1 } };
      });
    }
    const coll = this.readable(name);
    const matches = coll ? this.evaluate(() => coll.match(query)) : [];
    const targets = p.multi === true ? matches : matches.slice(0, 1);
    if (targets.length > 0) await this.store.commit(targets.map((d) => ({ o: 'del', c: name, i: d._id })));
    return { data: { deleted: targets.length } };
  }

  private async modifyAndReturnDoc(p: Params, ctx: RequestContext): Promise<Reply> {
    const name = this.collectionName(p);
    if (p.transactionId !== undefined) {
      fail(ErrorCode.UnsupportedAction, 'database.modifyAndReturnDoc inside a transaction: use doc(id).update()');
    }
    const query = objectParam(p.query, ctx.now, 'query') ?? {};
    const data = objectParam(p.data, ctx.now, 'data');
    if (!data) fail(ErrorCode.InvalidParam, 'data is required');
    this.writable(name);
    const coll = this.store.collection(name);
    const current = coll ? this.evaluate(() => coll.match(query))[0] : undefined;
    if (!current) return { data: { updated: 0, doc: null } };
    const { doc, changed } = applyUpdate(current, data);
    if (changed) await this.store.commit([{ o: 'put', c: name, d: doc }]);
    // CloudBase's updateAndReturn answers with the document after the update.
    return { data: { updated: changed ? 1 : 0, doc: stringifyCanonical(doc) } };
  }

  private async addCollection(p: Params): Promise<Reply> {
    const name = this.collectionName(p);
    if (this.store.has(name)) fail(ErrorCode.CollectionAlreadyExist, `collection ${name} already exists`);
    await this.store.commit([{ o: 'create', c: name }]);
    return {};
  }

  // ---- the older Transaction API (transaction.js) ------------------------------------------------------------------

  private legacyGet(p: Params, _ctx: RequestContext): Reply {
    const name = this.collectionName(p);
    return this.inTx(p, (tx) => ({ data: stringifyCanonical(tx.get(name, p._id)) }));
  }

  private legacyUpdate(p: Params, ctx: RequestContext): Reply {
    const name = this.collectionName(p);
    const data = objectParam(p.data, ctx.now, 'data');
    if (!data) fail(ErrorCode.InvalidParam, 'data is required');
    this.writable(name);
    return this.inTx(p, (tx) => {
      const id = p._id;
      const current = tx.get(name, id);
      // Transaction.set sends the document with upsert:true; Transaction.update sends {$set: fields}.
      if (!current) {
        if (p.upsert !== true) return { updated: stringifyCanonical(0), upserted: null };
        tx.put(name, hasOperators(data) ? applyUpdate({ _id: id }, data).doc : replacement(id, data));
        return { updated: stringifyCanonical(0), upserted: JSON.stringify([{ _id: id }]) };
      }
      const next = hasOperators(data) ? applyUpdate(current, data).doc : replacement(id, data);
      const changed = !deepEqual(current, next);
      if (changed) tx.put(name, next);
      return { updated: stringifyCanonical(changed ? 1 : 0), upserted: null };
    });
  }

  private legacyDelete(p: Params): Reply {
    const name = this.collectionName(p);
    return this.inTx(p, (tx) => {
      if (!tx.get(name, p._id)) return { deleted: stringifyCanonical(0) };
      tx.delete(name, p._id);
      return { deleted: stringifyCanonical(1) };
    });
  }
}
