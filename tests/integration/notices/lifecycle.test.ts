/**
 * A 公示 from draft to archive through the production api and scheduler functions, on a pinned clock:
 * drafted on Fri 2026-09-25, 5 working days from Mon 2026-09-28 (inclusive: 09-28, 09-29, 09-30, 10-08, 10-09 —
 * the National Day holiday does not count), open from 00:00 on 09-28, closed at 00:00 on 10-10 by the scheduler.
 */
import type {
  MyObjectionView,
  NoticeArchiveView,
  NoticeCardView,
  NoticeDetailView,
  OfficerObjectionView,
  Page,
} from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { sh, tuiyouDraft } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-09-25 10:00'));
});
afterAll(() => emu.close());

let noticeId = '';
let realNameId = '';
let anonymousId = '';

const get = (who: string) => emu.as<NoticeDetailView>(who, 'notices.get', { noticeId });

describe('drafting and publishing', () => {
  it('drafts a 推优 list whose 5 working days skip the National Day holiday', async () => {
    const created = expectOk(
      await emu.as<{ noticeId: string; window: NoticeDetailView['window'] }>(
        'info_lb2_sec',
        'notices.create',
        tuiyouDraft({ title: '草稿标题' }),
      ),
    );
    noticeId = created.noticeId;
    expect(created.window).toMatchObject({
      start: '2026-09-28',
      end: '2026-10-09',
      opensAt: '2026-09-28T00:00:00.000+08:00',
      closesAt: '2026-10-10T00:00:00.000+08:00',
      provisional: false,
    });
  });

  it('shows the draft to its officers only: members of the branch do not see it yet', async () => {
    expect(expectOk(await get('info_lb2_sec'))).toMatchObject({ state: 'draft', can: { edit: true, publish: true } });
    expect(expectOk(await get('info_officer')).state).toBe('draft'); // the college's officer is above the branch
    expect(errorCode(await get('info_league1'))).toBe('NOT_FOUND');
    const visible = expectOk(await emu.as<Page<NoticeCardView>>('info_league1', 'notices.list', { scope: 'visible' }));
    expect(visible.items.map((n) => n.id)).not.toContain(noticeId);
  });

  it('lets the secretary edit the draft, then publishes it as scheduled', async () => {
    expectOk(await emu.as('info_lb2_sec', 'notices.update', { noticeId, title: tuiyouDraft().title }));
    const published = expectOk(
      await emu.as<{ state: string; window: { end: string } }>('info_lb2_sec', 'notices.publish', { noticeId }),
    );
    expect(published).toMatchObject({ state: 'scheduled', window: { end: '2026-10-09' } });
    const detail = expectOk(await get('info_league1'));
    expect(detail).toMatchObject({
      title: tuiyouDraft().title,
      state: 'scheduled',
      stateLabel: '待公示',
      countdown: { remaining: 5, unit: 'workday' },
      scope: [{ unitId: 'u_info_lb2', unitName: '信息学院2024级2班团支部' }],
      can: { edit: false, publish: false, withdraw: false, object: false, handleObjections: false },
      objectionCounts: null,
      myObjectionCount: 0,
    });
  });

  it('marks a window that reaches into a year without a published holiday notice as provisional', async () => {
    const late = expectOk(
      await emu.as<{ window: { provisional: boolean; end: string } }>(
        'info_lb2_sec',
        'notices.create',
        tuiyouDraft({ window: { start: '2026-12-28', length: 5, unit: 'workday' } }),
      ),
    );
    expect(late.window.provisional).toBe(true);
  });
});

describe('while open', () => {
  beforeAll(() => emu.host.setClock(sh('2026-09-29 09:00')));

  it('is open at once on its first day, without waiting for the scheduler, and counts down working days', async () => {
    expect(expectOk(await get('info_league2'))).toMatchObject({
      state: 'open',
      countdown: { remaining: 4, unit: 'workday' },
      can: { object: true },
    });
  });

  it('takes a real-name and an anonymous objection from members in scope', async () => {
    realNameId = expectOk(
      await emu.as<{ objectionId: string }>('info_league1', 'notices.object', {
        noticeId,
        text: '推荐程序中未公布票数，请说明。',
        anonymous: false,
      }),
    ).objectionId;
    emu.host.setClock(sh('2026-09-29 09:05'));
    anonymousId = expectOk(
      await emu.as<{ objectionId: string }>('info_league2', 'notices.object', {
        noticeId,
        text: '有人在投票前私下拉票，请核实（需人工复核）。',
        anonymous: true,
      }),
    ).objectionId;
    expect(expectOk(await get('info_league2')).myObjectionCount).toBe(1);
    expect(expectOk(await get('info_lb2_sec')).objectionCounts).toEqual({ total: 2, pending: 2 });
  });

  it('stores an anonymous objection without the person: no id, no name, and an audit entry without an actor', async () => {
    const stored = await emu.server.db.collection('objections').findOne({ _id: anonymousId });
    expect(stored).toMatchObject({ anonymous: true, objectorId: null, objectorName: null });
    expect(JSON.stringify(stored)).not.toMatch(/p_2024020203|邹明/);
    const entry = await emu.server.db.collection('audit').findOne({ target: `objections/${anonymousId}` });
    expect(entry).toMatchObject({ action: 'notices.object', actorId: null });
    const named = await emu.server.db.collection('audit').findOne({ target: `objections/${realNameId}` });
    expect(named).toMatchObject({ actorId: 'p_2024020202' });
  });

  it('shows the officers every objection, naming the real-name objector only', async () => {
    const list = expectOk(
      await emu.as<Page<OfficerObjectionView>>('info_lb2_sec', 'notices.objections', { noticeId }),
    ).items;
    expect(list.find((o) => o.id === realNameId)).toMatchObject({
      anonymous: false,
      objector: { personId: 'p_2024020202', name: '袁梦' },
      needsReview: false,
    });
    const anon = list.find((o) => o.id === anonymousId)!;
    expect(anon).toMatchObject({ anonymous: true, objector: null, submittedAt: '2026-09-29', needsReview: true });
    expect(JSON.stringify(anon)).not.toMatch(/p_2024020203|邹明/);
  });

  it('shows each objector their own objections, the anonymous one included, and nobody else’s', async () => {
    const mine = expectOk(await emu.as<Page<MyObjectionView>>('info_league2', 'notices.myObjections', {})).items;
    expect(mine.map((o) => o.id)).toEqual([anonymousId]);
    expect(mine[0]).toMatchObject({ noticeId, noticeTitle: tuiyouDraft().title, anonymous: true, handling: null });
    const theirs = expectOk(await emu.as<Page<MyObjectionView>>('info_league1', 'notices.myObjections', {})).items;
    expect(theirs.map((o) => o.id)).toEqual([realNameId]);
  });

  it('records the investigation of the real-name objection', async () => {
    const r = expectOk(
      await emu.as('info_lb2_sec', 'notices.handleObjection', {
        objectionId: realNameId,
        investigation: '票数已在支部大会记录中公布：应到12人，实到11人，赞成10票。',
        outcome: 'dismissed',
      }),
    );
    expect(r).toEqual({ objectionId: realNameId, outcome: 'dismissed', noticeOutcome: null });
    const mine = expectOk(await emu.as<Page<MyObjectionView>>('info_league1', 'notices.myObjections', {})).items;
    expect(mine[0].handling).toMatchObject({ outcome: 'dismissed', outcomeLabel: '异议不成立', handledByName: '宋雨' });
    expect(expectOk(await get('info_lb2_sec')).objectionCounts).toEqual({ total: 2, pending: 1 });
    // The officers' list says how many still wait; the members' list says nothing about objections.
    type Cards = Page<{ id: string; pendingObjections: number | null }>;
    const managed = expectOk(await emu.as<Cards>('info_lb2_sec', 'notices.list', { scope: 'managed' }));
    expect(managed.items.find((c) => c.id === noticeId)?.pendingObjections).toBe(1);
    const visible = expectOk(await emu.as<Cards>('info_league1', 'notices.list', { scope: 'visible' }));
    expect(visible.items.find((c) => c.id === noticeId)?.pendingObjections).toBeNull();
  });

  it('answers a list and a detail in at most two database round trips each', async () => {
    const list = await emu.invoke('notices.list', { scope: 'visible' }, 'info_league1');
    const detail = await emu.invoke('notices.get', { noticeId }, 'info_league1');
    const managed = await emu.invoke('notices.list', { scope: 'managed', state: 'open' }, 'info_officer');
    expect((list.body as { ok: boolean }).ok).toBe(true);
    expect((detail.body as { ok: boolean }).ok).toBe(true);
    expect((managed.body as { ok: boolean }).ok).toBe(true);
    expect(list.roundTrips).toBeLessThanOrEqual(2);
    expect(detail.roundTrips).toBeLessThanOrEqual(2);
    expect(managed.roundTrips).toBeLessThanOrEqual(2);
  });
});

describe('at the end of the window', () => {
  it('shows 已结束 from 00:00 of the day after the last day, before the scheduler has run', async () => {
    emu.host.setClock(sh('2026-10-09 23:59:59.999'));
    expect(expectOk(await get('info_league1'))).toMatchObject({ state: 'open', countdown: { remaining: 1 } });
    emu.host.setClock(sh('2026-10-10 00:00'));
    expect(expectOk(await get('info_league1'))).toMatchObject({
      state: 'closed',
      countdown: null,
      closed: { at: '2026-10-10T00:00:00.000+08:00', outcome: 'objections_pending', outcomeLabel: '尚有异议待处理' },
      can: { object: false },
    });
    expect((await emu.server.db.collection('notices').findOne({ _id: noticeId }))?.status).toBe('published');
  });

  it('is closed and filed by the scheduled function, once, however often it runs', async () => {
    emu.host.setClock(sh('2026-10-10 00:00:30'));
    const [first] = await emu.host.fireTimers();
    expect(first.result).toMatchObject({ ok: true, jobs: { 'notices.advance': { closed: 1 } } });
    const stored = await emu.server.db.collection('notices').findOne({ _id: noticeId });
    expect(stored).toMatchObject({ status: 'closed', phase: 'closed', closed: { outcome: 'objections_pending' } });
    const archive = await emu.server.db.collection('notice_archives').findOne({ _id: noticeId });
    expect(archive).toMatchObject({ revision: 1, closed: { outcome: 'objections_pending' } });
    const closeEntries = await emu.server.db.collection('audit').count({ action: 'notices.close' });
    expect(closeEntries).toBe(1);

    const [second] = await emu.host.fireTimers();
    expect(second.result).toMatchObject({ ok: true, jobs: { 'notices.advance': { closed: 0 } } });
    expect(await emu.server.db.collection('audit').count({ action: 'notices.close' })).toBe(1);
    expect((await emu.server.db.collection('notice_archives').findOne({ _id: noticeId }))?.revision).toBe(1);
  });

  it('refuses an objection once the window has closed', async () => {
    const r = await emu.as('info_league1', 'notices.object', { noticeId, text: '补充一条意见。', anonymous: false });
    expect(errorCode(r)).toBe('NOTICE_CLOSED');
  });

  it('files the archive with the text, the objections (the anonymous one without identity) and their handling', async () => {
    const report = expectOk(await emu.as<NoticeArchiveView>('info_lb2_sec', 'notices.closeReport', { noticeId }));
    expect(report).toMatchObject({
      noticeId,
      title: tuiyouDraft().title,
      kindLabel: '推优',
      window: { start: '2026-09-28', end: '2026-10-09' },
      closed: { at: '2026-10-10T00:00:00.000+08:00', outcome: 'objections_pending' },
    });
    expect(report.objections).toHaveLength(2);
    expect(report.objections[0]).toMatchObject({
      no: 1,
      anonymous: false,
      objector: { personId: 'p_2024020202', name: '袁梦' },
      handling: { outcome: 'dismissed', handledByName: '宋雨' },
    });
    expect(report.objections[1]).toMatchObject({ no: 2, anonymous: true, objector: null, submittedAt: '2026-09-29' });
    const stored = await emu.server.db.collection('notice_archives').findOne({ _id: noticeId });
    expect(JSON.stringify(stored)).not.toMatch(/p_2024020203|邹明|objectorKey/);
  });

  it('re-files the archive when the pending objection is handled after closing: 有异议（已处理）', async () => {
    const r = expectOk(
      await emu.as('info_lb2_sec', 'notices.handleObjection', {
        objectionId: anonymousId,
        investigation: '经向支部委员逐一了解，未发现拉票行为。',
        outcome: 'dismissed',
      }),
    );
    expect(r).toMatchObject({ noticeOutcome: 'objections_handled' });
    const report = expectOk(await emu.as<NoticeArchiveView>('info_lb2_sec', 'notices.closeReport', { noticeId }));
    expect(report.closed?.outcome).toBe('objections_handled');
    expect(report.objections[1].handling).toMatchObject({ outcome: 'dismissed', handledByName: '宋雨' });
    expect((await emu.server.db.collection('notice_archives').findOne({ _id: noticeId }))?.revision).toBe(2);
    expect(expectOk(await get('info_league1')).closed?.outcomeLabel).toBe('异议已核实处理');
    // What was filed at the close is still on the record, unchanged: the later handling is a new revision.
    expect(report).toMatchObject({ revision: 2, filedOutcomeLabel: '尚有异议待处理' });
    const revisions = (await emu.server.db.collection('notice_archive_revisions').find({ noticeId })) as {
      _id: string;
      revision: number;
      closed: { outcome: string };
      objections: { handling: unknown }[];
    }[];
    expect(revisions.map((r) => [r._id, r.revision, r.closed.outcome]).sort()).toEqual([
      [`${noticeId}_r1`, 1, 'objections_pending'],
      [`${noticeId}_r2`, 2, 'objections_handled'],
    ]);
    expect(revisions.find((r) => r.revision === 1)?.objections[1].handling).toBeNull();
    expect(JSON.stringify(revisions)).not.toMatch(/p_2024020203|邹明|objectorKey/);
  });

  it('leaves the audit chain intact', async () => {
    expect(expectOk(await emu.as('admin', 'audit.verify', {}))).toMatchObject({ ok: true, firstBroken: null });
  });
});

describe('withdrawal', () => {
  it('withdraws an open notice with its reason on the record, and files what was posted', async () => {
    emu.host.setClock(sh('2026-10-12 09:00'));
    const { noticeId: id } = expectOk(
      await emu.as<{ noticeId: string }>(
        'info_lb2_sec',
        'notices.create',
        tuiyouDraft({ window: { start: '2026-10-12', length: 5, unit: 'workday' } }),
      ),
    );
    expectOk(await emu.as('info_lb2_sec', 'notices.publish', { noticeId: id }));
    expect(
      expectOk(
        await emu.as('info_lb2_sec', 'notices.withdraw', { noticeId: id, reason: '推荐人选信息有误，更正后重发。' }),
      ),
    ).toEqual({ noticeId: id, state: 'withdrawn' });
    expect(expectOk(await emu.as<NoticeDetailView>('info_league1', 'notices.get', { noticeId: id }))).toMatchObject({
      state: 'withdrawn',
      withdrawn: { reason: '推荐人选信息有误，更正后重发。' },
      can: { object: false },
    });
    const report = expectOk(await emu.as<NoticeArchiveView>('info_officer', 'notices.closeReport', { noticeId: id }));
    expect(report).toMatchObject({
      withdrawn: { reason: '推荐人选信息有误，更正后重发。' },
      closed: null,
      objections: [],
    });
  });
});
