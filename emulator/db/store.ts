/**
 * The committed state: collections of documents in memory, their indexes, and the write path to the log.
 *
 * All mutation goes through `Store.commit(batch)`, which validates and applies the whole batch synchronously
 * (so no other request can interleave: that is what makes `_.inc` and every other read-modify-write atomic in a
 * single-threaded server), rolls the batch back if a unique index objects, and returns a promise that resolves when
 * the batch is durable. Callers reply to the client only after that promise.
 *
 * Every document carries a version (a store-wide counter at its last write) which transactions use to detect
 * documents changed behind their back.
 */
import { Aggregator, ProcessingMode, Query } from 'mingo';
import { clone, type Doc } from './ejson';
import { DbError, duplicateKeyError, ErrorCode } from './errors';
import { equalityConstraints, Index, type IndexSpecFile } from './indexes';
import type { LogBatch, LogOp, WriteAheadLog } from './persistence';

interface Stored {
  doc: Doc;
  /** Store clock at the last write of this document. */
  ver: number;
  /** Position in natural (insertion) order; kept across updates like MongoDB's record order. */
  seq: number;
}

/** Map key for an `_id`. CloudBase ids are strings; numeric ids (doc(5)) stay distinct from the string "5". */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0000${typeof id}:${String(id)}`;
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

export class CollectionState {
  readonly docs = new Map<string, Stored>();
  readonly indexes: Index[];
  private nextSeq = 0;

  constructor(
    readonly name: string,
    indexSpecs: IndexSpecFile['collections'][string] | undefined,
  ) {
    this.indexes = (indexSpecs?.indexes ?? []).map((s) => new Index(s));
  }

  get(id: unknown): Doc | undefined {
    return this.docs.get(idKey(id))?.doc;
  }

  version(id: unknown): number {
    return this.docs.get(idKey(id))?.ver ?? 0;
  }

  /**
   * Insert or replace a document. With `check`, a unique-index collision throws the MongoDB-style duplicate
   * error before anything is modified.
   */
  put(doc: Doc, ver: number, seq?: number, check = false): void {
    const key = idKey(doc._id);
    const keys = this.indexes.map((ix) => ix.keysFor(doc));
    if (check) {
      for (let i = 0; i < this.indexes.length; i++) {
        const ix = this.indexes[i];
        if (ix.conflicts(key, keys[i])) throw duplicateKeyError(this.name, ix.name, ix.describe(doc));
      }
    }
    const prev = this.docs.get(key);
    if (prev) for (const ix of this.indexes) ix.remove(key, prev.doc);
    for (let i = 0; i < this.indexes.length; i++) this.indexes[i].add(key, keys[i]);
    this.docs.set(key, { doc, ver, seq: seq ?? prev?.seq ?? this.nextSeq++ });
  }

  delete(id: unknown): void {
    const key = idKey(id);
    const prev = this.docs.get(key);
    if (!prev) return;
    for (const ix of this.indexes) ix.remove(key, prev.doc);
    this.docs.delete(key);
  }

  clear(): void {
    this.docs.clear();
    for (const ix of this.indexes) ix.clear();
  }

  /**
   * Documents that may match `query`: an index lookup when the query pins an indexed field (or `_id`) to
   * concrete values, every document otherwise. Insertion order is kept, like MongoDB's natural order.
   */
  candidates(query: Doc): Doc[] {
    let best: Set<string> | undefined;
    let bestSize = Number.POSITIVE_INFINITY;
    for (const { field, values } of equalityConstraints(query)) {
      if (field === '_id') {
        const ids = new Set(values.map(idKey).filter((k) => this.docs.has(k)));
        if (ids.size < bestSize) {
          best = ids;
          bestSize = ids.size;
        }
        continue;
      }
      for (const ix of this.indexes) {
        if (ix.fields[0] !== field) continue;
        const size = ix.estimate(values);
        if (size < bestSize) {
          best = ix.lookup(values);
          bestSize = size;
        }
      }
    }
    if (!best) return Array.from(this.docs.values(), (s) => s.doc);
    const hits: Stored[] = [];
    for (const key of best) {
      const s = this.docs.get(key);
      if (s) hits.push(s);
    }
    // Keep natural order so using an index never changes which documents an unsorted limit returns.
    hits.sort((a, b) => a.seq - b.seq);
    return hits.map((s) => s.doc);
  }

  /** Matching documents (the stored objects themselves: callers must not mutate them). */
  match(query: Doc): Doc[] {
    const candidates = this.candidates(query);
    if (Object.keys(query).length === 0) return candidates;
    const q = new Query(query, MINGO_OPTIONS);
    return candidates.filter((d) => q.test(d));
  }

  find(query: Doc, opts: FindOptions = {}): Doc[] {
    const q = new Query(query, MINGO_OPTIONS);
    let cursor = q.find<Doc>(this.candidates(query), opts.projection);
    if (opts.sort && Object.keys(opts.sort).length > 0) cursor = cursor.sort(opts.sort);
    if (opts.skip) cursor = cursor.skip(opts.skip);
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
    return cursor.all();
  }

  count(query: Doc): number {
    return this.match(query).length;
  }
}

/** mingo options shared by every evaluation: strict MongoDB semantics, inputs never modified in place. */
export const MINGO_OPTIONS: NonNullable<ConstructorParameters<typeof Query>[1]> = {
  processingMode: ProcessingMode.CLONE_OFF,
  useStrictMode: true,
};

export class Store {
  private readonly collections = new Map<string, CollectionState>();
  private clock = 0;

  /** The store clock now: the version the next write will exceed. */
  get clockNow(): number {
    return this.clock;
  }

  /** Commits after which the log is rewritten to a snapshot (history that must not outlive them). */
  compactAfter: ((batch: LogBatch) => boolean) | undefined;

  constructor(
    private readonly spec: IndexSpecFile,
    private log: WriteAheadLog | undefined,
  ) {
    // Collections declared in the spec exist from the start, as they do once deployed to CloudBase.
    for (const name of Object.keys(spec.collections))
      this.collections.set(name, new CollectionState(name, spec.collections[name]));
  }

  attachLog(log: WriteAheadLog): void {
    this.log = log;
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  names(): string[] {
    return [...this.collections.keys()];
  }

  collection(name: string): CollectionState | undefined {
    return this.collections.get(name);
  }

  private ensure(name: string): CollectionState {
    let c = this.collections.get(name);
    if (!c) {
      c = new CollectionState(name, this.spec.collections[name]);
      this.collections.set(name, c);
    }
    return c;
  }

  /**
   * Validate and apply `batch` atomically in memory; return a promise for its durability.
   * On a unique-index violation nothing of the batch remains applied and a DbError is thrown synchronously.
   * Other requests may read the batch before it is durable (as with any group commit); nobody is told it
   * succeeded before it is. Should the disk write itself fail, the caller gets the error while memory keeps the
   * change: restart the emulator then.
   */
  commit(batch: LogBatch): Promise<void> {
    this.apply(batch, true);
    const log = this.log;
    if (!log) return Promise.resolve();
    const durable = log.append(batch);
    // The commit is acknowledged once the history before it is gone from the disk too.
    if (this.compactAfter?.(batch)) return durable.then(() => log.compact(() => this.snapshot()));
    return durable;
  }

  /** Apply without logging: replay of the log at open. */
  replay(batch: LogBatch): void {
    this.apply(batch, false);
  }

  private apply(batch: LogBatch, check: boolean): void {
    const undo: Array<() => void> = [];
    try {
      for (const op of batch) undo.push(this.applyOne(op, check));
    } catch (e) {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]();
      throw e;
    }
  }

  private applyOne(op: LogOp, check: boolean): () => void {
    switch (op.o) {
      case 'create': {
        if (this.collections.has(op.c)) return () => {};
        this.ensure(op.c);
        return () => this.collections.delete(op.c);
      }
      case 'drop': {
        const prev = this.collections.get(op.c);
        const snapshot = prev ? [...prev.docs.values()] : [];
        prev?.clear();
        return () => {
          for (const s of snapshot) prev?.put(s.doc, s.ver, s.seq);
        };
      }
      case 'put': {
        const existed = this.collections.has(op.c);
        const coll = this.ensure(op.c);
        const prev = coll.docs.get(idKey(op.d._id));
        coll.put(op.d, this.clock + 1, undefined, check);
        this.clock++;
        return () => {
          if (prev) coll.put(prev.doc, prev.ver, prev.seq);
          else coll.delete(op.d._id);
          if (!existed) this.collections.delete(op.c);
        };
      }
      case 'del': {
        const coll = this.collections.get(op.c);
        const prev = coll?.docs.get(idKey(op.i));
        if (!coll || !prev) return () => {};
        coll.delete(op.i);
        // A deleted document's version must still move, so a transaction that read it sees the change.
        this.clock++;
        return () => coll.put(prev.doc, prev.ver, prev.seq);
      }
      default:
        throw new DbError(ErrorCode.RequestFailed, `unknown log op ${JSON.stringify(op)}`);
    }
  }

  /** Whole committed state as log batches (compaction). */
  snapshot(chunk = 1000): LogBatch[] {
    const out: LogBatch[] = [];
    for (const coll of this.collections.values()) {
      out.push([{ o: 'create', c: coll.name }]);
      let batch: LogBatch = [];
      for (const s of coll.docs.values()) {
        batch.push({ o: 'put', c: coll.name, d: s.doc });
        if (batch.length >= chunk) {
          out.push(batch);
          batch = [];
        }
      }
      if (batch.length) out.push(batch);
    }
    return out;
  }

  liveDocuments(): number {
    let n = 0;
    for (const c of this.collections.values()) n += c.docs.size;
    return n;
  }

  /** Run an aggregation pipeline over committed state. `$lookup` and friends read other collections. */
  aggregate(name: string, pipeline: Doc[]): Doc[] {
    const coll = this.collections.get(name);
    let input: Doc[];
    let rest = pipeline;
    const first = pipeline[0];
    if (first && typeof first.$match === 'object' && first.$match !== null) {
      // Answer a leading $match from the indexes, as MongoDB would.
      input = coll ? coll.match(first.$match as Doc) : [];
      rest = pipeline.slice(1);
    } else {
      input = coll ? Array.from(coll.docs.values(), (s) => s.doc) : [];
    }
    // Stages like $addFields may write into their input: give mingo copies, never the stored objects.
    const agg = new Aggregator(rest, {
      ...MINGO_OPTIONS,
      collectionResolver: (other: string) => {
        const c = this.collections.get(other);
        return c ? Array.from(c.docs.values(), (s) => clone(s.doc)) : [];
      },
    });
    return agg.run(input.map(clone)) as Doc[];
  }
}
