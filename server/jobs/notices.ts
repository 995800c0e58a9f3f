/**
 * 公示 open at their start and close at their end without anyone acting. Reads already show the right state at any
 * instant (computed from `now`); this job makes the stored record follow: it moves `phase`/`listOrder` of notices
 * that have opened (list order), and closes notices whose window has passed, filing their archive.
 * Idempotent and bounded: 100 notices per query, a few pages per tick; what is left waits for the next minute.
 */

import { NOTICES, type NoticeDoc, withPhase } from '../actions/notices/docs';
import { closeNotice } from '../actions/notices/filing';
import { effectiveState } from '../domain/notices';
import type { Job } from './job';

const PAGE = 100;
/** Pages per tick and kind: 1,000 notices a minute, far more than a school publishes. */
const MAX_PAGES = 10;

export const noticesAdvanceJob: Job = {
  name: 'notices.advance',
  async run({ store, now }) {
    const _ = store.command;
    let opened = 0;
    let closed = 0;
    let retry = 0;

    // Close first: a notice whose whole window passed between two ticks goes straight to closed.
    for (let page = 0; page < MAX_PAGES; page++) {
      const due = await store.find<Pick<NoticeDoc, '_id'>>(
        NOTICES,
        { status: 'published', 'published.window.closesAt': _.lte(now) },
        { orderBy: [['published.window.closesAt', 'asc']], limit: PAGE, field: { _id: true }, skip: retry },
      );
      for (const { _id } of due) {
        const r = await closeNotice(store, _id, now);
        if (r === 'closed') closed++;
        else if (r === 'retry') retry++;
      }
      if (due.length < PAGE) break;
    }

    for (let page = 0; page < MAX_PAGES; page++) {
      const due = await store.find<NoticeDoc>(
        NOTICES,
        { status: 'published', phase: 'scheduled', 'published.window.opensAt': _.lte(now) },
        { limit: PAGE, field: { body: false, subjects: false, objectorTally: false } },
      );
      for (const n of due) {
        if (effectiveState(n, now) !== 'open') continue;
        const { phase, listOrder } = withPhase(n, now);
        // Guarded on the phase read, so a late tick never moves a notice back.
        await store
          .collection(NOTICES)
          .where({ _id: n._id, status: 'published', phase: 'scheduled' })
          .update({ data: { phase, listOrder } });
        opened++;
      }
      if (due.length < PAGE) break;
    }
    return { opened, closed, retry };
  },
};
