/**
 * What the notice actions and the scheduler share: the stored shapes, who may see what, the views, and the two
 * writes that file a notice (close, withdraw) with its archive.
 *
 * Stored shape. A notice document is the domain's `Notice` plus what lets every read be one query:
 * - `ownerScope`: the owning unit and every unit above it (officers over any of them manage the notice);
 * - `unitName`, `scopeUnits`: names copied at drafting, so no read of `units` is needed to show a notice;
 * - `posted`: true from publication on (also after withdrawal): members in scope may read it;
 * - `phase` and `listOrder`: the last state a writer or the scheduler saw and the sort key derived from it
 *   (see `listOrderOf`). They order lists; they are never shown. What a reader sees is `effectiveState(notice, now)`,
 *   computed on every read, so a notice shows 公示中 / 已结束 at the exact instant even if the scheduler is late;
 * - `objectionCounts`: moved with `_.inc` in the transaction that inserts or handles an objection;
 * - `objectorTally`: per-notice keyed digest of a person → how many objections they raised here (see `tallyKeyOf`),
 *   so the detail view can say "you raised 1" without querying objections.
 */
import { createHmac, randomBytes } from 'node:crypto';
import {
  NOTICE_KIND_LABELS,
  NOTICE_OUTCOME_LABELS,
  NOTICE_STATE_LABELS,
  type NoticeArchiveView,
  type NoticeCardView,
  type NoticeOutcome,
  type NoticeState,
  type NoticeWindowView,
  OBJECTION_OUTCOME_LABELS,
  type ObjectionHandlingView,
} from '../../../typings/actions';
import type { RuleVersion, Unit } from '../../../typings/domain';
import type { Actor } from '../../actor';
import { DomainError } from '../../domain/errors';
import {
  archiveSnapshot,
  close,
  daysRemaining,
  effectiveState,
  type Notice,
  type NoticeArchive,
  noticeWindow,
  type Objection,
  type ObjectionHandling,
  type PublicityWindow,
} from '../../domain/notices';
import { shanghaiDate, shanghaiIso } from '../../domain/time';
import type { Ports } from '../../ports';
import type { Store, Tx } from '../../store';
import { UNITS } from '../org/shared';

export const NOTICES = 'notices';
export const OBJECTIONS = 'objections';
export const NOTICE_ARCHIVES = 'notice_archives';
/** notice_archive_revisions/<noticeId>_r<n>: every filed revision, inserted once and never rewritten. */
export const ARCHIVE_REVISIONS = 'notice_archive_revisions';

/**
 * A school without its own setting decides under the 2014 细则: the 2026.05 text is not verified yet
 * (A0: the 2026.05 text is enabled as a default only once checked against its primary text).
 */
export const DEFAULT_RULE_VERSION: RuleVersion = '2014';

export interface NoticeDoc extends Notice {
  ownerScope: string[];
  unitName: string;
  scopeUnits: { unitId: string; unitName: string }[];
  posted: boolean;
  phase: NoticeState;
  listOrder: number;
  objectionCounts: { total: number; pending: number };
  objectorTally: Record<string, number>;
  /** Changes the scheduler made to the published window once the year's holiday notice was out (E5), oldest first. */
  windowNotes?: WindowNote[];
}

export interface WindowNote {
  /** ISO +08:00 instant of the change. */
  at: string;
  previousEnd: string;
  end: string;
  /** Chinese, as shown to the officers. */
  text: string;
}

export interface StoredHandling extends ObjectionHandling {
  handledByName: string;
}

/**
 * An objection as stored. The person id and name are stored only for a real-name objection; an anonymous one names
 * nobody and shares no field with its author's other records (its id is keyed, see notices.object), so resolving
 * it needs the function's secret.
 */
export interface ObjectionDoc {
  _id: string;
  noticeId: string;
  /** The notice's title, frozen at publication, copied so "my objections" needs no second read. */
  noticeTitle: string;
  ownerScope: string[];
  anonymous: boolean;
  /** Legacy (per-person digest, linkable across a person's objections): no longer written by notices.object. */
  objectorKey?: string;
  objectorId: string | null;
  objectorName: string | null;
  text: string;
  submittedAt: Date;
  /** The content check answered "review": accepted (see notices.object) and flagged for the officers. */
  needsReview: boolean;
  handling: StoredHandling | null;
}

/** notice_archives/<noticeId>: the filed record (domain `archiveSnapshot`) plus what reading it needs. */
export interface ArchiveDoc extends NoticeArchive {
  _id: string;
  ownerScope: string[];
  /** Names of the officers who handled objections, by person id. */
  handlerNames: Record<string, string>;
  archivedAt: string;
  /** 1 when filed; +1 each time an objection still pending at filing is handled afterwards. */
  revision: number;
  /**
   * How the publicity stood when it was filed (revision 1), kept when later handlings move `closed.outcome` on:
   * 有异议（待处理） at the close stays on the record after the objection is handled.
   */
  filedOutcome: NoticeOutcome | null;
  /** The audit trail's entry number and head when this revision was filed (absent on records filed before). */
  auditAnchor?: { seq: number; hash: string };
}

/** A filed revision as kept in ARCHIVE_REVISIONS: the archive as it was, under its own id. */
export interface ArchiveRevisionDoc extends Omit<ArchiveDoc, '_id'> {
  _id: string;
  noticeId: string;
}

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

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Anonymity

/**
 * The server secret that keys objector digests. Deployed functions get it from the environment; the emulator
 * supplies a development value. Without it objections cannot be taken (fail closed, never an unkeyed digest).
 */
function objectionSecret(): string {
  const secret = process.env.LINGYAN_OBJECTION_SECRET;
  if (!secret || secret.length < 16) throw new Error('LINGYAN_OBJECTION_SECRET is not set (at least 16 characters)');
  return secret;
}

/** A keyed digest of the parts (HMAC-SHA256 under the objection secret, 128 bits). */
export function keyed(...parts: string[]): string {
  return createHmac('sha256', objectionSecret()).update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * Legacy: one digest per person, the same on all their objections, so it linked an anonymous objection to the
 * person's real-name ones. notices.object no longer stores it; kept only for seeded demo data.
 */
export function objectorKeyOf(personId: string): string {
  return keyed('objector', personId);
}

/** A per-notice digest (so tallies of two notices cannot be joined); prefixed so it is never read as an array index. */
export function tallyKeyOf(noticeId: string, personId: string): string {
  return `t${keyed('tally', noticeId, personId)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Who may see what

/** Officers holding notice.manage over the owning unit: draft, publish, withdraw. */
export function isManager(actor: Actor, n: Pick<NoticeDoc, 'ownerScope'>): boolean {
  return actor.holdsOver('notice.manage', n.ownerScope);
}

/** The responsible officers: they see objections (real-name ones with the name) and record their handling. */
export function isHandler(actor: Actor, n: Pick<NoticeDoc, 'ownerScope'>): boolean {
  return actor.holdsOver('notice.handleObjection', n.ownerScope);
}

/**
 * "Anyone in scope": a posted notice is for the members of its scope units and of every unit below them. A person's
 * `reach` is their units plus all units above those, so the notice is theirs when one of its scope units is in it.
 */
export function inScope(actor: Actor, n: Pick<NoticeDoc, 'posted' | 'scopeUnitIds'>): boolean {
  const reach = actor.person?.reach ?? [];
  return n.posted && n.scopeUnitIds.some((u) => reach.includes(u));
}

/** A draft exists only for its officers (NOT_FOUND to others); a posted notice out of one's scope is OUT_OF_SCOPE. */
export function requireReadable(actor: Actor, n: NoticeDoc): void {
  if (isManager(actor, n) || isHandler(actor, n) || inScope(actor, n)) return;
  if (!n.posted) throw new DomainError('NOT_FOUND', '找不到该公示');
  throw new DomainError('OUT_OF_SCOPE', '该公示不在您所在组织的公示范围内');
}

export async function loadNotice(store: Store, id: string): Promise<NoticeDoc> {
  const n = await store.get<NoticeDoc>(NOTICES, id);
  if (!n) throw new DomainError('NOT_FOUND', '找不到该公示');
  return n;
}

export async function txNotice(tx: Tx, id: string): Promise<NoticeDoc> {
  const n = await tx.get<NoticeDoc>(NOTICES, id);
  if (!n) throw new DomainError('NOT_FOUND', '找不到该公示');
  return n;
}

/** Units by id, in one read. */
export async function loadUnits(store: Store, ids: string[]): Promise<Map<string, Unit>> {
  const unique = [...new Set(ids)];
  const units = await store.find<Unit>(UNITS, { _id: store.command.in(unique) }, { limit: 100 });
  return new Map(units.map((u) => [u._id, u]));
}

/**
 * Where a notice may be posted: its own unit or units below it. The owning unit's officers answer objections,
 * so every reader must be within their reach; a branch secretary posts to their branch, a college officer to the
 * college or any unit in it, never above.
 */
export function scopeUnitsFor(owner: Unit, scopeUnitIds: string[], units: Map<string, Unit>) {
  return [...new Set(scopeUnitIds)].map((id) => {
    const u = units.get(id);
    if (!u) throw new DomainError('UNIT_NOT_FOUND', '公示范围中有不存在的组织', { scopeUnitIds: id });
    if (u._id !== owner._id && !u.ancestors.includes(owner._id)) {
      throw new DomainError('OUT_OF_SCOPE', `公示范围只能是${owner.name}或其下级组织`, { scopeUnitIds: id });
    }
    return { unitId: u._id, unitName: u.name };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Ordering

const TIER = 1e13; // above any millisecond timestamp before the year 2286

/**
 * The list order as one descending number, so a list is one indexed sort: drafts (managed lists only, most recently
 * edited first), then open notices (closing soonest first), then scheduled ones (opening soonest first), then ended
 * ones, closed or withdrawn (most recently ended first).
 *
 * It depends on the phase, which time moves: the scheduler rewrites `phase` and `listOrder` when a notice opens or
 * closes (every minute). Between the instant and the next tick a notice may sit one tier off; its shown state is
 * computed from `now` and is never stale.
 */
export function listOrderOf(n: Notice, phase: NoticeState): number {
  const w = n.published?.window;
  switch (phase) {
    case 'draft':
      return 4 * TIER + n.updatedAt.getTime();
    case 'open':
      return 3 * TIER + (TIER - (w?.closesAt.getTime() ?? 0));
    case 'scheduled':
      return 2 * TIER + (TIER - (w?.opensAt.getTime() ?? 0));
    case 'closed':
      return TIER + (w?.closesAt.getTime() ?? n.updatedAt.getTime());
    case 'withdrawn':
      return TIER + (n.withdrawn?.at.getTime() ?? n.updatedAt.getTime());
  }
}

/** Sets the derived fields after a domain transition. */
export function withPhase<T extends Notice>(n: T, now: Date): T & { phase: NoticeState; listOrder: number } {
  const phase = effectiveState(n, now);
  return { ...n, phase, listOrder: listOrderOf(n, phase) };
}

// ---------------------------------------------------------------------------------------------------------------
// Views

export function windowView(w: PublicityWindow): NoticeWindowView {
  return {
    start: w.start,
    end: w.end,
    length: w.length,
    unit: w.unit,
    counting: w.counting,
    opensAt: shanghaiIso(w.opensAt),
    closesAt: shanghaiIso(w.closesAt),
    provisional: w.provisional,
  };
}

/** The fields a card needs; the list query projects the rest away. */
export type NoticeCardDoc = Omit<NoticeDoc, 'body' | 'subjects' | 'objectorTally' | 'scopeUnits'>;
export const CARD_FIELDS_EXCLUDED = { body: false, subjects: false, objectorTally: false, scopeUnits: false };

/** `effectiveState` and `noticeWindow` read only status, spec and published, which a card document has. */
function asNotice(n: NoticeCardDoc): Notice {
  return n as unknown as Notice;
}

export function cardView(n: NoticeCardDoc, now: Date, managed = false): NoticeCardView {
  const state = effectiveState(asNotice(n), now);
  const window = noticeWindow(asNotice(n));
  return {
    id: n._id,
    kind: n.kind,
    kindLabel: NOTICE_KIND_LABELS[n.kind],
    title: n.title,
    unitId: n.unitId,
    unitName: n.unitName,
    state,
    stateLabel: NOTICE_STATE_LABELS[state],
    window: windowView(window),
    countdown:
      state === 'scheduled' || state === 'open' ? { remaining: daysRemaining(window, now), unit: window.unit } : null,
    publishedAt: n.published ? shanghaiIso(n.published.at) : null,
    closed: closedView(n, now),
    pendingObjections: managed ? n.objectionCounts.pending : null,
  };
}

/** How a publicity ended, from the counters (the same rule as the domain's `closeOutcome`). */
export function outcomeFromCounts(c: NoticeDoc['objectionCounts']): NoticeOutcome {
  if (c.total === 0) return 'no_objection';
  return c.pending === 0 ? 'objections_handled' : 'objections_pending';
}

/**
 * The closing as shown: the recorded one, or, for a notice whose window has passed before the scheduler filed it,
 * what the filing will record (the window's end and the outcome of the objections so far).
 */
export function closedView(n: NoticeCardDoc, now: Date) {
  let closed: { at: Date; outcome: NoticeOutcome } | null = n.closed;
  if (!closed && n.status === 'published' && n.published && effectiveState(asNotice(n), now) === 'closed') {
    closed = { at: n.published.window.closesAt, outcome: outcomeFromCounts(n.objectionCounts) };
  }
  return (
    closed && {
      at: shanghaiIso(closed.at),
      outcome: closed.outcome,
      outcomeLabel: NOTICE_OUTCOME_LABELS[closed.outcome],
    }
  );
}

/** A handling as shown; `handledAt` is a Date when read from an objection, ISO text when read from an archive. */
export function handlingView(
  h: Pick<StoredHandling, 'investigation' | 'outcome'> & { handledAt: Date | string },
  name: string,
): ObjectionHandlingView {
  return {
    investigation: h.investigation,
    outcome: h.outcome,
    outcomeLabel: OBJECTION_OUTCOME_LABELS[h.outcome],
    handledAt: typeof h.handledAt === 'string' ? h.handledAt : shanghaiIso(h.handledAt),
    handledByName: name,
  };
}

/** The officer's and the archive's rule: an anonymous objection is dated by day only (an instant could be matched to logs). */
export function submittedShown(o: Pick<ObjectionDoc, 'anonymous' | 'submittedAt'>): string {
  return o.anonymous ? shanghaiDate(o.submittedAt) : shanghaiIso(o.submittedAt);
}

export function archiveView(a: ArchiveDoc): NoticeArchiveView {
  return {
    noticeId: a.noticeId,
    kind: a.kind,
    kindLabel: a.kindLabel,
    ruleVersion: a.ruleVersion,
    title: a.title,
    body: a.body,
    subjects: a.subjects.map((s) => ({ name: s.name })),
    scopeUnitIds: a.scopeUnitIds,
    window: a.window && {
      start: a.window.start,
      end: a.window.end,
      length: a.window.length,
      unit: a.window.unit,
      counting: a.window.counting,
      opensAt: a.window.opensAt,
      closesAt: a.window.closesAt,
      provisional: a.window.provisional,
    },
    publishedAt: a.published?.at ?? null,
    withdrawn: a.withdrawn && { at: a.withdrawn.at, reason: a.withdrawn.reason },
    closed: a.closed && { ...a.closed, outcomeLabel: NOTICE_OUTCOME_LABELS[a.closed.outcome] },
    revision: a.revision,
    // Older records (before filedOutcome existed) were filed with the outcome they still show.
    filedOutcomeLabel: a.closed ? NOTICE_OUTCOME_LABELS[a.filedOutcome ?? a.closed.outcome] : null,
    objections: a.objections.map((o) => ({
      no: o.no,
      anonymous: o.anonymous,
      objector: o.anonymous ? null : o.objector,
      text: o.text,
      submittedAt: o.anonymous ? o.submittedOn : o.submittedAt,
      handling: o.handling && handlingView(o.handling, a.handlerNames[o.handling.handledBy] ?? ''),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Content check

/**
 * Text that other people will read — a posted notice, an objection, a withdrawal reason, an investigation the
 * objector reads — is user-generated content to WeChat (msgSecCheck v2, scene 2): "risky" is refused with
 * CONTENT_REJECTED before anything is written; "review" goes through (the caller may flag it).
 */
export async function assertPostable(ports: Ports, openid: string, content: string): Promise<'pass' | 'review'> {
  const verdict = await ports.contentCheck.checkText({ openid, scene: 2, content });
  if (verdict === 'risky') throw new DomainError('CONTENT_REJECTED');
  return verdict;
}

// ---------------------------------------------------------------------------------------------------------------
// Objections and filing

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

/** Every objection to a notice, oldest first, 100 per read (a notice draws a handful). */
export async function objectionsOf(store: Store, noticeId: string): Promise<ObjectionDoc[]> {
  const out: ObjectionDoc[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await store.find<ObjectionDoc>(
      OBJECTIONS,
      { noticeId },
      {
        orderBy: [
          ['submittedAt', 'asc'],
          ['_id', 'asc'],
        ],
        skip,
        limit: 100,
      },
    );
    out.push(...page);
    if (page.length < 100) return out;
  }
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
