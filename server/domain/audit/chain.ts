/**
 * The audit trail is a keyed hash chain: each entry carries the HMAC of the one before, computed with a secret that
 * lives in the functions' environment and never in the database. Editing or removing an entry breaks every link
 * after it, and someone who can edit the database but does not hold the key cannot recompute the links.
 *
 * What the chain alone cannot show — its own end removed, or the whole trail deleted — is caught against
 * checkpoints kept outside the database (a signed head in cloud storage, and the entry number and head written
 * on every resolution sheet and 公示 archive). What a record looks like now is compared with the digest the
 * trail sealed when it was written (`seals`), so a record edited behind the trail's back is named too.
 *
 * Pure functions: the key, the entries and the records are handed in; the store reads and writes them.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** A record's state as the trail sealed it: its digest, or null when it may change without an entry (patched). */
export type Seals = Record<string, string | null>;

export interface AuditFields {
  /**
   * The chain the entry belongs to: absent for the school chain (0), 1…AUDIT_CHAINS for the shard chains that
   * ordinary writes append to (see server/store.ts). Hashed, so an entry cannot be moved to another chain.
   */
  chain?: number;
  seq: number;
  /** ISO instant, +08:00. */
  at: string;
  actorId: string | null;
  action: string;
  /** "collection/id" of the record changed. */
  target: string;
  /** Digest of the record before and after the change (null when it did not exist). */
  before: string | null;
  after: string | null;
  prevHash: string;
  /**
   * "collection/id" → digest of the stored document as this entry's transaction left it, for the records that
   * matter (votes, results, ballot boxes, decisions, archives). Only on the last entry of a transaction.
   */
  seals?: Seals;
  /**
   * On an anchor entry of the school chain: the head of every shard chain at that moment ("chain number" → entry
   * number and hash), so a shard chain cut short or rewritten after it was anchored no longer matches.
   */
  heads?: Record<string, AuditAnchor>;
}

export interface AuditEntry extends AuditFields {
  hash: string;
}

/** Where the trail stood: entry number and its hash (0 and GENESIS_HASH before the first entry). */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** The head kept outside the database, signed so that whoever can write the storage cannot forge it either. */
export interface AuditCheckpoint extends AuditAnchor {
  at: string;
  mac: string;
}

/** JSON with object keys sorted at every depth, so a digest does not depend on key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function digestOf(record: unknown): string | null {
  return record === null || record === undefined ? null : sha256(canonicalJson(record));
}

/** Keyed hash of exactly the chained fields (a stored document also carries its _id, which is not part of the chain). */
export function entryHash(f: AuditFields, key: string): string {
  const { chain, seq, at, actorId, action, target, before, after, prevHash, seals, heads } = f;
  const fields = {
    ...(chain ? { chain } : {}),
    seq,
    at,
    actorId,
    action,
    target,
    before,
    after,
    prevHash,
    ...(seals ? { seals } : {}),
    ...(heads ? { heads } : {}),
  };
  return createHmac('sha256', key).update(canonicalJson(fields)).digest('hex');
}

export function sealEntry(fields: AuditFields, key: string): AuditEntry {
  return { ...fields, hash: entryHash(fields, key) };
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** Sequence number of the first entry whose hash, link or position is wrong. */
  firstBroken: number | null;
}

/**
 * Verifies a run of entries in sequence order that should continue from `prev` (the entry before
 * the run, or null at the start). Returns the first broken entry.
 */
export function verifyChain(entries: readonly AuditEntry[], prev: AuditAnchor | null, key: string): ChainCheck {
  let expectSeq = prev ? prev.seq + 1 : 1;
  let expectPrev = prev ? prev.hash : GENESIS_HASH;
  for (const e of entries) {
    if (e.seq !== expectSeq || e.prevHash !== expectPrev || !sameHex(entryHash(e, key), String(e.hash))) {
      return { ok: false, checked: e.seq - (prev ? prev.seq : 0), firstBroken: expectSeq };
    }
    expectSeq += 1;
    expectPrev = e.hash;
  }
  return { ok: true, checked: entries.length, firstBroken: null };
}

/**
 * The shard chain (1…`chains`) an ordinary write's entries go to: fixed by the record the write changes first, so one
 * record's history stays in order in one chain, and writes to different records spread over the chains instead of
 * queueing on one head.
 */
export function shardChainOf(target: string, chains: number): number {
  return 1 + (Number.parseInt(sha256(target).slice(0, 8), 16) % chains);
}

// ---------------------------------------------------------------------------------------------------------------
// Checkpoints and anchors

function checkpointText(c: AuditAnchor & { at: string }): string {
  return canonicalJson({ kind: 'lingyan-audit-checkpoint', seq: c.seq, hash: c.hash, at: c.at });
}

export function signCheckpoint(head: AuditAnchor, at: string, key: string): AuditCheckpoint {
  const c = { seq: head.seq, hash: head.hash, at };
  return { ...c, mac: createHmac('sha256', key).update(checkpointText(c)).digest('hex') };
}

export function checkpointSignatureValid(c: AuditCheckpoint, key: string): boolean {
  if (typeof c?.mac !== 'string' || typeof c.seq !== 'number' || typeof c.hash !== 'string') return false;
  return sameHex(createHmac('sha256', key).update(checkpointText(c)).digest('hex'), c.mac);
}

/** One thing verification found wrong, named for the administrator. */
export interface AuditProblem {
  kind: 'chain' | 'head' | 'checkpoint' | 'anchor' | 'record_changed' | 'record_deleted' | 'record_unsealed';
  /** The shard chain concerned (absent: the school chain). */
  chain?: number;
  /** The entry concerned, when there is one (its number in its chain). */
  seq?: number;
  /** "collection/id" of the record concerned. */
  target?: string;
  message: string;
}

/**
 * A head kept outside the database against the verified chain (`hashAt(seq)` gives an entry's hash, or undefined
 * when the trail has no such entry). The chain must reach the checkpoint and hold the same hash there.
 */
export function checkAgainstCheckpoint(
  cp: AuditCheckpoint,
  lastSeq: number,
  hashAt: (seq: number) => string | undefined,
  key: string,
): AuditProblem | null {
  if (!checkpointSignatureValid(cp, key)) {
    return { kind: 'checkpoint', message: '存证检查点的签名不符：检查点被改动或不是本系统写入' };
  }
  if (cp.seq > lastSeq) {
    return {
      kind: 'checkpoint',
      seq: lastSeq + 1,
      message: `审计日志只到第 ${lastSeq} 条，但 ${cp.at} 的存证检查点记录已有 ${cp.seq} 条：末尾的记录被删除`,
    };
  }
  const h = cp.seq === 0 ? GENESIS_HASH : hashAt(cp.seq);
  if (h !== cp.hash) {
    return {
      kind: 'checkpoint',
      seq: cp.seq,
      message: `第 ${cp.seq} 条记录与 ${cp.at} 的存证检查点不一致：该处之前的日志被改写`,
    };
  }
  return null;
}

/** An anchor written on a record (resolution sheet, 公示 archive) against the verified chain. */
export function checkAnchor(
  target: string,
  anchor: AuditAnchor,
  lastSeq: number,
  hashAt: (seq: number) => string | undefined,
): AuditProblem | null {
  if (anchor.seq > lastSeq) {
    return {
      kind: 'anchor',
      seq: lastSeq + 1,
      target,
      message: `${target} 记载写入时审计日志已有 ${anchor.seq} 条，现只剩 ${lastSeq} 条：末尾的记录被删除`,
    };
  }
  const h = anchor.seq === 0 ? GENESIS_HASH : hashAt(anchor.seq);
  if (h !== anchor.hash) {
    return {
      kind: 'anchor',
      seq: anchor.seq,
      target,
      message: `${target} 记载的第 ${anchor.seq} 条审计记录与日志不一致：日志被改写`,
    };
  }
  return null;
}

/** The last seal of a record: the entry that made it and the digest (null: not checkable). */
export interface SealState {
  seq: number;
  digest: string | null;
}

/** Collects the latest seal of every record from entries in sequence order. */
export function latestSeals(
  entries: Iterable<AuditEntry>,
  into = new Map<string, SealState>(),
): Map<string, SealState> {
  for (const e of entries) {
    if (!e.seals) continue;
    for (const [target, digest] of Object.entries(e.seals)) into.set(target, { seq: e.seq, digest });
  }
  return into;
}

/** A record as stored now against its last seal: changed or deleted behind the trail's back. */
export function checkSealedRecord(target: string, seal: SealState, current: unknown): AuditProblem | null {
  if (seal.digest === null) return null;
  if (current === null || current === undefined) {
    return {
      kind: 'record_deleted',
      seq: seal.seq,
      target,
      message: `${target} 已不存在，但第 ${seal.seq} 条审计记录记载了它：记录被绕过系统删除`,
    };
  }
  if (digestOf(current) !== seal.digest) {
    return {
      kind: 'record_changed',
      seq: seal.seq,
      target,
      message: `${target} 与第 ${seal.seq} 条审计记录封存的内容不同：记录被绕过系统改动`,
    };
  }
  return null;
}
