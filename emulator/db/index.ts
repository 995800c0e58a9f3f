/**
 * The emulator's database: committed store + write-ahead log + transaction manager + wire protocol, and a direct
 * in-process API for seed scripts, tests and benchmarks (no HTTP, no EJSON round trip).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clone, type Doc } from './ejson';
import { type IndexSpecFile, loadIndexSpec } from './indexes';
import { type LogBatch, WriteAheadLog } from './persistence';
import { DatabaseProtocol, newId, type ProtocolOptions } from './protocol';
import { type FindOptions, Store } from './store';
import { TransactionManager, type TransactionMode, transactionModeFromEnv } from './transactions';

export type { Doc } from './ejson';
export { DbError, ErrorCode } from './errors';
export type { FindOptions } from './store';

export interface DatabaseOptions extends Partial<ProtocolOptions> {
  dataDir: string;
  /** database/indexes.json or equivalent; without it there are no secondary indexes. */
  indexSpecPath?: string;
  /** A transaction is aborted this long after it obtained the lock (default 10 s). */
  txTimeoutMs?: number;
  /**
   * 'serial' (default): transactions take turns and never conflict. 'optimistic': they run at once and the later
   * committer of a document conflicts, as on CloudBase (emulator/db/transactions.ts). Default from
   * LINGYAN_EMULATOR_CONFLICTS.
   */
  transactions?: TransactionMode;
  /** fdatasync before acknowledging writes (default true). Only turn off for throwaway data. */
  sync?: boolean;
  /**
   * Commits after which the log is rewritten to a snapshot before they are acknowledged, so the data folder keeps
   * no history of what came before (the emulator passes "a secret vote has ended": see emulator/index.ts).
   */
  compactAfter?: (batch: LogBatch) => boolean;
}

/** Direct access to one collection, bypassing the wire protocol (and its per-request limits). */
export interface DirectCollection {
  /** Insert documents (ids generated when absent); resolves when durable. Fails on any duplicate, inserting none. */
  insertMany<T extends object>(docs: readonly T[]): Promise<string[]>;
  insertOne<T extends object>(doc: T): Promise<string>;
  /** Matching documents (copies), optionally sorted/paged/projected. */
  find<T = Doc>(query?: Doc, opts?: FindOptions): Promise<T[]>;
  findOne<T = Doc>(query?: Doc): Promise<T | null>;
  count(query?: Doc): Promise<number>;
  /** Remove every document of the collection (durably). */
  clear(): Promise<void>;
}

export class EmulatorDatabase {
  private constructor(
    readonly store: Store,
    private readonly log: WriteAheadLog,
    readonly transactions: TransactionManager,
    readonly protocol: DatabaseProtocol,
  ) {}

  static async open(opts: DatabaseOptions): Promise<EmulatorDatabase> {
    const spec: IndexSpecFile = opts.indexSpecPath ? loadIndexSpec(opts.indexSpecPath) : { collections: {} };
    const { log, replay } = await WriteAheadLog.open(opts.dataDir, { sync: opts.sync });
    const store = new Store(spec, undefined);
    for (const batch of replay.batches) store.replay(batch);
    // Compact when most logged records are dead (overwritten or deleted): keeps reopen time proportional to data.
    const live = store.liveDocuments();
    // Also when a rewrite was interrupted by a crash: the history it was removing must not survive it.
    if (replay.records > 2 * live + 1000 || replay.interruptedRewrite) await log.rewrite(store.snapshot());
    store.attachLog(log);
    store.compactAfter = opts.compactAfter;
    const txm = new TransactionManager(
      store,
      opts.txTimeoutMs ?? 10_000,
      opts.transactions ?? transactionModeFromEnv(),
    );
    const protocol = new DatabaseProtocol(store, txm, {
      aggregateDefaultLimit: opts.aggregateDefaultLimit ?? 20,
      strictCollections: opts.strictCollections ?? false,
    });
    return new EmulatorDatabase(store, log, txm, protocol);
  }

  static exists(dataDir: string): boolean {
    return existsSync(join(dataDir, 'db.log'));
  }

  collection(name: string): DirectCollection {
    const store = this.store;
    const protocol = this.protocol;
    const insertMany = async <T extends object>(docs: readonly T[]): Promise<string[]> => {
      const prepared = docs.map((d) => {
        const doc = clone(d as unknown as Doc);
        return doc._id === undefined ? { _id: newId(), ...doc } : doc;
      });
      if (prepared.length > 0) await protocol.insertCommitted(name, prepared);
      return prepared.map((d) => d._id as string);
    };
    return {
      insertMany,
      insertOne: async (doc) => (await insertMany([doc]))[0],
      find: async <T = Doc>(query: Doc = {}, opts: FindOptions = {}) => {
        const coll = store.collection(name);
        return (coll ? coll.find(query, opts).map(clone) : []) as T[];
      },
      findOne: async <T = Doc>(query: Doc = {}) => {
        const hit = store.collection(name)?.find(query, { limit: 1 })[0];
        return (hit ? clone(hit) : null) as T | null;
      },
      count: async (query: Doc = {}) => store.collection(name)?.count(query) ?? 0,
      clear: () => store.commit([{ o: 'drop', c: name }]),
    };
  }

  collectionNames(): string[] {
    return this.store.names();
  }

  /** Empty every collection (durably); collections and indexes stay. */
  async clear(): Promise<void> {
    const names = this.store.names();
    if (names.length > 0) await this.store.commit(names.map((c) => ({ o: 'drop' as const, c })));
  }

  async close(): Promise<void> {
    this.transactions.close();
    await this.log.close();
  }
}
