/**
 * The data-access seam over the wx-server-sdk database. Handlers read through `Store` and write only
 * through `store.write(fn)`, which runs `fn` in one CloudBase transaction together with the audit
 * entries it records — so an action either writes everything (including its audit trail) or nothing.
 *
 * CloudBase transactions allow single-document operations only (doc(id).get/set/update/remove, add with
 * an _id): uniqueness therefore comes from deterministic document ids, never from count-then-insert.
 */

import { randomBytes } from 'node:crypto';
import type { ErrorCode } from '../typings/errors';
import {
  type AuditAnchor,
  type AuditCheckpoint,
  type AuditEntry,
  type AuditFields,
  digestOf,
  GENESIS_HASH,
  type Seals,
  sealEntry,
  shardChainOf,
  signCheckpoint,
} from './domain/audit/chain';
import { DomainError } from './domain/errors';

// The SDK's own typings are loose; this is the part of its surface we use.
// biome-ignore lint/suspicious/noExplicitAny: wx-server-sdk exposes untyped database objects
type Sdk = any;

export type Doc = { _id: string };

/** How a query sorts and which fields it returns. */
export interface QueryOptions {
  orderBy?: [string, 'asc' | 'desc'][];
  field?: Record<string, boolean>;
}

/** One page of a list, as every list action returns it. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** A new document id: a prefix naming the kind of record and 64 random bits (`v_…`, `n_…`, `tp_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

/** The page with its rows mapped (to views). */
export function mapPage<T, U>(p: Page<T>, f: (row: T) => U): Page<U> {
  return { ...p, items: p.items.map(f) };
}

/** An empty page: nothing to look in. */
export function emptyPage<T>(page: number, pageSize: number): Page<T> {
  return { items: [], page, pageSize, hasMore: false };
}

/** The most rows one cloud-function query may return. */
export const QUERY_LIMIT = 1000;

/** What a missing document is called: the error code and, when the code's own text is too general, a message. */
export type Missing = ErrorCode | [ErrorCode, string];

function missing(what: Missing): DomainError {
  return Array.isArray(what) ? new DomainError(what[0], what[1]) : new DomainError(what);
}

/**
 * Runs a write whose insert under a derived id may exist once only: the database refuses the second insert
 * (CONFLICT), which becomes the action's own error `code` (ALREADY_CHECKED_IN, WRITTEN_OPINION_EXISTS, …).
 */
export async function existsOnce<R>(code: ErrorCode, write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (err) {
    const e = translateDbError(err);
    if (e instanceof DomainError && e.code === 'CONFLICT') throw new DomainError(code);
    throw e;
  }
}

export const AUDIT = 'audit';
export const META = 'meta';
export const AUDIT_HEAD_ID = 'audit_head';

/**
 * The trail is several hash chains anchored into one. CloudBase's transactions are optimistic, and a single chain head
 * touched by every audited write made concurrent writes across the school conflict and retry until they answered
 * BUSY (measured: `npm run bench -- audit --conflicts`, docs/capacity.md). So:
 *  - the school chain (0: head `meta/audit_head`, entries `a<seq>`) takes the writes that seal records that matter
 *    (votes, counts, boxes, decisions, 公示 archives) or write an anchor onto one — rare, an office's steps — so every
 *    seal stays in one order and anchors keep naming a place in it;
 *  - every other audited write appends to one of AUDIT_CHAINS shard chains (head `meta/audit_head_<k>`, entries
 *    `a<k>_<seq>`), chosen by the record it changes first: writes to different records rarely share a head;
 *  - the shard chains are anchored into the school chain: an anchor entry there records every shard chain's head
 *    (after an anchored write and after each verification), and the signed checkpoint in cloud storage holds the
 *    school chain's head. Editing, removing or reordering an entry breaks its chain's links; cutting a chain's end
 *    shows against its head, the anchors and the checkpoint.
 */
export const AUDIT_CHAINS = 64;

export interface AuditHead {
  seq: number;
  hash: string;
  /** On the school chain's head: digest of the shard heads its last anchor entry recorded. */
  anchored?: string;
}

/** The head document of a chain (0: the school chain). */
export function auditHeadId(chain: number): string {
  return chain === 0 ? AUDIT_HEAD_ID : `${AUDIT_HEAD_ID}_${String(chain).padStart(2, '0')}`;
}

/**
 * The records that matter, sealed into the trail whenever a transaction writes them whole (insert/put): votes,
 * sealed counts, decisions and 公示 archives. Ballot boxes change without entries while a vote is open (casting is
 * not on the trail), so the close seals them explicitly (`tx.seal`).
 */
export const SEALED_COLLECTIONS: ReadonlySet<string> = new Set([
  'votes',
  'vote_results',
  'vote_decisions',
  'notice_archives',
  'notice_archive_revisions',
]);

/**
 * The key of the audit chain. It lives in the functions' environment (LINGYAN_AUDIT_SECRET), never in the database,
 * so whoever can edit the database cannot recompute the chain. Without it nothing audited is written (fail closed).
 */
export function auditKey(): string {
  const secret = process.env.LINGYAN_AUDIT_SECRET;
  if (!secret || secret.length < 16) throw new Error('LINGYAN_AUDIT_SECRET is not set (at least 16 characters)');
  return secret;
}

/** Where the signed head is kept outside the database (cloud storage in production and in the emulator). */
export interface CheckpointStore {
  read(): Promise<AuditCheckpoint | null>;
  write(checkpoint: AuditCheckpoint): Promise<void>;
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
  /** "collection/id" → digest of the document as this transaction leaves it (null: patched, not checkable). */
  readonly seals = new Map<string, string | null>();
  /** The heads of the chains this transaction read, as it found them (read once: the audit append reuses them). */
  readonly heads = new Map<number, AuditHead | null>();
  /** An anchor was taken: refresh the checkpoint outside the database after the commit. */
  wantsCheckpoint = false;
  /** The head after this transaction's entries (set by the audit append). */
  newHead: AuditHead | null = null;
  constructor(private readonly t: Sdk) {}

  /** A chain's head inside this transaction (one read, shared with the audit append); 0: the school chain. */
  async auditHead(chain = 0): Promise<AuditHead> {
    if (!this.heads.has(chain)) {
      const doc = (await this.t.collection(META).doc(auditHeadId(chain)).get()).data as (AuditHead & Doc) | null;
      this.heads.set(chain, doc ?? null);
    }
    const head = this.heads.get(chain);
    return { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
  }

  /**
   * The entry number and head at this moment, to be written on a resolution sheet or 公示 archive: a copy of the
   * trail's position kept with the record. The school chain's: this transaction's entries go there. The checkpoint
   * in cloud storage is refreshed after the commit.
   */
  async auditAnchor(): Promise<AuditAnchor> {
    this.wantsCheckpoint = true;
    return this.auditHead(0);
  }

  /** Seals a record's current state into this transaction's audit entry (it must be the whole stored document). */
  seal(collection: string, doc: Doc): void {
    this.seals.set(`${collection}/${doc._id}`, digestOf(doc));
  }

  async get<T extends { _id: string }>(collection: string, id: string): Promise<T | null> {
    const res = await this.t.collection(collection).doc(id).get();
    return (res.data as T | null) ?? null;
  }

  /** The document, or the error `absent` names (inside the transaction). */
  async require<T extends { _id: string }>(collection: string, id: string, absent: Missing): Promise<T> {
    const doc = await this.get<T>(collection, id);
    if (!doc) throw missing(absent);
    return doc;
  }

  /** Inserts a document with a chosen id; fails with CONFLICT if that id exists (the database enforces it). */
  async insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    await this.t.collection(collection).add({ data: doc });
    if (SEALED_COLLECTIONS.has(collection)) this.seal(collection, doc);
  }

  /** Inserts a new document (`insert`) and records its creation on the audit trail as `action`. */
  async create<T extends Doc>(action: string, collection: string, doc: T): Promise<void> {
    await this.insert(collection, doc);
    this.audit(action, `${collection}/${doc._id}`, null, doc);
  }

  /** Replaces (or creates) the whole document. */
  async put<T extends Doc>(collection: string, doc: T): Promise<void> {
    const { _id, ...data } = doc;
    await this.t.collection(collection).doc(_id).set({ data });
    if (SEALED_COLLECTIONS.has(collection)) this.seal(collection, doc);
  }

  /** Applies a partial update (may contain SDK update commands such as `_.inc`). */
  async patch(collection: string, id: string, data: Record<string, unknown>): Promise<void> {
    await this.t.collection(collection).doc(id).update({ data });
    // The new state is not known without reading it back: the seal says "changed, not checkable" until rewritten.
    if (SEALED_COLLECTIONS.has(collection)) this.seals.set(`${collection}/${id}`, null);
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
  /** `checkpoints`: where the signed head is kept outside the database (absent: no checkpoints). */
  constructor(
    readonly db: Sdk,
    readonly checkpoints: CheckpointStore | null = null,
  ) {
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

  /** The document, or the error `absent` names (NOT_FOUND with a message, UNIT_NOT_FOUND, …). */
  async require<T extends { _id: string }>(collection: string, id: string, absent: Missing): Promise<T> {
    const doc = await this.get<T>(collection, id);
    if (!doc) throw missing(absent);
    return doc;
  }

  /** Page `page` (from 1) of a query: one row more than the page is read to know whether there is more. */
  async page<T extends { _id: string }>(
    collection: string,
    where: Record<string, unknown>,
    opts: QueryOptions & { page: number; pageSize: number },
  ): Promise<Page<T>> {
    const { page, pageSize, ...query } = opts;
    const rows = await this.find<T>(collection, where, { ...query, skip: (page - 1) * pageSize, limit: pageSize + 1 });
    return { items: rows.slice(0, pageSize), page, pageSize, hasMore: rows.length > pageSize };
  }

  /** Documents by id, any number of ids (100 to a query, the most an `in` list takes); missing ones are absent. */
  async byIds<T extends { _id: string }>(collection: string, ids: readonly string[]): Promise<Map<string, T>> {
    const unique = [...new Set(ids)];
    const out = new Map<string, T>();
    for (let i = 0; i < unique.length; i += 100) {
      const rows = await this.find<T>(collection, { _id: this.command.in(unique.slice(i, i + 100)) }, { limit: 100 });
      for (const r of rows) out.set(r._id, r);
    }
    return out;
  }

  /**
   * Every document matching `where`, read in batches of the query limit (ordered by id unless told) until a short
   * one. For sets known to be bounded: a unit's people, a vote's ballots, a notice's objections, a school's units.
   */
  async all<T extends { _id: string }>(
    collection: string,
    where: Record<string, unknown>,
    opts: QueryOptions & { batch?: number } = {},
  ): Promise<T[]> {
    const { batch = QUERY_LIMIT, orderBy = [['_id', 'asc']], field } = opts;
    const out: T[] = [];
    for (let skip = 0; ; skip += batch) {
      const rows = await this.find<T>(collection, where, { orderBy, field, skip, limit: batch });
      out.push(...rows);
      if (rows.length < batch) return out;
    }
  }

  /**
   * Runs `fn` in one transaction and appends its audit entries to the hash chain in the same transaction.
   * Each chain's head is a single document, so concurrent writers of one chain serialise on it: no chain forks.
   */
  async write<R>(opts: WriteOptions, fn: (tx: Tx) => Promise<R>): Promise<R> {
    // CloudBase transactions are optimistic: writers of one document (a chain head, a counter, a ballot box) collide.
    // A conflicting attempt is retried here, after a random, growing pause taken outside any transaction (the SDK's
    // own retries are immediate, and in the emulator's serial mode a pause inside would hold the lock).
    for (let attempt = 0; ; attempt++) {
      try {
        let last: Tx | null = null;
        const result = await this.db.runTransaction(async (t: Sdk) => {
          const tx = new Tx(t);
          last = tx;
          const out = await fn(tx);
          if (tx.pending.length > 0 || tx.seals.size > 0) await appendAudit(tx, t, opts);
          return out;
        }, 0);
        const done = last as Tx | null;
        if (done?.wantsCheckpoint && done.newHead) await this.refreshCheckpoint(opts.at);
        return result;
      } catch (err) {
        if (!isTransactionConflict(err) || attempt >= CONFLICT_RETRIES) throw translateDbError(err);
        await sleep(Math.random() * CONFLICT_BACKOFF_MS * (attempt + 1));
      }
    }
  }

  /**
   * Anchors the shard chains into the school chain (an entry recording every shard head, when any moved since the
   * last anchor) and moves the checkpoint in cloud storage to the school chain's head — after checking that the
   * trail still holds the entry the current checkpoint names (so a trail cut short and grown again never overwrites
   * the evidence). Never fails the caller: the change is committed already; a checkpoint not refreshed is only a
   * weaker check until the next one. Cost: one storage download, one entry read, one read of the heads, the anchor
   * transaction when heads moved (4 requests), one upload.
   */
  async refreshCheckpoint(at: string): Promise<AuditCheckpoint | null> {
    if (!this.checkpoints) return null;
    try {
      const key = auditKey();
      const current = await this.checkpoints.read();
      if (current && current.seq > 0) {
        const entry = await this.get<AuditEntry & Doc>(AUDIT, auditId(current.seq));
        if (entry?.hash !== current.hash) {
          console.error(`[lingyan] audit checkpoint #${current.seq} no longer matches the trail; kept as evidence`);
          return null;
        }
      }
      const head = await this.anchorShardChains(at, key);
      if (current && current.seq >= head.seq) return current.seq === head.seq ? current : null; // newer one exists
      const next = signCheckpoint(head, at, key);
      await this.checkpoints.write(next);
      return next;
    } catch (err) {
      console.error('[lingyan] audit checkpoint not refreshed', err);
      return null;
    }
  }

  /** The head of every chain now (0: the school chain), in one query. */
  async auditHeads(): Promise<Map<number, AuditHead>> {
    const ids = Array.from({ length: AUDIT_CHAINS + 1 }, (_, k) => auditHeadId(k));
    const docs = await this.byIds<AuditHead & Doc>(META, ids);
    const out = new Map<number, AuditHead>();
    for (let k = 0; k <= AUDIT_CHAINS; k++) {
      const d = docs.get(auditHeadId(k));
      if (d) out.set(k, { seq: d.seq, hash: d.hash, ...(d.anchored ? { anchored: d.anchored } : {}) });
    }
    return out;
  }

  /**
   * Appends to the school chain an anchor entry holding every shard chain's head, unless none moved since the last
   * one; returns the school chain's head. Its own transaction touches only the school chain's head, so it never
   * conflicts with the writes it anchors.
   */
  private async anchorShardChains(at: string, key: string): Promise<AuditAnchor> {
    for (let attempt = 0; ; attempt++) {
      const all = await this.auditHeads();
      const heads: Record<string, AuditAnchor> = {};
      for (const [k, h] of all) if (k > 0) heads[String(k)] = { seq: h.seq, hash: h.hash };
      const digest = digestOf(heads)!;
      const root = all.get(0);
      if (Object.keys(heads).length === 0 || root?.anchored === digest) {
        return { seq: root?.seq ?? 0, hash: root?.hash ?? GENESIS_HASH };
      }
      try {
        return await this.db.runTransaction(async (t: Sdk) => {
          const r = ((await t.collection(META).doc(AUDIT_HEAD_ID).get()).data as AuditHead | null) ?? null;
          const seq = (r?.seq ?? 0) + 1;
          const entry = sealEntry(
            {
              seq,
              at,
              actorId: null,
              action: 'audit.anchor',
              target: `${META}/audit_heads`,
              before: null,
              after: digest,
              prevHash: r?.hash ?? GENESIS_HASH,
              heads,
            },
            key,
          );
          await t.collection(AUDIT).add({ data: { _id: auditId(seq), ...entry } });
          await t
            .collection(META)
            .doc(AUDIT_HEAD_ID)
            .set({ data: { seq, hash: entry.hash, anchored: digest } });
          return { seq, hash: entry.hash };
        }, 0);
      } catch (err) {
        if (!isTransactionConflict(err) || attempt >= CONFLICT_RETRIES) throw err;
        await sleep(Math.random() * CONFLICT_BACKOFF_MS * (attempt + 1));
      }
    }
  }
}

async function appendAudit(tx: Tx, t: Sdk, opts: WriteOptions): Promise<void> {
  const key = auditKey();
  // Seals and anchors keep to the school chain (one order for every record that matters); the rest spread out.
  const chain = tx.seals.size > 0 || tx.wantsCheckpoint ? 0 : shardChainOf(tx.pending[0]?.target ?? '', AUDIT_CHAINS);
  const head = await tx.auditHead(chain);
  let seq = head.seq;
  let prevHash = head.hash;
  // A transaction that only changed sealed records still leaves an entry, so the trail knows their new state.
  const pending =
    tx.pending.length > 0
      ? tx.pending
      : [{ action: 'audit.seal', target: [...tx.seals.keys()][0], before: null, after: null }];
  const seals: Seals | undefined =
    tx.seals.size > 0 ? Object.fromEntries([...tx.seals].sort(([a], [b]) => (a < b ? -1 : 1))) : undefined;
  for (const [i, p] of pending.entries()) {
    seq += 1;
    const fields: AuditFields = {
      ...(chain ? { chain } : {}),
      seq,
      at: opts.at,
      actorId: opts.actorId,
      action: p.action,
      target: p.target,
      before: digestOf(p.before),
      after: digestOf(p.after),
      prevHash,
      ...(seals && i === pending.length - 1 ? { seals } : {}),
    };
    const entry: AuditEntry = sealEntry(fields, key);
    await t.collection(AUDIT).add({ data: { _id: auditId(seq, chain), ...entry } });
    prevHash = entry.hash;
  }
  // The school chain's head keeps what its last anchor recorded (no new anchor is needed until a shard head moves).
  const anchored = chain === 0 ? tx.heads.get(0)?.anchored : undefined;
  await t
    .collection(META)
    .doc(auditHeadId(chain))
    .set({ data: { seq, hash: prevHash, ...(anchored ? { anchored } : {}) } });
  tx.newHead = { seq, hash: prevHash };
}

/** The cloud storage object holding the signed head (`lingyan-audit/checkpoint.json`). */
export const CHECKPOINT_PATH = 'lingyan-audit/checkpoint.json';

/**
 * Checkpoints in cloud storage through wx-server-sdk. A database editor cannot reach the storage (its permission is
 * separate), and the checkpoint is signed with the audit key. The file is found by LINGYAN_AUDIT_CHECKPOINT_FILE
 * (its fileID, set in the function's environment once the first checkpoint exists) — never through the database.
 */
export function cloudCheckpoints(cloud: Sdk): CheckpointStore {
  return {
    async read() {
      const fileID = process.env.LINGYAN_AUDIT_CHECKPOINT_FILE;
      if (!fileID) return null;
      try {
        const res = await cloud.downloadFile({ fileID });
        return JSON.parse(Buffer.from(res.fileContent).toString('utf8')) as AuditCheckpoint;
      } catch (err) {
        // A missing file reads as "no checkpoint yet"; anything else (the storage unreachable) is an error.
        if (/not ?exist|NOT_EXIST|NoSuchKey/i.test(String((err as { errMsg?: string })?.errMsg ?? err))) return null;
        throw err;
      }
    },
    async write(checkpoint) {
      await cloud.uploadFile({ cloudPath: CHECKPOINT_PATH, fileContent: Buffer.from(JSON.stringify(checkpoint)) });
    },
  };
}

/** Audit entry ids sort by chain, then in sequence order (`a<seq>` on the school chain, `a<k>_<seq>` on shard k). */
export function auditId(seq: number, chain = 0): string {
  const n = String(seq).padStart(12, '0');
  return chain === 0 ? `a${n}` : `a${String(chain).padStart(2, '0')}_${n}`;
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
