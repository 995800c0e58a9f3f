/**
 * Objections (异议) to an open notice, by anyone in its scope, real-name or anonymous; seen only by the objector
 * and the responsible officers, who record the investigation and its outcome.
 *
 * Anonymity: an anonymous objection stores nothing that is, or can be computed without the server's secret from,
 * anything stored with its author's other objections or records: no person id, no name, no per-person key. Its id
 * is `anonObjectionIdOf(person, n)`, a keyed digest of the author and their own running number of anonymous
 * objections, so two objections of one person share no field. "My objections" finds them again from a per-person
 * index that is itself keyed: `objection_authors/<keyed digest of the person>` holds only that running number, from
 * which the function recomputes the ids. Real-name objections are found by their `objectorId` and never touch the
 * index, so no stored value moves both when a person files one of each (a shared counter would tell a reader of the
 * database that one person filed both). Its audit entry carries no actor id; officers, the audit list and the
 * archive see its day, not its instant.
 *
 * Rate limit: 10 objections per person per minute (RATE_RULES.objection), counted inside the write transaction,
 * real-name and anonymous ones in separate windows for the same reason (the anonymous window is keyed).
 *
 * Content check (msgSecCheck, scene 2): "risky" is refused with CONTENT_REJECTED and nothing is written.
 * "review" (WeChat is unsure) is accepted and flagged `needsReview` for the officers: an objection is read only by
 * the responsible officers, never published, and refusing it on a doubt would silence the supervision the 公示
 * exists for (S3: mass supervision).
 */
import type { MyObjectionView, OfficerObjectionView } from '../../../typings/actions';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { handleObjection, refreshOutcome, submitObjection } from '../../domain/notices';
import { shanghaiIso } from '../../domain/time';
import { mapPage, newId } from '../../store';
import { assertPostable } from '../content';
import { assertRateOpen, takeRate } from '../rate';
import { inScope, requireReadable } from './access';
import {
  type ArchiveDoc,
  keyed,
  NOTICE_ARCHIVES,
  NOTICES,
  type NoticeDoc,
  OBJECTIONS,
  type ObjectionDoc,
  tallyKeyOf,
} from './docs';
import { archiveDocOf, countersMatch, fileArchive, toDomainObjection } from './filing';
import { loadNotice, OBJECTION_ORDER, objectionsOf, txNotice } from './load';
import { handlingView, submittedShown } from './views';

export const noticesObject = defineAction({
  name: 'notices.object',
  summary: '对公示中的公示提出异议（实名或匿名）；仅本人和负责干部可见',
  access: { kind: 'member' },
  errors: [
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOTICE_NOT_OPEN',
    'NOTICE_CLOSED',
    'NOTICE_WITHDRAWN',
    'OBJECTION_EMPTY',
    'OBJECTION_TOO_LONG',
    'CONTENT_REJECTED',
    'RATE_LIMITED',
  ],
  async run({ actor, store, ports, write, now }, { noticeId, text, anonymous }) {
    const person = actor.requirePerson();
    const notice = await loadNotice(store, noticeId);
    requireReadable(actor, notice);
    // Officers may read a notice outside their own membership; objecting is for the people it was posted to.
    if (!inScope(actor, notice)) throw new DomainError('OUT_OF_SCOPE', '您不在该公示的公示范围内');
    const draft = { _id: newId('obj'), objectorId: person._id, objectorName: person.name, anonymous, text };
    const checked = submitObjection(notice, draft, now); // window and text rules before asking WeChat anything
    const rateSubject = anonymous ? `a${keyed('anon-rate', person._id)}` : person._id;
    await assertRateOpen(store, 'objection', rateSubject, now);
    const verdict = await assertPostable(ports, actor.openid, checked.text);
    const _ = store.command;
    return write(
      async (tx) => {
        // The window first: a refusal writes nothing (the transaction is dropped).
        await takeRate(tx, 'objection', rateSubject, now);
        const current = await txNotice(tx, noticeId);
        const o = submitObjection(current, draft, now); // withdrawn or closed meanwhile
        let id = o._id;
        if (anonymous) {
          // The author's n-th anonymous objection: the index holds n only; the id is keyed by author and n.
          const authorId = anonAuthorKeyOf(person._id);
          const index = await tx.get<AnonAuthorDoc>(OBJECTION_AUTHORS, authorId);
          const count = (index?.count ?? 0) + 1;
          id = anonObjectionIdOf(person._id, count);
          await tx.put<AnonAuthorDoc>(OBJECTION_AUTHORS, { _id: authorId, count });
        }
        const doc: ObjectionDoc = {
          _id: id,
          noticeId,
          noticeTitle: current.title,
          ownerScope: current.ownerScope,
          anonymous,
          objectorId: anonymous ? null : person._id,
          objectorName: o.objectorName,
          text: o.text,
          submittedAt: o.submittedAt,
          needsReview: verdict === 'review',
          handling: null,
        };
        await tx.insert(OBJECTIONS, doc);
        await tx.patch(NOTICES, noticeId, {
          'objectionCounts.total': _.inc(1),
          'objectionCounts.pending': _.inc(1),
          // Anonymous and real-name ones are tallied under different keys (see tallySubjectOf).
          [`objectorTally.${tallyKeyOf(noticeId, tallySubjectOf(person._id, anonymous))}`]: _.inc(1),
        });
        tx.audit('notices.object', `${OBJECTIONS}/${doc._id}`, null, doc);
        return { objectionId: doc._id, submittedAt: shanghaiIso(doc.submittedAt) };
      },
      { anonymous },
    );
  },
});

/** objection_authors/<anonAuthorKeyOf(person)>: how many anonymous objections the person has filed, nothing else. */
export const OBJECTION_AUTHORS = 'objection_authors';

interface AnonAuthorDoc {
  _id: string;
  count: number;
}

/** The keyed id of a person's anonymous-objection index. */
export function anonAuthorKeyOf(personId: string): string {
  return `u${keyed('anon-author', personId)}`;
}

/** The id of a person's n-th anonymous objection (n from 1): unique, and unlinkable without the secret. */
export function anonObjectionIdOf(personId: string, n: number): string {
  return `obj_${keyed('anon-objection', personId, String(n))}`;
}

/**
 * The subject of a notice's per-person tally: a person's anonymous objections are tallied apart from their
 * real-name ones, so the tally never shows one key counting both.
 */
export function tallySubjectOf(personId: string, anonymous: boolean): string {
  return anonymous ? `anon:${personId}` : personId;
}

export const noticesMyObjections = defineAction({
  name: 'notices.myObjections',
  summary: '我提出的异议（含匿名异议）及其处理结果，最新在前',
  access: { kind: 'member' },
  errors: [],
  async run({ actor, store }, { page, pageSize }) {
    const person = actor.requirePerson();
    // Real-name ones by person id; anonymous ones by the ids recomputed from the keyed index (two round trips).
    const index = await store.get<AnonAuthorDoc>(OBJECTION_AUTHORS, anonAuthorKeyOf(person._id));
    const anonIds = Array.from({ length: index?.count ?? 0 }, (_x, i) => anonObjectionIdOf(person._id, i + 1));
    const _ = store.command;
    const where = anonIds.length
      ? _.or([{ objectorId: person._id }, { _id: _.in(anonIds) }])
      : { objectorId: person._id };
    const rows = await store.page<ObjectionDoc>(OBJECTIONS, where, {
      orderBy: [
        ['submittedAt', 'desc'],
        ['_id', 'desc'],
      ],
      page,
      pageSize,
    });
    return mapPage(
      rows,
      (o): MyObjectionView => ({
        id: o._id,
        noticeId: o.noticeId,
        noticeTitle: o.noticeTitle,
        text: o.text,
        anonymous: o.anonymous,
        submittedAt: shanghaiIso(o.submittedAt),
        handling: o.handling && handlingView(o.handling, o.handling.handledByName),
      }),
    );
  },
});

export const noticesObjections = defineAction({
  name: 'notices.objections',
  summary: '某公示收到的异议（负责干部）：实名异议显示异议人，匿名异议不显示任何身份信息',
  access: { kind: 'permission', permission: 'notice.handleObjection' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store }, { noticeId, page, pageSize }) {
    const notice = await loadNotice(store, noticeId);
    actor.authorize('notice.handleObjection', notice.ownerScope);
    const rows = await store.page<ObjectionDoc>(OBJECTIONS, { noticeId }, { orderBy: OBJECTION_ORDER, page, pageSize });
    return mapPage(
      rows,
      (o): OfficerObjectionView => ({
        id: o._id,
        text: o.text,
        anonymous: o.anonymous,
        objector: o.anonymous || !o.objectorId ? null : { personId: o.objectorId, name: o.objectorName ?? '' },
        submittedAt: submittedShown(o),
        needsReview: o.needsReview,
        handling: o.handling && handlingView(o.handling, o.handling.handledByName),
      }),
    );
  },
});

export const noticesHandleObjection = defineAction({
  name: 'notices.handleObjection',
  summary: '记录异议的调查核实情况和结论（成立/不成立）；公示结束后处理的，归档记录随之更新',
  access: { kind: 'permission', permission: 'notice.handleObjection' },
  errors: [
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'OBJECTION_ALREADY_HANDLED',
    'OBJECTION_INVESTIGATION_REQUIRED',
    'CONFLICT',
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, write, now }, { objectionId, investigation, outcome }) {
    const person = actor.requirePerson();
    const before = await store.require<ObjectionDoc>(OBJECTIONS, objectionId, ['NOT_FOUND', '找不到该异议']);
    actor.authorize('notice.handleObjection', before.ownerScope);
    const input = { investigation, outcome, handledBy: person._id };
    handleObjection(toDomainObjection(before), input, now); // already handled / blank, before further reads
    await assertPostable(ports, actor.openid, investigation); // the objector reads it in 我的异议
    // A filed notice (closed, or withdrawn after posting) gets its archive re-filed with the handling.
    const notice = await loadNotice(store, before.noticeId);
    const filed = isFiled(notice);
    const all = filed ? await objectionsOf(store, notice._id) : [];
    const _ = store.command;
    return write(async (tx) => {
      const o = await tx.require<ObjectionDoc>(OBJECTIONS, objectionId, ['NOT_FOUND', '找不到该异议']);
      const n = await txNotice(tx, o.noticeId);
      // Filed, or another objection moved, between the reads above and this transaction: the caller tries again.
      if (isFiled(n) !== filed || (filed && !countersMatch(n, all))) throw new DomainError('CONFLICT');
      const handled = handleObjection(toDomainObjection(o), input, now).handling!;
      const after: ObjectionDoc = { ...o, handling: { ...handled, handledByName: person.name } };
      await tx.put(OBJECTIONS, after);
      tx.audit('notices.handleObjection', `${OBJECTIONS}/${o._id}`, o, after);
      if (!filed) {
        await tx.patch(NOTICES, n._id, { 'objectionCounts.pending': _.inc(-1) });
        return { objectionId, outcome, noticeOutcome: null };
      }
      const objections = all.map((x) => (x._id === after._id ? after : x));
      let next: NoticeDoc = { ...n, objectionCounts: { ...n.objectionCounts, pending: n.objectionCounts.pending - 1 } };
      if (n.status === 'closed') next = { ...next, ...refreshOutcome(next, objections.map(toDomainObjection), now) };
      await tx.put(NOTICES, next);
      tx.audit('notices.refile', `${NOTICES}/${n._id}`, n, next);
      const prev = await tx.get<ArchiveDoc>(NOTICE_ARCHIVES, n._id);
      await fileArchive(tx, archiveDocOf(next, objections, now, prev));
      return { objectionId, outcome, noticeOutcome: next.closed?.outcome ?? null };
    });
  },
});

/** Closed, or withdrawn after it was posted: the notice has an archive. */
function isFiled(n: NoticeDoc): boolean {
  return n.status === 'closed' || (n.status === 'withdrawn' && n.posted);
}
