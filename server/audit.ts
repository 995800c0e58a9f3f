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
import { AUDIT, AUDIT_CHAINS, auditId, auditKey, type Doc, type Store } from './store';

const PAGE = 100;

/** How a problem names its chain: the school chain unnamed (as before shard chains existed), shard k by number. */
function chainName(chain: number): string {
  return chain === 0 ? '' : `第 ${chain} 号分链`;
}

/** The chain an entry id belongs to (`a<seq>`: the school chain, `a<k>_<seq>`: shard k); anything else counts as 0. */
function chainOfId(id: string): number {
  const m = /^a(\d{2})_\d{12}$/.exec(id);
  return m ? Number(m[1]) : 0;
}

function chainField(chain: number): { chain?: number } {
  return chain === 0 ? {} : { chain };
}

/** Collections whose documents carry an `auditAnchor` (the trail's position when they were written). */
export const ANCHORED_COLLECTIONS = ['vote_results', 'notice_archives', 'notice_archive_revisions'] as const;

export async function verifyAuditTrail(store: Store, at: string): Promise<AuditVerifyView> {
  const key = auditKey();
  const _ = store.command;
  const problems: AuditProblem[] = [];

  // 1. Every chain, 100 entries per read in id order (chain by chain, each in sequence order). Entry hashes are kept
  //    to compare with heads, anchors and checkpoints. A chain is followed up to its first broken entry.
  const hashes = new Map<number, Map<number, string>>();
  const last = new Map<number, AuditAnchor>();
  const broken = new Set<number>();
  const seals = new Map<string, SealState>();
  const anchorEntries: AuditEntry[] = [];
  let checked = 0;
  let afterId: string | null = null;
  for (;;) {
    const page: (AuditEntry & Doc)[] = await store.find<AuditEntry & Doc>(
      AUDIT,
      afterId === null ? {} : { _id: _.gt(afterId) },
      { orderBy: [['_id', 'asc']], limit: PAGE },
    );
    for (const e of page) {
      // The chain an entry is stored in is read from its id; the entry itself must say the same (the field is
      // hashed) and carry the number its id has: a moved or renumbered entry breaks the chain it was put in.
      const chain = chainOfId(e._id);
      if (broken.has(chain)) continue;
      const prev = last.get(chain) ?? null;
      const placed = e._id === auditId(e.seq, chain) && (e.chain ?? 0) === chain;
      const result = placed ? verifyChain([e], prev, key) : { ok: false, firstBroken: (prev?.seq ?? 0) + 1 };
      if (!result.ok) {
        broken.add(chain);
        const seq = result.firstBroken!;
        problems.push({
          kind: 'chain',
          ...chainField(chain),
          seq,
          message: `${chainName(chain)}第 ${seq} 条审计记录被改动、删除或重新计算过（校验值或前后链接不符）`,
        });
        continue;
      }
      const m = hashes.get(chain) ?? new Map<number, string>();
      hashes.set(chain, m);
      m.set(e.seq, e.hash);
      last.set(chain, { seq: e.seq, hash: e.hash });
      latestSeals([e], seals);
      if (chain === 0 && e.heads) anchorEntries.push(e);
      checked += 1;
    }
    if (page.length < PAGE) break;
    afterId = page[page.length - 1]._id;
  }
  const chainIntact = !broken.has(0);
  const prev = last.get(0) ?? null;
  const lastSeq = prev?.seq ?? 0;
  const hashAt = (seq: number) => hashes.get(0)?.get(seq);

  // 2. Each chain's head must sit on its last entry.
  const heads = await store.auditHeads();
  for (let chain = 0; chain <= AUDIT_CHAINS; chain++) {
    if (broken.has(chain)) continue;
    const head = heads.get(chain);
    const end = last.get(chain);
    if ((head?.seq ?? 0) !== (end?.seq ?? 0) || (head?.hash ?? GENESIS_HASH) !== (end?.hash ?? GENESIS_HASH)) {
      problems.push({
        kind: 'head',
        ...chainField(chain),
        seq: Math.min(head?.seq ?? 0, end?.seq ?? 0) + 1,
        message: `${chainName(chain)}日志头记录为第 ${head?.seq ?? 0} 条，而日志实际到第 ${end?.seq ?? 0} 条：日志头或末尾记录被改动`,
      });
    }
  }

  // 2b. The shard chains against what the school chain's anchor entries recorded of them.
  for (const a of chainIntact ? anchorEntries : []) {
    for (const [k, anchor] of Object.entries(a.heads ?? {})) {
      const chain = Number(k);
      const end = last.get(chain)?.seq ?? 0;
      if (broken.has(chain) && anchor.seq > end) continue; // already named where it breaks
      const target = `${AUDIT}/${auditId(a.seq)}`;
      if (!checkAnchor(target, anchor, end, (seq) => hashes.get(chain)?.get(seq))) continue;
      const cut = anchor.seq > end;
      problems.push({
        kind: 'anchor',
        chain,
        seq: cut ? end + 1 : anchor.seq,
        target,
        message: cut
          ? `${chainName(chain)}在日志第 ${a.seq} 条锚定时已有 ${anchor.seq} 条，现只剩 ${end} 条：末尾的记录被删除`
          : `${chainName(chain)}第 ${anchor.seq} 条与日志第 ${a.seq} 条锚定的不一致：该链被改写`,
      });
    }
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
  const refreshed = ok && checked > 0 ? await store.refreshCheckpoint(at) : null;
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
