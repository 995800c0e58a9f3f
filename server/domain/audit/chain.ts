/**
 * The audit trail is a hash chain: each entry carries the hash of the one before, so editing or
 * removing any entry breaks every hash after it. Pure functions; the store writes and reads entries.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
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
}

export interface AuditEntry extends AuditFields {
  hash: string;
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

/** Hashes exactly the chained fields (a stored document also carries its _id, which is not part of the chain). */
export function entryHash(f: AuditFields): string {
  const { seq, at, actorId, action, target, before, after, prevHash } = f;
  return sha256(canonicalJson({ seq, at, actorId, action, target, before, after, prevHash }));
}

export function sealEntry(fields: AuditFields): AuditEntry {
  return { ...fields, hash: entryHash(fields) };
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
export function verifyChain(entries: readonly AuditEntry[], prev: { seq: number; hash: string } | null): ChainCheck {
  let expectSeq = prev ? prev.seq + 1 : 1;
  let expectPrev = prev ? prev.hash : GENESIS_HASH;
  for (const e of entries) {
    if (e.seq !== expectSeq || e.prevHash !== expectPrev || entryHash(e) !== e.hash) {
      return { ok: false, checked: e.seq - (prev ? prev.seq : 0), firstBroken: expectSeq };
    }
    expectSeq += 1;
    expectPrev = e.hash;
  }
  return { ok: true, checked: entries.length, firstBroken: null };
}
