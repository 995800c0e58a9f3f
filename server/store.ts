/**
 * The data-access seam over the wx-server-sdk database. Handlers read through `Store` and write only
 * through `store.write(fn)`, which runs `fn` in one CloudBase transaction together with the audit
 * entries it records — so an action either writes everything (including its audit trail) or nothing.
 *
 * CloudBase transactions allow single-document operations only (doc(id).get/set/update/remove, add with
 * an _id): uniqueness therefore comes from deterministic document ids, never from count-then-insert.
 */
import { type AuditEntry, type AuditFields, digestOf, GENESIS_HASH, sealEntry } from './domain/audit/chain';
import { DomainError } from './domain/errors';

// The SDK's own typings are loose; this is the part of its surface we use.
// biome-ignore lint/suspicious/noExplicitAny: wx-server-sdk exposes untyped database objects
type Sdk = any;

export type Doc = { _id: string };

export const AUDIT = 'audit';
export const META = 'meta';
export const AUDIT_HEAD_ID = 'audit_head';

export interface AuditHead {
  seq: number;
  hash: string;
}

interface PendingAudit {
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** Writes inside one transaction. Reads here see the transaction's own writes. */
export class Tx {
  readonly pending: PendingAudit[] = [];
  constructor(private readonly t: Sdk) {}

  async get<T extends { _id: string }>(collection: string, id: string): Promise<T | null> {
    const res = await this.t.collection(collection).doc(id).get();
    return (res.data as T | null) ?? null;
  }

  /** Inserts a document with a chosen id; fails with CONFLICT if that id exists (the database enforces it). */
  async insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    await this.t.collection(collection).add({ data: doc });
  }

  /** Replaces (or creates) the whole document. */
  async put<T extends Doc>(collection: string, doc: T): Promise<void> {
    const { _id, ...data } = doc;
    await this.t.collection(collection).doc(_id).set({ data });
  }

  /** Applies a partial update (may contain SDK update commands such as `_.inc`). */
  async patch(collection: string, id: string, data: Record<string, unknown>): Promise<void> {
    await this.t.collection(collection).doc(id).update({ data });
  }

  /** Records a state change for the audit trail; written in the same transaction at the end. */
  audit(action: string, target: string, before: unknown, after: unknown): void {
    this.pending.push({ action, target, before, after });
  }
}

export interface WriteOptions {
  actorId: string | null;
  /** ISO instant (+08:00) stamped on the audit entries. */
  at: string;
}

export class Store {
  readonly command: Sdk;
  /** Database round trips started by this Store (for tests and the emulator's accounting). */
  constructor(readonly db: Sdk) {
    this.command = db.command;
  }

  collection(name: string): Sdk {
    return this.db.collection(name);
  }

  async get<T extends { _id: string }>(collection: string, id: string): Promise<T | null> {
    const res = await this.db.collection(collection).doc(id).get();
    return (res.data as T | null) ?? null;
  }

  async find<T extends { _id: string }>(
    collection: string,
    where: Record<string, unknown>,
    opts: { orderBy?: [string, 'asc' | 'desc'][]; skip?: number; limit?: number; field?: Record<string, boolean> } = {},
  ): Promise<T[]> {
    let q = this.db.collection(collection).where(where);
    for (const [f, dir] of opts.orderBy ?? []) q = q.orderBy(f, dir);
    if (opts.field) q = q.field(opts.field);
    if (opts.skip) q = q.skip(opts.skip);
    q = q.limit(opts.limit ?? 100);
    const res = await q.get();
    return res.data as T[];
  }

  /**
   * Runs `fn` in one transaction and appends its audit entries to the hash chain in the same transaction.
   * The chain head is a single document, so concurrent writers serialise on it: the chain has no forks.
   */
  async write<R>(opts: WriteOptions, fn: (tx: Tx) => Promise<R>): Promise<R> {
    // CloudBase transactions are optimistic and every audited write touches the chain head, so a meeting's
    // check-ins collide. A conflicting attempt is retried here, after a random, growing pause taken outside any
    // transaction (the SDK's own retries are immediate, and in the emulator a pause inside would hold the lock).
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.runTransaction(async (t: Sdk) => {
          const tx = new Tx(t);
          const result = await fn(tx);
          if (tx.pending.length > 0) await appendAudit(tx, t, opts);
          return result;
        }, 0);
      } catch (err) {
        if (!isTransactionConflict(err) || attempt >= CONFLICT_RETRIES) throw translateDbError(err);
        await sleep(Math.random() * CONFLICT_BACKOFF_MS * (attempt + 1));
      }
    }
  }
}

async function appendAudit(tx: Tx, t: Sdk, opts: WriteOptions): Promise<void> {
  const headDoc = (await t.collection(META).doc(AUDIT_HEAD_ID).get()).data as (AuditHead & Doc) | null;
  let seq = headDoc?.seq ?? 0;
  let prevHash = headDoc?.hash ?? GENESIS_HASH;
  for (const p of tx.pending) {
    seq += 1;
    const fields: AuditFields = {
      seq,
      at: opts.at,
      actorId: opts.actorId,
      action: p.action,
      target: p.target,
      before: digestOf(p.before),
      after: digestOf(p.after),
      prevHash,
    };
    const entry: AuditEntry = sealEntry(fields);
    await t.collection(AUDIT).add({ data: { _id: auditId(seq), ...entry } });
    prevHash = entry.hash;
  }
  await t
    .collection(META)
    .doc(AUDIT_HEAD_ID)
    .set({ data: { seq, hash: prevHash } });
}

/** Audit entry ids sort in sequence order. */
export function auditId(seq: number): string {
  return `a${String(seq).padStart(12, '0')}`;
}

/**
 * Retries of a transaction that conflicted (Store.write). With the random growing backoff this spreads 200
 * simultaneous check-ins over about two seconds before anyone sees BUSY.
 */
const CONFLICT_RETRIES = 8;
const CONFLICT_BACKOFF_MS = 40;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The commit lost to another writer of a document it read or wrote (DATABASE_TRANSACTION_CONFLICT). */
function isTransactionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return /TRANSACTION_CONFLICT/.test(String(e?.code ?? '')) || /TRANSACTION_CONFLICT/.test(String(e?.message ?? err));
}

/**
 * Maps database failures that users can act on to domain errors: a duplicate id or unique key (CONFLICT), and a
 * transaction that kept conflicting with others after every retry (BUSY: nothing was written, try again).
 */
export function translateDbError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  const text = String((err as { errCode?: unknown; code?: unknown; message?: unknown })?.message ?? err);
  const code = String((err as { code?: unknown })?.code ?? '');
  if (isTransactionConflict(err)) return new DomainError('BUSY');
  if (/DUPLICATE|duplicate key|E11000/i.test(text) || /DUPLICATE/i.test(code)) {
    return new DomainError('CONFLICT');
  }
  return err;
}
