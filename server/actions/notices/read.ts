/**
 * Reading notices. Each read is the caller (one read, by the pipeline) plus ONE query or document read, whatever
 * the number of notices: the list is one indexed query ordered by the stored `listOrder`, the detail one document
 * carrying its names, counters and the reader's tally (see docs.ts).
 */
import type { NoticeCardView, NoticeDetailView, NoticeState } from '../../../typings/actions';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { effectiveState } from '../../domain/notices';
import { shanghaiIso } from '../../domain/time';
import { emptyPage, mapPage, type Store } from '../../store';
import { canManage, inScope, isHandler, requireReadable } from './access';
import {
  type ArchiveDoc,
  CARD_FIELDS_EXCLUDED,
  NOTICE_ARCHIVES,
  NOTICES,
  type NoticeCardDoc,
  tallyKeyOf,
} from './docs';
import { closeNotice } from './filing';
import { loadNotice } from './load';
import { tallySubjectOf } from './objections';
import { archiveView, cardView } from './views';

/**
 * A state filter as a condition on stored fields and `now`, so filtering is exact at any instant (the stored `phase`
 * may be a scheduler tick behind; these conditions are not).
 */
function stateCondition(state: NoticeState, now: Date, _: Store['command']): object {
  const opens = 'published.window.opensAt';
  const closes = 'published.window.closesAt';
  switch (state) {
    case 'draft':
      return { status: 'draft' };
    case 'withdrawn':
      return { status: 'withdrawn' };
    case 'scheduled':
      return { status: 'published', [opens]: _.gt(now) };
    case 'open':
      return { status: 'published', [opens]: _.lte(now), [closes]: _.gt(now) };
    case 'closed':
      return _.or([{ status: 'closed' }, { status: 'published', [closes]: _.lte(now) }]);
  }
}

export const noticesList = defineAction({
  name: 'notices.list',
  summary:
    '公示列表：visible 为我所在组织范围内已发布的公示，managed 为我负责的组织（及下级）的公示（含草稿）；草稿、公示中、待公示、已结束依次排列，分页',
  access: { kind: 'member' },
  errors: [],
  async run({ actor, store, now }, { scope, unitId, state, page, pageSize }) {
    const person = actor.requirePerson();
    const _ = store.command;
    const conditions: object[] = [];
    if (scope === 'visible') {
      conditions.push({ scopeUnitIds: _.in(person.reach), posted: true });
    } else {
      const units = [...new Set([...actor.unitsWhere('notice.manage'), ...actor.unitsWhere('notice.handleObjection')])];
      if (units.length === 0) return emptyPage<NoticeCardView>(page, pageSize);
      conditions.push({ ownerScope: _.in(units) });
    }
    // "Of this unit": owned by it or by a unit below it.
    if (unitId) conditions.push({ ownerScope: unitId });
    if (state) conditions.push(stateCondition(state, now, _));
    const rows = await store.page<NoticeCardDoc>(NOTICES, conditions.length === 1 ? conditions[0] : _.and(conditions), {
      orderBy: [
        ['listOrder', 'desc'],
        ['_id', 'desc'],
      ],
      page,
      pageSize,
      field: CARD_FIELDS_EXCLUDED,
    });
    return mapPage(rows, (n) => cardView(n, now, scope === 'managed'));
  },
});

export const noticesGet = defineAction({
  name: 'notices.get',
  summary: '公示详情：正文、公示对象、范围、倒计时、我能做什么；负责干部另见异议数',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, now }, { noticeId }): Promise<NoticeDetailView> {
    const person = actor.requirePerson();
    const n = await loadNotice(store, noticeId);
    requireReadable(actor, n);
    const manager = canManage(actor, n);
    const handler = isHandler(actor, n);
    const state = effectiveState(n, now);
    return {
      ...cardView(n, now),
      body: n.body,
      ruleVersion: n.ruleVersion,
      subjects: n.subjects.map((s) => ({ name: s.name })),
      scope: n.scopeUnits,
      withdrawn: n.withdrawn && { at: shanghaiIso(n.withdrawn.at), reason: n.withdrawn.reason },
      can: {
        edit: manager && state === 'draft',
        publish: manager && state === 'draft',
        withdraw: manager && (state === 'draft' || state === 'scheduled' || state === 'open'),
        object: inScope(actor, n) && state === 'open',
        handleObjections: handler && n.posted,
      },
      objectionCounts: handler ? { total: n.objectionCounts.total, pending: n.objectionCounts.pending } : null,
      myObjectionCount: n.objectionCounts.total > 0 ? myTally(n.objectorTally, n._id, person._id) : 0,
      windowNotes: (n.windowNotes ?? []).map((note) => note.text),
    };
  },
});

export const noticesCloseReport = defineAction({
  name: 'notices.closeReport',
  summary: '公示归档记录：公示原文、范围、公示期、全部异议及处理情况（匿名异议不含身份）；负责干部可查',
  access: { kind: 'permission', permission: 'notice.handleObjection' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'NOTICE_NOT_PUBLISHED', 'NOTICE_NOT_ENDED', 'CONFLICT'],
  async run({ actor, store, now }, { noticeId }) {
    let archive = await store.get<ArchiveDoc>(NOTICE_ARCHIVES, noticeId);
    if (!archive) {
      const n = await loadNotice(store, noticeId);
      actor.authorize('notice.handleObjection', n.ownerScope);
      if (!n.posted) throw new DomainError('NOTICE_NOT_PUBLISHED');
      if (effectiveState(n, now) !== 'closed') throw new DomainError('NOTICE_NOT_ENDED');
      // The window has passed but the scheduler has not filed it yet: file it now, exactly as the scheduler would.
      if ((await closeNotice(store, noticeId, now)) === 'retry') throw new DomainError('CONFLICT');
      archive = await store.get<ArchiveDoc>(NOTICE_ARCHIVES, noticeId);
      if (!archive) throw new DomainError('NOT_FOUND', '找不到该公示的归档记录');
    }
    actor.authorize('notice.handleObjection', archive.ownerScope);
    return archiveView(archive);
  },
});

/** The reader's own objections to a notice: their real-name and anonymous tallies (kept apart, see notices.object). */
function myTally(tally: Record<string, number>, noticeId: string, personId: string): number {
  return (
    (tally[tallyKeyOf(noticeId, tallySubjectOf(personId, false))] ?? 0) +
    (tally[tallyKeyOf(noticeId, tallySubjectOf(personId, true))] ?? 0)
  );
}
