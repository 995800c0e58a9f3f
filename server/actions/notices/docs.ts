/**
 * Stored shapes, collection names, ids and keyed digests of the notice actions, and the list order derived on
 * every write.
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
import { createHmac } from 'node:crypto';
import type { NoticeOutcome, NoticeState } from '../../../typings/actions';
import { effectiveState, type Notice, type NoticeArchive, type ObjectionHandling } from '../../domain/notices';

export const NOTICES = 'notices';
export const OBJECTIONS = 'objections';
export const NOTICE_ARCHIVES = 'notice_archives';
/** notice_archive_revisions/<noticeId>_r<n>: every filed revision, inserted once and never rewritten. */
export const ARCHIVE_REVISIONS = 'notice_archive_revisions';

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

/** The fields a card needs; the list query projects the rest away. */
export type NoticeCardDoc = Omit<NoticeDoc, 'body' | 'subjects' | 'objectorTally' | 'scopeUnits'>;
export const CARD_FIELDS_EXCLUDED = { body: false, subjects: false, objectorTally: false, scopeUnits: false };
