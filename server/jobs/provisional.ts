/**
 * E5: windows published while their year's State Council holiday notice was not out are flagged provisional. Once
 * the calendar knows the year (a deployment brings a newer `chinese-days`), this job settles them: the window is
 * recomputed (`settledWindow`: extended when the official count ends later, never shortened below what was
 * announced), the flag cleared, the change audited, and, when the end moved, a note is put on the notice and the
 * officer who published it is sent a subscribe message.
 *
 * Idempotent: a settled window drifts no more, so a repeated tick finds nothing to do. One query a tick while no
 * more than 100 notices are provisional; the calendar is injected so tests can stand in for a future package version.
 */
import { NOTICES, type NoticeDoc, type WindowNote, withPhase } from '../actions/notices/docs';
import { PEOPLE } from '../actor';
import { effectiveState } from '../domain/notices';
import { officialCalendar, type WorkCalendar } from '../domain/notices/calendar';
import { settledWindow } from '../domain/notices/window';
import { shanghaiIso } from '../domain/time';
import type { Job } from './job';

const PAGE = 100;
/** At most 1,000 provisional notices a tick, far more than a school has at once. */
const MAX_PAGES = 10;

export function provisionalWindowsJob(calendar: WorkCalendar = officialCalendar): Job {
  return {
    name: 'notices.settleProvisional',
    async run({ store, ports, now }) {
      // Windows that stay provisional (the package still lacks the year) stay in the set, so page past them.
      const due: NoticeDoc[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const rows = await store.find<NoticeDoc>(
          NOTICES,
          { status: 'published', 'published.window.provisional': true },
          {
            orderBy: [['_id', 'asc']],
            skip: page * PAGE,
            limit: PAGE,
            field: { body: false, subjects: false, objectorTally: false },
          },
        );
        due.push(...rows);
        if (rows.length < PAGE) break;
      }
      let settled = 0;
      let moved = 0;
      let notified = 0;
      for (const seen of due) {
        if (!seen.published) continue;
        const change = settledWindow(seen.published.window, calendar);
        if (!change) continue;
        const at = shanghaiIso(now);
        const note: WindowNote | null = change.endMoved
          ? {
              at,
              previousEnd: change.previousEnd,
              end: change.window.end,
              text: `国务院办公厅节假日安排公布后重新计算：公示期结束日由${change.previousEnd}改为${change.window.end}`,
            }
          : null;
        const done = await store.write({ actorId: null, at }, async (tx) => {
          const n = await tx.get<NoticeDoc>(NOTICES, seen._id);
          // Withdrawn, closed or already settled meanwhile: leave it.
          if (n?.status !== 'published' || !n.published) return false;
          if (JSON.stringify(n.published.window) !== JSON.stringify(seen.published!.window)) return false;
          if (effectiveState(n, now) === 'closed') return false; // the close job files it as it was
          const after = withPhase(
            {
              ...n,
              published: { ...n.published, window: change.window },
              windowNotes: note ? [...(n.windowNotes ?? []), note] : n.windowNotes,
            },
            now,
          );
          await tx.put(NOTICES, after);
          tx.audit('notices.settleWindow', `${NOTICES}/${n._id}`, n, after);
          return true;
        });
        if (!done) continue;
        settled++;
        if (!note) continue;
        moved++;
        // Told after the change is recorded: a failed message loses no data, and the note is on the notice.
        const officer = await store.get<{ _id: string; openid: string | null }>(PEOPLE, seen.published.by);
        if (!officer?.openid) continue;
        try {
          await ports.messenger.sendSubscribe(windowMovedMessage(seen, note, officer.openid));
          notified++;
        } catch (err) {
          console.error(`[lingyan] could not tell the officer of notice ${seen._id} that its window moved`, err);
        }
      }
      return { checked: due.length, settled, moved, notified };
    },
  };
}

/**
 * The subscribe message template "公示期调整提醒" (thing1 notice title, date2 new last day, thing3 what changed). Its id
 * is the mini-program's own, set on the scheduler function as LINGYAN_TEMPLATE_WINDOW_MOVED.
 */
export function windowMovedMessage(n: Pick<NoticeDoc, '_id' | 'title'>, note: WindowNote, openid: string) {
  return {
    touser: openid,
    templateId: process.env.LINGYAN_TEMPLATE_WINDOW_MOVED ?? 'lingyan_window_moved',
    page: `packages/notices/detail/index?noticeId=${n._id}`,
    data: {
      thing1: { value: clip(n.title, 20) },
      date2: { value: note.end },
      thing3: { value: clip(`原定${note.previousEnd}结束，按节假日安排调整`, 20) },
    },
  };
}

/** Template "thing" values take at most 20 characters. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
