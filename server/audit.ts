/**
 * Verifying the audit trail (`audit.verify`, `npm run audit:verify`, the daily scheduled check). Reads the whole
 * chain in sequence order and reports, each named:
 *   - an entry whose keyed hash or link is wrong (edited, removed, or re-hashed without the key);
 *   - a head that does not sit on the last entry;
 *   - a trail that ends before, or differs at, the checkpoint kept in cloud storage or an anchor written on a
 *     resolution sheet or 公示 archive (entries cut off the end, or the whole trail deleted);
 *   - a record that matters (vote, count, ballot box, decision, archive) that no longer has the digest the trail
 *     sealed when it was written, or that carries an anchor but was never sealed by the trail.
 * When nothing is wrong the checkpoint is moved to the verified head.
 */
import type { AuditVerifyView } from '../typings/actions';
import {
  type AuditAnchor,
  type AuditCheckpoint,
  type AuditEntry,
  type AuditProblem,
  checkAgainstCheckpoint,
  checkAnchor,
  checkSealedRecord,
  GENESIS_HASH,
  latestSeals,
  type SealState,
  verifyChain,
} from './domain/audit/chain';
import { AUDIT, AUDIT_HEAD_ID, type AuditHead, auditKey, type Doc, META, type Store } from './store';

const PAGE = 100;

/** Collections whose documents carry an `auditAnchor` (the trail's position when they were written). */
export const ANCHORED_COLLECTIONS = ['vote_results', 'notice_archives', 'notice_archive_revisions'] as const;

export async function verifyAuditTrail(store: Store, at: string): Promise<AuditVerifyView> {
  const key = auditKey();
  const _ = store.command;
  const problems: AuditProblem[] = [];

  // 1. The chain, 100 entries per read. Entry hashes are kept to compare with checkpoints and anchors.
  const hashes = new Map<number, string>();
  const seals = new Map<string, SealState>();
  let prev: AuditAnchor | null = null;
  let checked = 0;
  for (;;) {
    const page: AuditEntry[] = await store.find<AuditEntry & Doc>(
      AUDIT,
      { seq: _.gt(prev?.seq ?? 0) },
      { orderBy: [['seq', 'asc']], limit: PAGE },
    );
    const result = verifyChain(page, prev, key);
    const good: AuditEntry[] = result.ok ? page : page.slice(0, result.checked - 1);
    for (const e of good) hashes.set(e.seq, e.hash);
    latestSeals(good, seals);
    checked += good.length;
    if (good.length > 0) prev = { seq: good[good.length - 1].seq, hash: good[good.length - 1].hash };
    if (!result.ok) {
      problems.push({
        kind: 'chain',
        seq: result.firstBroken!,
        message: `第 ${result.firstBroken} 条审计记录被改动、删除或重新计算过（校验值或前后链接不符）`,
      });
      break;
    }
    if (page.length < PAGE) break;
  }
  const chainIntact = problems.length === 0;
  const lastSeq = prev?.seq ?? 0;
  const hashAt = (seq: number) => hashes.get(seq);

  // 2. The head must sit on the last entry.
  const head = await store.get<AuditHead & Doc>(META, AUDIT_HEAD_ID);
  if (chainIntact && ((head?.seq ?? 0) !== lastSeq || (head?.hash ?? GENESIS_HASH) !== (prev?.hash ?? GENESIS_HASH))) {
    problems.push({
      kind: 'head',
      seq: Math.min(head?.seq ?? 0, lastSeq) + 1,
      message: `日志头记录为第 ${head?.seq ?? 0} 条，而日志实际到第 ${lastSeq} 条：日志头或末尾记录被改动`,
    });
  }

  // 3. The checkpoint outside the database.
  let checkpoint: AuditCheckpoint | null = null;
  if (store.checkpoints) {
    try {
      checkpoint = await store.checkpoints.read();
    } catch (err) {
      problems.push({ kind: 'checkpoint', message: `无法读取存证检查点：${String((err as Error)?.message ?? err)}` });
    }
    if (checkpoint) {
      const p = checkAgainstCheckpoint(checkpoint, lastSeq, hashAt, key);
      // With the chain broken, entries after the break are not trusted: compare only what was verified.
      if (p && (chainIntact || checkpoint.seq <= lastSeq)) problems.push(p);
    }
  }

  // 4. Anchored records: their anchor must be on the chain, and the trail must have sealed them.
  const current = new Map<string, Doc>();
  for (const collection of ANCHORED_COLLECTIONS) {
    const docs = await store.all<Doc & { auditAnchor?: AuditAnchor }>(collection, {}, { batch: PAGE });
    for (const d of docs) {
      const target = `${collection}/${d._id}`;
      current.set(target, d);
      if (!d.auditAnchor) continue; // filed before the trail anchored records (the seeded demo)
      if (!chainIntact && d.auditAnchor.seq > lastSeq) continue;
      const p = checkAnchor(target, d.auditAnchor, lastSeq, hashAt);
      if (p) problems.push(p);
      else if (chainIntact && !seals.has(target)) {
        problems.push({
          kind: 'record_unsealed',
          seq: d.auditAnchor.seq + 1,
          target,
          message: `${target} 写入时审计日志在第 ${d.auditAnchor.seq} 条，但日志中没有封存它的记录：其后的记录被删除`,
        });
      }
    }
  }

  // 5. Sealed records against what is stored now (only as far as the chain is intact).
  const byCollection = new Map<string, string[]>();
  for (const [target, seal] of seals) {
    if (seal.digest === null || current.has(target)) continue;
    const slash = target.indexOf('/');
    const list = byCollection.get(target.slice(0, slash)) ?? [];
    list.push(target.slice(slash + 1));
    byCollection.set(target.slice(0, slash), list);
  }
  for (const [collection, ids] of byCollection) {
    for (const [id, d] of await store.byIds<Doc>(collection, ids)) current.set(`${collection}/${id}`, d);
  }
  for (const [target, seal] of seals) {
    const p = checkSealedRecord(target, seal, current.get(target) ?? null);
    if (p) problems.push(p);
  }

  const ok = problems.length === 0;
  const refreshed = ok && prev ? await store.refreshCheckpoint(prev, at) : null;
  if (refreshed) checkpoint = refreshed;
  const seqs = problems.map((p) => p.seq).filter((s): s is number => typeof s === 'number');
  return {
    ok,
    checked,
    firstBroken: seqs.length > 0 ? Math.min(...seqs) : null,
    problems: problems.map((p) => ({ ...p })),
    checkpoint: checkpoint ? { seq: checkpoint.seq, at: checkpoint.at } : null,
  };
}
