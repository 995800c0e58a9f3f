/** 公示详情 (packages/notices/detail/index): what a reader sees and may object to, and what officers see besides. */
import type { NoticeDetailView } from '../../../../typings/actions/notices';
import { worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok, type Responses } from '../../harness';

/** The demo world's notices as the reader (or officer) of each state was shown them. */
const DETAIL_OPEN = worldView('notices.get.open.student');
const DETAIL_OPEN_OFFICER = worldView('notices.get.open.officer');
const DETAIL_CLOSED = worldView('notices.get.closed_pending.student');
const DETAIL_ENDED_OFFICER = worldView('notices.get.closed_pending.secretary');
const DETAIL_WITHDRAWN = worldView('notices.get.withdrawn.student');
const DETAIL_SCHEDULED = worldView('notices.get.scheduled.student');
const DETAIL_DRAFT = worldView('notices.get.draft.secretary');

/** 2026-11-25 → 2026年11月25日 */
const ymd = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/** The same without the year, for the end of a window within one year. */
const md = (d: string) => ymd(d).slice(5);

const PAGE = 'packages/notices/detail/index';

function open(view: NoticeDetailView, responses: Responses = {}) {
  return loadPage(PAGE, { query: { noticeId: view.id }, responses: { 'notices.get': ok(view), ...responses } });
}

const TEXT = '名单中冯晨同志本学期的团员教育评议尚未完成，请核实。';

describe('公示详情 (reader)', () => {
  it('shows the notice: title, kind, state, window with its counting, countdown, people, scope, body', async () => {
    const p = await open(DETAIL_OPEN);
    expect(p.callsOf('notices.get')[0].input).toEqual({ noticeId: DETAIL_OPEN.id });
    const text = p.text();
    expect(text).toContain(DETAIL_OPEN.title);
    expect(text).toContain(DETAIL_OPEN.kindLabel);
    expect(p.text('#state-tag')).toBe('公示中');
    const w = DETAIL_OPEN.window;
    expect(p.text('#countdown')).toBe(`剩余 ${DETAIL_OPEN.countdown!.remaining} 天`);
    expect(p.text('#window')).toContain(`${ymd(w.start)}至${md(w.end)}`);
    expect(p.text('#window')).toContain(`自${ymd(w.start)}起${w.length}天（开始当日计入）`);
    expect(p.text('#subjects')).toBe(DETAIL_OPEN.subjects.map((s) => s.name).join('、'));
    expect(p.text('#scope')).toBe(DETAIL_OPEN.scope.map((s) => s.unitName).join('、'));
    expect(p.text('#body')).toContain(DETAIL_OPEN.body);
    expect(p.exists('#objection-form')).toBe(true);
    expect(p.exists('#admin-withdraw')).toBe(false);
  });

  it('submits a real-name objection and shows the confirmation', async () => {
    const p = await open(DETAIL_OPEN, {
      'notices.object': worldReply('notices.object.submitted'),
    });
    expect(p.text('#anonymity-note')).toContain('会看到您的姓名');
    await p.trigger('#objection-text', 'change', { value: `  ${TEXT} ` });
    await p.tap('#submit-objection');
    expect(p.callsOf('notices.object').map((c) => c.input)).toEqual([
      { noticeId: DETAIL_OPEN.id, text: TEXT, anonymous: false },
    ]);
    expect(p.text('#objection-done')).toContain('异议已提交');
    expect(p.exists('#objection-form')).toBe(false);
    await p.tap('#done-my-objections');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/notices/my-objections/index' }]);
  });

  it('submits anonymously and explains what anonymity means', async () => {
    const p = await open(DETAIL_OPEN, { 'notices.object': worldReply('notices.object.submitted') });
    await p.trigger('#anonymous-switch', 'change', { value: true });
    expect(p.text('#anonymity-note')).toContain('处理异议的工作人员看不到是谁提交的');
    expect(p.text('#anonymity-note')).toContain('您本人仍可在「我的异议」中查看');
    await p.trigger('#objection-text', 'change', { value: TEXT });
    await p.tap('#submit-objection');
    expect(p.callsOf('notices.object')[0].input).toEqual({ noticeId: DETAIL_OPEN.id, text: TEXT, anonymous: true });
  });

  it('asks for the text before sending anything', async () => {
    const p = await open(DETAIL_OPEN);
    await p.trigger('#objection-text', 'change', { value: '   ' });
    await p.tap('#submit-objection');
    expect(p.callsOf('notices.object')).toHaveLength(0);
    expect(p.text('#text-error')).toBe('请填写异议内容');
  });

  it.each([
    ['OBJECTION_EMPTY', '请填写异议内容'],
    ['CONTENT_REJECTED', '内容含有不适宜的信息，请修改后重试'],
  ] as const)('shows %s from the server under the text', async (code, message) => {
    const p = await open(DETAIL_OPEN, { 'notices.object': fail(code, { fields: { text: '不能为空' } }) });
    await p.trigger('#objection-text', 'change', { value: TEXT });
    await p.tap('#submit-objection');
    expect(p.text('#text-error')).toBe(message);
    expect(p.toasts).toEqual([]); // the message sits under the field; no toast repeats it
    expect(p.exists('#objection-form')).toBe(true);
  });

  it('shows the notice as it now is when it closed before the objection arrived', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: DETAIL_OPEN.id },
      responses: { 'notices.get': [ok(DETAIL_OPEN), ok(DETAIL_CLOSED)], 'notices.object': fail('NOTICE_CLOSED') },
    });
    await p.trigger('#objection-text', 'change', { value: TEXT });
    await p.tap('#submit-objection');
    expect(p.toasts).toEqual(['公示期已结束']);
    expect(p.callsOf('notices.get')).toHaveLength(2);
    expect(p.exists('#objection-form')).toBe(false);
    expect(p.text('#banner')).toContain(`公示结果：${DETAIL_CLOSED.closed!.outcomeLabel}`);
  });

  it('hides the form once closed and gives the outcome', async () => {
    const p = await open(DETAIL_CLOSED);
    expect(p.text('#state-tag')).toBe('已结束');
    expect(p.text('#banner')).toContain('公示期已结束');
    expect(p.text('#banner')).toContain(`公示结果：${DETAIL_CLOSED.closed!.outcomeLabel}`);
    expect(p.exists('#objection-form')).toBe(false);
    expect(p.exists('#countdown')).toBe(false);
  });

  it('gives the reason of a withdrawal', async () => {
    const p = await open(DETAIL_WITHDRAWN);
    const withdrawn = DETAIL_WITHDRAWN.withdrawn!;
    expect(p.text('#banner')).toContain(`该公示已于${ymd(withdrawn.at.slice(0, 10))}撤回`);
    expect(p.text('#banner')).toContain(`撤回理由：${withdrawn.reason}`);
    expect(p.exists('#objection-form')).toBe(false);
  });

  it('says when objections open on a scheduled notice, and marks a provisional window', async () => {
    const p = await open(DETAIL_SCHEDULED);
    expect(p.text('#countdown')).toBe('尚未开始');
    expect(p.exists('#provisional')).toBe(false);
    expect(p.text('#window')).toContain(`${ymd(DETAIL_SCHEDULED.window.start)}开始公示，届时可在本页提出异议`);
    expect(p.exists('#objection-form')).toBe(false);
    // A window reaching into a year whose holiday notice is not out yet is provisional (none in the world today).
    const q = await open({ ...DETAIL_SCHEDULED, window: { ...DETAIL_SCHEDULED.window, provisional: true } });
    expect(q.text('#provisional')).toBe('（节假日安排未公布，暂按法定节假日推算）');
  });

  it('shows how the window moved once the holiday notice was out, and no longer calls it provisional', async () => {
    const note = '国务院办公厅节假日安排公布后重新计算：公示期结束日由2027-01-04改为2027-01-05';
    const p = await open({
      ...DETAIL_SCHEDULED,
      window: { ...DETAIL_SCHEDULED.window, end: '2027-01-05' },
      windowNotes: [note],
    });
    expect(p.text('#window')).toContain(note);
    expect(p.exists('#provisional')).toBe(false);
  });

  it('says so when the notice does not exist, and when it is out of reach', async () => {
    const gone = await loadPage(PAGE, {
      query: { noticeId: 'n_no_such_notice' },
      responses: { 'notices.get': worldReply('notices.get.missing') },
    });
    expect(gone.text('#page-state')).toContain('这条公示不存在或已被删除');
    const far = await loadPage(PAGE, {
      query: { noticeId: 'n-x' },
      responses: { 'notices.get': fail('OUT_OF_SCOPE') },
    });
    expect(far.text('#page-state')).toContain('这条公示不在您可查看的范围内');
  });
});

describe('公示详情 (officers)', () => {
  it('offers a draft’s officer edit and publish, and publishes after a confirm that says the text is frozen', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: DETAIL_DRAFT.id },
      responses: {
        'notices.get': [ok(DETAIL_DRAFT), worldReply('notices.get.draft_published.secretary')],
        'notices.publish': worldReply('notices.publish.draft'),
      },
    });
    expect(p.text('#banner')).toContain('草稿，尚未发布');
    expect(p.exists('#objection-form')).toBe(false);
    await p.tap('#admin-edit');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/notices-admin/edit/index?noticeId=${DETAIL_DRAFT.id}` },
    ]);

    await p.tap('#admin-publish');
    expect(p.instance.data.publishVisible).toBe(true);
    expect(p.text('#publish-dialog')).toContain('不能再修改');
    expect(p.text('#publish-dialog')).toContain(`${ymd(DETAIL_DRAFT.window.start)}至${md(DETAIL_DRAFT.window.end)}`);
    expect(p.callsOf('notices.publish')).toHaveLength(0);

    await p.trigger('#publish-dialog', 'confirm');
    expect(p.callsOf('notices.publish').map((c) => c.input)).toEqual([{ noticeId: DETAIL_DRAFT.id }]);
    expect(p.toasts).toEqual(['已发布，到开始日期后自动公示']);
    expect(p.text('#state-tag')).toBe('待公示');
    expect(p.exists('#admin-publish')).toBe(false);
  });

  it('keeps the draft when publishing is refused, and says why', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: DETAIL_DRAFT.id },
      responses: { 'notices.get': ok(DETAIL_DRAFT), 'notices.publish': fail('WINDOW_START_IN_PAST') },
    });
    await p.tap('#admin-publish');
    await p.trigger('#publish-dialog', 'confirm');
    expect(p.toasts).toEqual(['公示开始日期不能早于今天']);
    expect(p.text('#state-tag')).toBe('草稿');
  });

  it('withdraws only with a reason', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: DETAIL_OPEN_OFFICER.id },
      responses: {
        'notices.get': [ok(DETAIL_OPEN_OFFICER), worldReply('notices.get.open_withdrawn.officer')],
        'notices.withdraw': worldReply('notices.withdraw.open'),
      },
    });
    await p.tap('#admin-withdraw');
    await p.trigger('#withdraw-dialog >>> #reason-dialog', 'confirm');
    expect(p.callsOf('notices.withdraw')).toHaveLength(0);
    expect(p.text('#withdraw-dialog >>> #reason-error')).toBe('请填写撤回理由，读者会看到它');

    await p.trigger('#withdraw-dialog >>> #reason-input', 'change', { value: ' 名单有误 ' });
    await p.trigger('#withdraw-dialog >>> #reason-dialog', 'confirm');
    expect(p.callsOf('notices.withdraw').map((c) => c.input)).toEqual([
      { noticeId: DETAIL_OPEN_OFFICER.id, reason: '名单有误' },
    ]);
    expect(p.instance.data.withdraw.visible).toBe(false);
    expect(p.toasts).toEqual(['已撤回']);
    expect(p.text('#state-tag')).toBe('已撤回');
  });

  it('shows WITHDRAW_REASON_REQUIRED under the reason', async () => {
    const p = await open(DETAIL_OPEN_OFFICER, { 'notices.withdraw': fail('WITHDRAW_REASON_REQUIRED') });
    await p.tap('#admin-withdraw');
    await p.trigger('#withdraw-dialog >>> #reason-input', 'change', { value: '理由' });
    await p.trigger('#withdraw-dialog >>> #reason-dialog', 'confirm');
    expect(p.text('#withdraw-dialog >>> #reason-error')).toBe('请填写撤回理由');
    expect(p.instance.data.withdraw.visible).toBe(true);
  });

  it('leads to the objections with their counts, and to the record once ended', async () => {
    const p = await open(DETAIL_OPEN_OFFICER);
    const counts = DETAIL_OPEN_OFFICER.objectionCounts!;
    expect(p.text('#admin-objections')).toContain(`待处理 ${counts.pending} · 共 ${counts.total}`);
    expect(p.exists('#admin-report')).toBe(false);
    await p.tap('#admin-objections');

    const ended = DETAIL_ENDED_OFFICER;
    const q = await open(ended);
    await q.tap('#admin-report');
    expect([...p.navigations, ...q.navigations]).toEqual([
      { method: 'navigateTo', url: `/packages/notices-admin/objections/index?noticeId=${DETAIL_OPEN_OFFICER.id}` },
      { method: 'navigateTo', url: `/packages/notices-admin/report/index?noticeId=${ended.id}` },
    ]);
  });
});
