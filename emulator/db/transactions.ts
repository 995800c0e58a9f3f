/**
 * Transactions, serialised: one transaction holds the lock at a time and `startTransaction` requests queue for it.
 * CloudBase apps here revolve around a hot audit-head document, where optimistic transactions would mostly
 * conflict and retry; a queue gives every transaction a clean run instead.
 *
 * Isolation:
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

  constructor(
    readonly id: string,
    private readonly store: Store,
  ) {}

  private remember(coll: string, id: unknown): void {
    let m = this.versions.get(coll);
    if (!m) {
      m = new Map();
      this.versions.set(coll, m);
    }
    const key = idKey(id);
    if (!m.has(key)) m.set(key, this.store.collection(coll)?.version(id) ?? 0);
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
        if ((state?.docs.get(key)?.ver ?? 0) !== ver) {
          throw new DbError(
            ErrorCode.TransactionConflict,
            `transaction ${this.id}: document ${key} in ${coll} was modified outside the transaction; retry`,
          );
        }
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

interface Waiter {
  grant: (tx: Transaction) => void;
  cancelled: () => boolean;
}

export class TransactionManager {
  private active: Transaction | undefined;
  private readonly queue: Waiter[] = [];
  /** Outcomes of finished transactions, so late calls get a precise error (bounded). */
  private readonly finished = new Map<string, Outcome>();

  constructor(
    private readonly store: Store,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Resolves with a new transaction once it holds the lock. `cancelled` lets a queued request whose HTTP client
   * has gone away give up its place instead of being granted a lock nobody will release.
   */
  start(cancelled: () => boolean = () => false): Promise<Transaction> {
    return new Promise((grant) => {
      this.queue.push({ grant, cancelled });
      this.next();
    });
  }

  private next(): void {
    while (!this.active && this.queue.length > 0) {
      const w = this.queue.shift()!;
      if (w.cancelled()) continue;
      const tx = new Transaction(`tx_${randomBytes(12).toString('hex')}`, this.store);
      tx.timer = setTimeout(() => this.finish(tx, 'timed out'), this.timeoutMs);
      tx.timer.unref();
      this.active = tx;
      w.grant(tx);
    }
  }

  /** The live transaction with this id, or the reason it is not live. */
  get(id: unknown): Transaction {
    const tx = this.active;
    if (tx && tx.id === id) return tx;
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
      this.finish(tx, 'failed');
      throw e;
    }
    this.finish(tx, 'committed');
    await durable;
  }

  /** Abort; aborting an already-finished transaction is accepted (runTransaction rolls back after failures). */
  abort(id: unknown): void {
    const tx = this.active;
    if (tx && tx.id === id) {
      this.finish(tx, 'aborted');
      return;
    }
    if (typeof id === 'string' && this.finished.has(id)) return;
    throw transactionNotExist(String(id), 'unknown transaction id');
  }

  /** Abort the live transaction after a failed operation inside it (the way MongoDB aborts on a write error). */
  fail(tx: Transaction): void {
    if (this.active === tx) this.finish(tx, 'failed');
  }

  private finish(tx: Transaction, outcome: Outcome): void {
    if (this.active !== tx) return;
    clearTimeout(tx.timer);
    this.active = undefined;
    this.finished.set(tx.id, outcome);
    if (this.finished.size > 1000) this.finished.delete(this.finished.keys().next().value as string);
    this.next();
  }

  /** Abort everything (server shutdown). */
  close(): void {
    if (this.active) this.finish(this.active, 'aborted');
    this.queue.length = 0;
  }
}
