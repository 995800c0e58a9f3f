/**
 * Filing a notice: the archive record and its immutable revisions, and the close the scheduler runs when a window
 * has passed. The scheduler (server/jobs) and the actions that file (withdraw, late handling, the archive read) share
 * this module.
 */
import { archiveSnapshot, close, effectiveState, type NoticeArchive, type Objection } from '../../domain/notices';
import { shanghaiIso } from '../../domain/time';
import type { Store, Tx } from '../../store';
import {
  ARCHIVE_REVISIONS,
  type ArchiveDoc,
  type ArchiveRevisionDoc,
  NOTICE_ARCHIVES,
  NOTICES,
  type NoticeDoc,
  type ObjectionDoc,
  withPhase,
} from './docs';
import { objectionsOf } from './load';

/**
 * Files an archive revision: the current record (what the close report reads, one get) and an immutable copy of
 * this revision. The copy is an insert under a derived id, so a revision once filed can never be overwritten.
 */
export async function fileArchive(tx: Tx, doc: ArchiveDoc): Promise<void> {
  // The record carries the audit trail's position (entry number and head) at filing, a copy outside the trail.
  const filed: ArchiveDoc = { ...doc, auditAnchor: await tx.auditAnchor() };
  await tx.put(NOTICE_ARCHIVES, filed);
  await tx.insert(ARCHIVE_REVISIONS, archiveRevisionOf(filed));
}

export function archiveRevisionOf(doc: ArchiveDoc): ArchiveRevisionDoc {
  return { ...doc, _id: `${doc._id}_r${doc.revision}`, noticeId: doc._id };
}

/** The domain's view of a stored objection. An anonymous objector is an opaque key that matches no person id. */
export function toDomainObjection(o: ObjectionDoc): Objection {
  return {
    _id: o._id,
    noticeId: o.noticeId,
    anonymous: o.anonymous,
    objectorId: o.objectorId ?? `anon:${o._id}`,
    objectorName: o.objectorName,
    text: o.text,
    submittedAt: o.submittedAt,
    handling: o.handling && {
      investigation: o.handling.investigation,
      outcome: o.handling.outcome,
      handledBy: o.handling.handledBy,
      handledAt: o.handling.handledAt,
    },
  };
}

/**
 * Objections are read before the filing transaction (transactions take no queries). The notice's counters move in
 * the same transaction as every objection insert and handling, so equal counters prove the list is still complete
 * and current: `total` only grows, and `pending` falls only when one is handled.
 */
export function countersMatch(n: NoticeDoc, objections: readonly ObjectionDoc[]): boolean {
  return (
    n.objectionCounts.total === objections.length &&
    n.objectionCounts.pending === objections.filter((o) => !o.handling).length
  );
}

export function archiveDocOf(
  n: NoticeDoc,
  objections: readonly ObjectionDoc[],
  at: Date,
  previous: ArchiveDoc | null,
): ArchiveDoc {
  const snapshot = archiveSnapshot(n, objections.map(toDomainObjection));
  const handlerNames: Record<string, string> = {};
  for (const o of objections) if (o.handling) handlerNames[o.handling.handledBy] = o.handling.handledByName;
  return {
    // The snapshot is deep-frozen and JSON-plain; a JSON copy (not structuredClone: functions may run on Node 16).
    ...(JSON.parse(JSON.stringify(snapshot)) as NoticeArchive),
    _id: n._id,
    ownerScope: n.ownerScope,
    handlerNames,
    archivedAt: shanghaiIso(at),
    revision: (previous?.revision ?? 0) + 1,
    filedOutcome: previous ? previous.filedOutcome : (snapshot.closed?.outcome ?? null),
  };
}

/**
 * Closes a notice whose window has passed and files its archive, in one transaction attributed to nobody (the
 * clock closed it). Idempotent: a notice already closed, withdrawn or not yet ended is left alone. The closing time
 * recorded is the window's end (it closed then, whenever the scheduler got to it).
 * Returns 'retry' when an objection moved between the read and the transaction; the next tick tries again.
 */
export async function closeNotice(store: Store, noticeId: string, now: Date): Promise<'closed' | 'skipped' | 'retry'> {
  const objections = await objectionsOf(store, noticeId);
  return store.write({ actorId: null, at: shanghaiIso(now) }, async (tx) => {
    const n = await tx.get<NoticeDoc>(NOTICES, noticeId);
    if (n?.status !== 'published' || !n.published || effectiveState(n, now) !== 'closed') return 'skipped';
    if (!countersMatch(n, objections)) return 'retry';
    const end = n.published.window.closesAt;
    const closed = close(n, objections.map(toDomainObjection), now);
    const after = withPhase({ ...n, ...closed, closed: { ...closed.closed!, at: end } }, now);
    await tx.put(NOTICES, after);
    await fileArchive(tx, archiveDocOf(after, objections, now, null));
    tx.audit('notices.close', `${NOTICES}/${noticeId}`, n, after);
    return 'closed';
  });
}
