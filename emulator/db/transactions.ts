/**
 * Transactions, in one of two modes.
 *
 * 'serial' (the default): one transaction holds the lock at a time and `startTransaction` requests queue for it.
 * Every transaction gets a clean run, so nothing ever conflicts: fast, deterministic tests.
 *
 * 'optimistic' (LINGYAN_EMULATOR_CONFLICTS=1, or `transactions: 'optimistic'`): transactions run concurrently, as
 * CloudBase's do (it runs on MongoDB's snapshot transactions). At commit, if another writer committed a change to
 * any document this transaction read or wrote since it started, the commit fails with
 * DATABASE_TRANSACTION_CONFLICT and nothing is written — the first committer wins, and the SDK's runTransaction
 * (or the caller) retries. This is slightly stricter than MongoDB, which conflicts on written documents only; in
 * this code base every transaction that reads a hot document (a chain head, a counter, a ballot box) also writes it,
 * so the counts are the same. Committed and conflicted commits are counted (`stats`) for the benchmarks.
 *
 * Isolation, in both modes:
 *  - a transaction's writes are buffered in an overlay (collection → id → document | deleted); its own reads see
 *    the overlay first, everyone else sees only committed state;
 *  - non-transactional writes are not blocked, so every document a transaction reads or writes is recorded with the
 *    version it had; at commit, if any of them changed outside the transaction, the commit fails with
 *    DATABASE_TRANSACTION_CONFLICT (which `runTransaction` retries) and nothing is written;
 *  - commit applies all buffered writes as ONE store batch (one log line): all or nothing, including unique-index
 *    violations, which abort the transaction with DATABASE_DUPLICATE_WRITE.
 *
 * A transaction whose client goes away would hold the lock forever, so each one is aborted `timeoutMs` after it got
 * the lock (CloudBase's own limit is 30 s); later calls with its id get DATABASE_TRANSACTION_FAIL.
 */
import { randomBytes } from 'node:crypto';
import { clone, type Doc } from './ejson';
import { DbError, ErrorCode, transactionNotExist } from './errors';
import type { LogBatch } from './persistence';
import { idKey, type Store } from './store';

type Outcome = 'committed' | 'aborted' | 'timed out' | 'failed';

export class Transaction {
  /** collection → idKey → buffered document (null = deleted in this transaction). */
  private readonly overlay = new Map<string, Map<string, { id: unknown; doc: Doc | null }>>();
  /** collection → idKey → version when first touched. */
  private readonly versions = new Map<string, Map<string, number>>();
  /** Order of first write per document, so commit replays writes in the order they were made. */
  private readonly writeOrder: Array<{ coll: string; key: string }> = [];
  timer: NodeJS.Timeout | undefined;

  /** `startClock`: the store clock when the transaction started (optimistic mode: later writes conflict). */
  constructor(
    readonly id: string,
    private readonly store: Store,
    readonly startClock: number | null = null,
  ) {}

  private remember(coll: string, id: unknown): void {
    let m = this.versions.get(coll);
    if (!m) {
      m = new Map();
      this.versions.set(coll, m);
    }
    const key = idKey(id);
    if (m.has(key)) return;
    const ver = this.store.collection(coll)?.version(id) ?? 0;
    // Optimistic mode: a document another writer committed since this transaction started is not in its snapshot.
    // MongoDB (under CloudBase) refuses such a write at once (WriteConflict) rather than at commit; a read would see
    // the old version and fail at commit. Either way the transaction is lost, so it is refused here, where it costs
    // the least, and an insert of an id somebody else just took conflicts instead of reading as a duplicate.
    if (this.startClock !== null && ver > this.startClock) throw conflict(this.id, coll, key);
    m.set(key, ver);
  }

  /** The document as this transaction sees it (a private copy), or null. */
  get(coll: string, id: unknown): Doc | null {
    this.remember(coll, id);
    const buffered = this.overlay.get(coll)?.get(idKey(id));
    if (buffered) return buffered.doc ? clone(buffered.doc) : null;
    const doc = this.store.collection(coll)?.get(id);
    return doc ? clone(doc) : null;
  }

  put(coll: string, doc: Doc): void {
    this.write(coll, doc._id, doc);
  }

  delete(coll: string, id: unknown): void {
    this.write(coll, id, null);
  }

  private write(coll: string, id: unknown, doc: Doc | null): void {
    this.remember(coll, id);
    let m = this.overlay.get(coll);
    if (!m) {
      m = new Map();
      this.overlay.set(coll, m);
    }
    const key = idKey(id);
    if (!m.has(key)) this.writeOrder.push({ coll, key });
    m.set(key, { id, doc });
  }

  /** Throws DATABASE_TRANSACTION_CONFLICT if something this transaction touched changed outside it. */
  validate(): void {
    for (const [coll, versions] of this.versions) {
      const state = this.store.collection(coll);
      for (const [key, ver] of versions) {
        const now = state?.docs.get(key)?.ver ?? 0;
        if (now !== ver || (this.startClock !== null && now > this.startClock)) throw conflict(this.id, coll, key);
      }
    }
  }

  batch(): LogBatch {
    const out: LogBatch = [];
    for (const { coll, key } of this.writeOrder) {
      const entry = this.overlay.get(coll)?.get(key);
      if (!entry) continue;
      if (entry.doc) out.push({ o: 'put', c: coll, d: entry.doc });
      else if (this.store.collection(coll)?.get(entry.id)) out.push({ o: 'del', c: coll, i: entry.id });
    }
    return out;
  }
}

/**
 * The conflict reply. Its message names the code too: a failed operation inside a transaction reaches the caller
 * through wx-server-sdk as an errMsg that keeps the message but not the code (the commit keeps the code).
 */
function conflict(txId: string, coll: string, key: string): DbError {
  return new DbError(
    ErrorCode.TransactionConflict,
    `DATABASE_TRANSACTION_CONFLICT: transaction ${txId}: document ${key} in ${coll} was modified by another writer since the transaction started; retry`,
  );
}

interface Waiter {
  grant: (tx: Transaction) => void;
  cancelled: () => boolean;
}

export type TransactionMode = 'serial' | 'optimistic';

/** What the optimistic mode counted since the database opened (or the last `resetStats`). */
export interface TransactionStats {
  started: number;
  committed: number;
  /**
   * Transactions refused with DATABASE_TRANSACTION_CONFLICT, at commit or at an operation on a document written since
   * they started (each one is a retry or, at the end, a BUSY answer).
   */
  conflicts: number;
}

/** The mode LINGYAN_EMULATOR_CONFLICTS asks for ('1'/'true'/'on': optimistic). */
export function transactionModeFromEnv(env: NodeJS.ProcessEnv = process.env): TransactionMode {
  return /^(1|true|on|yes)$/i.test(env.LINGYAN_EMULATOR_CONFLICTS ?? '') ? 'optimistic' : 'serial';
}

export class TransactionManager {
  /** Live transactions: at most one in serial mode. */
  private readonly live = new Map<string, Transaction>();
  private readonly queue: Waiter[] = [];
  /** Outcomes of finished transactions, so late calls get a precise error (bounded). */
  private readonly finished = new Map<string, Outcome>();
  readonly stats: TransactionStats = { started: 0, committed: 0, conflicts: 0 };

  constructor(
    private readonly store: Store,
    private readonly timeoutMs: number,
    readonly mode: TransactionMode = 'serial',
  ) {}

  resetStats(): void {
    this.stats.started = 0;
    this.stats.committed = 0;
    this.stats.conflicts = 0;
  }

  /**
   * Resolves with a new transaction once it may run (serial: once it holds the lock; optimistic: at once).
   * `cancelled` lets a queued request whose HTTP client has gone away give up its place instead of being granted
   * a lock nobody will release.
   */
  start(cancelled: () => boolean = () => false): Promise<Transaction> {
    return new Promise((grant) => {
      this.queue.push({ grant, cancelled });
      this.next();
    });
  }

  private next(): void {
    while ((this.mode === 'optimistic' || this.live.size === 0) && this.queue.length > 0) {
      const w = this.queue.shift()!;
      if (w.cancelled()) continue;
      const tx = new Transaction(
        `tx_${randomBytes(12).toString('hex')}`,
        this.store,
        this.mode === 'optimistic' ? this.store.clockNow : null,
      );
      tx.timer = setTimeout(() => this.finish(tx, 'timed out'), this.timeoutMs);
      tx.timer.unref();
      this.live.set(tx.id, tx);
      this.stats.started++;
      w.grant(tx);
    }
  }

  /** The live transaction with this id, or the reason it is not live. */
  get(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.live.get(id) : undefined;
    if (tx) return tx;
    const outcome = typeof id === 'string' ? this.finished.get(id) : undefined;
    throw transactionNotExist(String(id), outcome ? `it was ${outcome}` : 'unknown transaction id');
  }

  /**
   * Commit: validate, apply as one batch, release the lock, then wait for durability.
   * Any failure aborts the transaction (nothing written) and is rethrown.
   */
  async commit(id: unknown): Promise<void> {
    const tx = this.get(id);
    let durable: Promise<void>;
    try {
      tx.validate();
      durable = this.store.commit(tx.batch());
    } catch (e) {
      if (e instanceof DbError && e.code === ErrorCode.TransactionConflict) this.stats.conflicts++;
      this.finish(tx, 'failed');
      throw e;
    }
    this.stats.committed++;
    this.finish(tx, 'committed');
    await durable;
  }

  /** Abort; aborting an already-finished transaction is accepted (runTransaction rolls back after failures). */
  abort(id: unknown): void {
    const tx = typeof id === 'string' ? this.live.get(id) : undefined;
    if (tx) {
      this.finish(tx, 'aborted');
      return;
    }
    if (typeof id === 'string' && this.finished.has(id)) return;
    throw transactionNotExist(String(id), 'unknown transaction id');
  }

  /** Abort the live transaction after a failed operation inside it (the way MongoDB aborts on a write error). */
  fail(tx: Transaction, error?: unknown): void {
    if (this.live.get(tx.id) !== tx) return;
    if (error instanceof DbError && error.code === ErrorCode.TransactionConflict) this.stats.conflicts++;
    this.finish(tx, 'failed');
  }

  private finish(tx: Transaction, outcome: Outcome): void {
    if (this.live.get(tx.id) !== tx) return;
    clearTimeout(tx.timer);
    this.live.delete(tx.id);
    this.finished.set(tx.id, outcome);
    if (this.finished.size > 1000) this.finished.delete(this.finished.keys().next().value as string);
    this.next();
  }

  /** Abort everything (server shutdown). */
  close(): void {
    for (const tx of [...this.live.values()]) this.finish(tx, 'aborted');
    this.queue.length = 0;
  }
}
