import type { AuditEntryView } from '../../../typings/actions';
import { defineAction } from '../../action';
import { type AuditEntry, verifyChain } from '../../domain/audit/chain';
import { AUDIT, AUDIT_HEAD_ID, type AuditHead, META, type Store } from '../../store';
import { shanghaiDate } from '../../domain/time';
import { pageOf } from './shared';

export const auditList = defineAction({
  name: 'audit.list',
  summary: '审计日志（最新在前），分页',
  access: { kind: 'permission', permission: 'audit.read' },
  errors: [],
  async run({ store }, { page, pageSize }) {
    const rows = await store.find<AuditEntry & { _id: string }>(
      AUDIT,
      {},
      { orderBy: [['seq', 'desc']], skip: (page - 1) * pageSize, limit: pageSize + 1 },
    );
    const items: AuditEntryView[] = rows.map((e) => ({
      seq: e.seq,
      at: shownAt(e),
      actorId: e.actorId,
      action: e.action,
      target: e.target,
      hash: e.hash,
    }));
    return pageOf(items, page, pageSize);
  },
});

/**
 * An anonymous objection's entry (recorded without an actor) is dated by day only, as the officers' list and the
 * archive show it: its instant could be matched to access logs or to who was seen typing.
 */
function shownAt(e: Pick<AuditEntry, 'action' | 'actorId' | 'at'>): string {
  return e.action === 'notices.object' && e.actorId === null ? shanghaiDate(new Date(e.at)) : e.at;
}

export const auditVerify = defineAction({
  name: 'audit.verify',
  summary: '校验审计日志哈希链，指出第一条被篡改或缺失的记录',
  access: { kind: 'permission', permission: 'audit.read' },
  errors: [],
  async run({ store }) {
    return verifyAuditChain(store);
  },
});

/** Walks the whole chain in sequence order, 100 entries per read, and checks it ends at the recorded head. */
export async function verifyAuditChain(
  store: Store,
): Promise<{ ok: boolean; checked: number; firstBroken: number | null }> {
  let prev: { seq: number; hash: string } | null = null;
  let checked = 0;
  const _ = store.command;
  for (;;) {
    const page: AuditEntry[] = await store.find<AuditEntry & { _id: string }>(
      AUDIT,
      { seq: _.gt(prev?.seq ?? 0) },
      { orderBy: [['seq', 'asc']], limit: 100 },
    );
    const result = verifyChain(page, prev);
    if (!result.ok) return { ok: false, checked: checked + result.checked, firstBroken: result.firstBroken };
    checked += page.length;
    if (page.length > 0) prev = { seq: page[page.length - 1].seq, hash: page[page.length - 1].hash };
    if (page.length < 100) break;
  }
  const head = await store.get<AuditHead & { _id: string }>(META, AUDIT_HEAD_ID);
  const headSeq = head?.seq ?? 0;
  if (headSeq !== (prev?.seq ?? 0) || (prev && head?.hash !== prev.hash)) {
    // Entries at the end were removed (or the head was moved): the first missing one is broken.
    return { ok: false, checked, firstBroken: Math.min(headSeq, prev?.seq ?? 0) + 1 };
  }
  return { ok: true, checked, firstBroken: null };
}
