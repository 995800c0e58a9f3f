/**
 * E5 through the api and the scheduler: windows into 2027 (no State Council notice in the installed package) are
 * provisional; once a calendar that knows 2027 is in force, the scheduler's job settles them, tells the officer
 * when the end moved, and audits the change. The newer calendar is injected (a stand-in for a future package).
 */

import { chineseDaysSource, createWorkCalendar, type HolidaySource } from '../../../server/domain/notices/calendar';
import { provisionalWindowsJob } from '../../../server/jobs/provisional';
import { createPorts } from '../../../server/ports';
import { Store } from '../../../server/store';
import type { NoticeDetailView } from '../../../typings/actions';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { sh, tuiyouDraft } from './support';

let emu: TestEmulator;
let moving = ''; // 5 working days from 2026-12-28: the 2027 notice adds a day off on 01-04, so it ends a day later
let steady = ''; // 5 working days from 2026-12-21: unchanged by the 2027 notice, only the flag settles
// biome-ignore lint/suspicious/noExplicitAny: wx-server-sdk is untyped
let cloud: any;

/** What a package with the 2027 notice would say: 元旦 from 01-01 to 01-04 (a 补假 Monday), nothing else new. */
const with2027: HolidaySource = {
  name: 'chinese-days@next',
  coveredYears: new Set([...chineseDaysSource.coveredYears, 2027]),
  override: (d) =>
    chineseDaysSource.override(d) ??
    (['2027-01-01', '2027-01-04'].includes(d) ? { kind: 'rest', holiday: '元旦' } : undefined),
};

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-12-18 10:00'));
  for (const start of ['2026-12-28', '2026-12-21']) {
    const { noticeId } = expectOk(
      await emu.as<{ noticeId: string }>(
        'info_lb2_sec',
        'notices.create',
        tuiyouDraft({ window: { start, length: 5, unit: 'workday' } }),
      ),
    );
    expectOk(await emu.as('info_lb2_sec', 'notices.publish', { noticeId }));
    if (start === '2026-12-28') moving = noticeId;
    else steady = noticeId;
  }
  // The SDK in this process, pointed at the emulator like a deployed function.
  cloud = require('wx-server-sdk');
  cloud.init({ env: 'local' });
});
afterAll(() => emu.close());

const detail = (noticeId: string) => emu.as<NoticeDetailView>('info_league1', 'notices.get', { noticeId });
const run = (now: string) =>
  provisionalWindowsJob(createWorkCalendar(with2027)).run({
    store: new Store(cloud.database({ throwOnNotFound: false })),
    ports: createPorts(cloud),
    now: new Date(now),
  });

describe('a window reaching a year without a published notice', () => {
  it('is provisional, and skips 元旦 even so', async () => {
    expect(expectOk(await detail(moving)).window).toMatchObject({ end: '2027-01-04', provisional: true });
    expect(expectOk(await detail(steady)).window).toMatchObject({ end: '2026-12-25', provisional: true });
  });

  it('stays as it is while the installed calendar still lacks the year', async () => {
    emu.host.setClock(sh('2026-12-19 09:00'));
    const [tick] = await emu.host.fireTimers();
    expect(tick.result).toMatchObject({ ok: true, jobs: { 'notices.settleProvisional': { checked: 2, settled: 0 } } });
    expect(await emu.server.db.collection('audit').count({ action: 'notices.settleWindow' })).toBe(0);
  });
});

describe('once the calendar knows the year', () => {
  it('recomputes the window, clears the flag, notes the move on the notice and tells the officer who published it', async () => {
    const outboxBefore = emu.host.outbox.length;
    const result = await run(sh('2026-12-22 09:00'));
    expect(result).toEqual({ checked: 2, settled: 2, moved: 1, notified: 1 });

    const moved = await emu.server.db.collection('notices').findOne<{
      published: { window: { end: string; provisional: boolean; closesAt: Date } };
      windowNotes: { previousEnd: string; end: string; text: string }[];
    }>({ _id: moving });
    expect(moved?.published.window).toMatchObject({ end: '2027-01-05', provisional: false });
    expect(moved?.windowNotes).toEqual([expect.objectContaining({ previousEnd: '2027-01-04', end: '2027-01-05' })]);
    expect(expectOk(await detail(moving)).window).toMatchObject({
      end: '2027-01-05',
      closesAt: '2027-01-06T00:00:00.000+08:00',
      provisional: false,
    });
    expect(expectOk(await detail(moving)).windowNotes).toEqual([
      '国务院办公厅节假日安排公布后重新计算：公示期结束日由2027-01-04改为2027-01-05',
    ]);

    const messages = emu.host.outbox.slice(outboxBefore).filter((r) => r.api === 'subscribeMessage.send');
    expect(messages).toHaveLength(1);
    expect(messages[0].payload).toMatchObject({
      touser: 'demo_info_lb2_sec',
      page: `packages/notices/detail/index?noticeId=${moving}`,
      data: { date2: { value: '2027-01-05' } },
    });
  });

  it('only clears the flag of a window whose days the notice does not change, without telling anyone', async () => {
    const kept = await emu.server.db.collection('notices').findOne<{
      published: { window: { end: string; provisional: boolean } };
      windowNotes?: unknown[];
    }>({ _id: steady });
    expect(kept?.published.window).toMatchObject({ end: '2026-12-25', provisional: false });
    expect(kept?.windowNotes).toBeUndefined();
    expect(expectOk(await detail(steady)).windowNotes).toEqual([]);
  });

  it('audits each settlement, attributed to nobody, and keeps the chain intact', async () => {
    const entries = await emu.server.db.collection('audit').find({ action: 'notices.settleWindow' });
    expect(entries.map((e) => [(e as { target: string }).target, (e as { actorId: unknown }).actorId]).sort()).toEqual(
      [`notices/${moving}`, `notices/${steady}`].sort().map((t) => [t, null]),
    );
    expect(expectOk(await emu.as('admin', 'audit.verify', {}))).toMatchObject({ ok: true });
  });

  it('does nothing more when it runs again', async () => {
    const outboxBefore = emu.host.outbox.length;
    expect(await run(sh('2026-12-22 09:01'))).toEqual({ checked: 0, settled: 0, moved: 0, notified: 0 });
    expect(emu.host.outbox.length).toBe(outboxBefore);
    expect(await emu.server.db.collection('audit').count({ action: 'notices.settleWindow' })).toBe(2);
  });
});
