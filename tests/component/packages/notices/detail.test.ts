/** 公示详情 (packages/notices/detail/index): what a reader sees and may object to, and what officers see besides. */
import type { NoticeDetailView } from '../../../../typings/actions/notices';
import {
  DETAIL_CLOSED,
  DETAIL_DRAFT,
  DETAIL_OPEN,
  DETAIL_OPEN_OFFICER,
  DETAIL_SCHEDULED,
  DETAIL_WITHDRAWN,
} from '../../../support/demo-views/notices';
import { fail, loadPage, ok, type Responses } from '../../harness';

const PAGE = 'packages/notices/detail/index';

function open(view: NoticeDetailView, responses: Responses = {}) {
  return loadPage(PAGE, { query: { noticeId: view.id }, responses: { 'notices.get': ok(view), ...responses } });
}

const TEXT = '王浩然同志上学期有两门专业课缺考，请核实。';

describe('公示详情 (reader)', () => {
  it('shows the notice: title, kind, state, window with its counting, countdown, people, scope, body', async () => {
    const p = await open(DETAIL_OPEN);
    expect(p.callsOf('notices.get')[0].input).toEqual({ noticeId: DETAIL_OPEN.id });
    const text = p.text();
    expect(text).toContain(DETAIL_OPEN.title);
    expect(text).toContain('入党积极分子确定');
    expect(p.text('#state-tag')).toBe('公示中');
    expect(p.text('#countdown')).toBe('剩余 3 个工作日');
    expect(p.text('#window')).toContain('2026年11月19日至11月25日');
    expect(p.text('#window')).toContain('自2026年11月19日起5个工作日（开始当日计入）');
    expect(p.text('#subjects')).toBe('王浩然、周俊杰、张思远');
    expect(p.text('#scope')).toBe('体育学院学生党支部、篮球协会');
    expect(p.text('#body')).toContain('拟确定以下3名同志为入党积极分子');
    expect(p.exists('#objection-form')).toBe(true);
    expect(p.exists('#admin-withdraw')).toBe(false);
  });

  it('submits a real-name objection and shows the confirmation', async () => {
    const p = await open(DETAIL_OPEN, {
      'notices.object': ok({ objectionId: 'o-9', submittedAt: '2026-11-23T10:00:00+08:00' }),
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
    const p = await open(DETAIL_OPEN, { 'notices.object': ok({ objectionId: 'o-9', submittedAt: '' }) });
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
    expect(p.text('#banner')).toContain('公示结果：公示期间无异议');
  });

  it('hides the form once closed and gives the outcome', async () => {
    const p = await open(DETAIL_CLOSED);
    expect(p.text('#state-tag')).toBe('已结束');
    expect(p.text('#banner')).toContain('公示期已结束');
    expect(p.text('#banner')).toContain('公示结果：公示期间无异议');
    expect(p.exists('#objection-form')).toBe(false);
    expect(p.exists('#countdown')).toBe(false);
  });

  it('gives the reason of a withdrawal', async () => {
    const p = await open(DETAIL_WITHDRAWN);
    expect(p.text('#banner')).toContain('该公示已于2026年10月13日撤回');
    expect(p.text('#banner')).toContain('撤回理由：公示名单中副会长人选有误，更正后重新公示。');
    expect(p.exists('#objection-form')).toBe(false);
  });

  it('marks a provisional window and says when objections open', async () => {
    const p = await open(DETAIL_SCHEDULED);
    expect(p.text('#countdown')).toBe('尚未开始');
    expect(p.text('#provisional')).toBe('（节假日安排未公布，暂按法定节假日推算）');
    expect(p.text('#window')).toContain('2026年12月28日开始公示，届时可在本页提出异议');
    expect(p.exists('#objection-form')).toBe(false);
  });

  it('shows how the window moved once the holiday notice was out, and no longer calls it provisional', async () => {
    const note = '国务院办公厅节假日安排公布后重新计算：公示期结束日由2027-01-04改为2027-01-05';
    const p = await open({
      ...DETAIL_SCHEDULED,
      window: { ...DETAIL_SCHEDULED.window, end: '2027-01-05', provisional: false },
      windowNotes: [note],
    });
    expect(p.text('#window')).toContain(note);
    expect(p.exists('#provisional')).toBe(false);
  });

  it('says so when the notice does not exist, and when it is out of reach', async () => {
    const gone = await loadPage(PAGE, { query: { noticeId: 'n-x' }, responses: { 'notices.get': fail('NOT_FOUND') } });
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
    const published = { ...DETAIL_SCHEDULED, can: { ...DETAIL_SCHEDULED.can, withdraw: true } };
    const p = await loadPage(PAGE, {
      query: { noticeId: DETAIL_DRAFT.id },
      responses: {
        'notices.get': [ok(DETAIL_DRAFT), ok(published)],
        'notices.publish': ok({ noticeId: DETAIL_DRAFT.id, state: 'scheduled', window: DETAIL_DRAFT.window }),
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
    expect(p.text('#publish-dialog')).toContain('2026年12月28日至2027年1月4日');
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
    const withdrawn = { ...DETAIL_OPEN_OFFICER, ...DETAIL_WITHDRAWN, can: { ...DETAIL_WITHDRAWN.can } };
    const p = await loadPage(PAGE, {
      query: { noticeId: DETAIL_OPEN_OFFICER.id },
      responses: {
        'notices.get': [ok(DETAIL_OPEN_OFFICER), ok(withdrawn)],
        'notices.withdraw': ok({ noticeId: DETAIL_OPEN_OFFICER.id, state: 'withdrawn' }),
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
    expect(p.text('#admin-objections')).toContain('待处理 1 · 共 3');
    expect(p.exists('#admin-report')).toBe(false);
    await p.tap('#admin-objections');

    const ended = {
      ...DETAIL_CLOSED,
      objectionCounts: { total: 3, pending: 0 },
      can: { ...DETAIL_CLOSED.can, handleObjections: true },
    };
    const q = await open(ended);
    await q.tap('#admin-report');
    expect([...p.navigations, ...q.navigations]).toEqual([
      { method: 'navigateTo', url: `/packages/notices-admin/objections/index?noticeId=${DETAIL_OPEN_OFFICER.id}` },
      { method: 'navigateTo', url: `/packages/notices-admin/report/index?noticeId=${ended.id}` },
    ]);
  });
});
