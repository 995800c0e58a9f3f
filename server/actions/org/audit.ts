import type { AuditEntryView } from '../../../typings/actions';
import { defineAction } from '../../action';
import { verifyAuditTrail } from '../../audit';
import type { AuditEntry } from '../../domain/audit/chain';
import { shanghaiDate } from '../../domain/time';
import { AUDIT, mapPage } from '../../store';

export const auditList = defineAction({
  name: 'audit.list',
  summary: '审计日志（最新在前），分页',
  access: { kind: 'permission', permission: 'audit.read' },
  errors: [],
  async run({ store }, { page, pageSize }) {
    const rows = await store.page<AuditEntry & { _id: string }>(
      AUDIT,
      {},
      // The trail is several chains (server/store.ts): newest first by time, then by place in the chain.
      {
        orderBy: [
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
        page,
        pageSize,
      },
    );
    return mapPage(
      rows,
      (e): AuditEntryView => ({
        chain: e.chain ?? 0,
        seq: e.seq,
        at: shownAt(e),
        actorId: e.actorId,
        action: e.action,
        target: e.target,
        hash: e.hash,
      }),
    );
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
  summary:
    '校验审计日志：逐条核对带密钥的哈希链，与云存储中的存证检查点及决议、公示档案上记载的日志位置比对，并核对表决结果、票箱、决定和档案是否与日志封存的一致；逐项指出问题',
  access: { kind: 'permission', permission: 'audit.read' },
  errors: [],
  async run({ store, nowIso }) {
    return verifyAuditTrail(store, nowIso);
  },
});

/** The whole trail, as `audit.verify` and the daily scheduled check see it. */
export const verifyAuditChain = verifyAuditTrail;
