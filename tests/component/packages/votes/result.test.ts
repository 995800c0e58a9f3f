/**
 * 表决结果 (packages/votes/result/index): the resolution sheet as a voter and as the manager sees it, its export and
 * the 推优 decision.
 */
import {
  ACCEPTANCE,
  acceptanceForSecretary,
  acceptanceResolution,
  acceptanceView,
  TUIYOU,
  tuiyouResolution,
  tuiyouView,
  voidResolution,
} from '../../../support/demo-views/votes';
import { fail, loadPage, ok } from '../../harness';

const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx;

const RESULT = 'packages/votes/result/index';
const query = { voteId: ACCEPTANCE.id };

describe('表决结果（管理）', () => {
  it('exports the resolution as text with every F4 item', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: ACCEPTANCE.id },
      responses: {
        'votes.resolution': ok(acceptanceResolution()),
        'votes.get': ok(acceptanceForSecretary({ state: 'closed' })),
      },
    });
    const copied: string[] = [];
    wx().setClipboardData = (o: { data: string; success?: () => void }) => {
      copied.push(o.data);
      o.success?.();
    };
    await p.tap('#export-button');
    const text = copied[0];
    for (const t of [
      '体育学院学生党支部接收预备党员表决结果',
      '会议日期：2026年11月26日',
      '表决方式：无记名投票',
      '依据：细则（2014）',
      '应到会有表决权人数 11 人，实到 9 人，会前书面意见 1 份',
      '一、冯晨：会场赞成 8 票，反对 1 票，弃权 0 票，无效 0 票；会前书面意见赞成 1 票',
      '赞成合计 9 票，通过',
      '二、彭悦',
      '未通过',
      '监票人：邓佳琪',
    ])
      expect(text).toContain(t);
    expect(p.toasts).toContain('表决结果已复制，可粘贴到会议记录或文档中');
  });

  it('turns a decided 推优 into a 公示 draft and opens it for review', async () => {
    const decision = {
      voteId: TUIYOU.id,
      decidedOn: '2026-11-27',
      minutesRef: '团支委会〔2026〕5号',
      recordedBy: '黄子豪',
      recommended: [],
      declined: [],
      grades: [],
    };
    const draft = {
      unitId: 'lb-x',
      kind: 'tuiyou' as const,
      title: '推优公示',
      body: '拟推荐人选如下',
      subjects: [],
      scopeUnitIds: ['lb-x'],
      window: { start: '2026-11-30', length: 5, unit: 'workday' as const, counting: 'inclusive' as const },
    };
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: TUIYOU.id },
      responses: {
        'votes.resolution': ok(tuiyouResolution(decision)),
        'votes.get': ok(tuiyouView()),
        'votes.noticeDraft': ok(draft),
        'notices.create': ok({ noticeId: 'n-tuiyou', window: {} as never }),
      },
    });
    expect(p.exists('#decision-button')).toBe(false);
    await p.tap('#notice-button');
    expect(p.callsOf('notices.create')[0].input).toEqual(draft);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: '/packages/notices-admin/edit/index?noticeId=n-tuiyou' },
    ]);
  });

  it('offers no 公示 draft before the committee has decided', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: TUIYOU.id },
      responses: { 'votes.resolution': ok(tuiyouResolution()), 'votes.get': ok(tuiyouView()) },
    });
    expect(p.exists('#notice-button')).toBe(false);
  });

  it('records the committee’s 推优 decision, with a reason for a passed candidate not recommended', async () => {
    const result = await loadPage('packages/votes/result/index', {
      query: { voteId: TUIYOU.id },
      responses: { 'votes.resolution': ok(tuiyouResolution()), 'votes.get': ok(tuiyouView()) },
    });
    await result.tap('#decision-button');
    expect(result.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/votes/decision/index?voteId=${TUIYOU.id}` },
    ]);

    const p = await loadPage('packages/votes/decision/index', {
      query: { voteId: TUIYOU.id },
      responses: {
        'votes.resolution': ok(tuiyouResolution()),
        'votes.recordDecision': ok({
          voteId: TUIYOU.id,
          decidedOn: '',
          minutesRef: '',
          recordedBy: '',
          recommended: [],
          declined: [],
          grades: [],
        }),
      },
    });
    expect(p.text('#decide-p-zhangsy')).toContain('未获得规定赞成票，不能推荐');
    await p.tap('#submit-button');
    expect(p.text('#decide-p-chenjy')).toContain('请选择推荐或不推荐');
    await p.tap('#decide-p-chenjy .recommend');
    await p.tap('#decide-p-sunmy .decline');
    expect(p.instance.data.reason.visible).toBe(true);
    await p.trigger('#reason-input', 'change', { value: '本学期有一门课程不及格，待下学期考察' });
    await p.trigger('#reason-dialog', 'confirm');
    await p.trigger('#minutes-input', 'change', { value: '计2301团支委〔2026〕5号' });
    await p.tap('#submit-button');
    const input = p.callsOf('votes.recordDecision')[0].input as { decision: unknown; minutesRef: string };
    expect(input.minutesRef).toBe('计2301团支委〔2026〕5号');
    expect(input.decision).toEqual({
      type: 'tuiyou',
      recommended: ['p-chenjy'],
      declined: [{ candidateId: 'p-sunmy', reason: '本学期有一门课程不及格，待下学期考察' }],
    });
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });
});

describe('表决结果', () => {
  it('shows 应到, 实到, written opinions and each candidate’s counts and result', async () => {
    const p = await loadPage(RESULT, {
      query,
      responses: {
        'votes.resolution': ok(acceptanceResolution()),
        'votes.get': ok(acceptanceView({ state: 'closed' })),
      },
    });
    expect(p.text('#valid-banner')).toContain('表决有效');
    expect(p.text('#method')).toBe('无记名投票');
    expect(p.text()).toContain('2026年11月26日');
    expect(p.text()).toContain('细则（2014）');
    const counts = p.text('#counts');
    for (const t of ['11 人应到', '9 人实到', '1 份书面意见', '9 张收回选票', '0 张无效票'])
      expect(counts).toContain(t);
    const feng = p.text('#line-p-fengc');
    expect(feng).toContain('通过');
    expect(feng).toContain('8赞成1反对0弃权0无效');
    expect(feng).toContain('书面意见：赞成 1 · 反对 0 · 弃权 0');
    expect(feng).toContain('赞成合计 9 票（会场 8 + 书面意见 1）');
    expect(p.text('#line-p-pengy')).toContain('未通过');
    // A voter reads the sheet and checks a code; exporting is the managers'.
    expect(p.exists('#verify-button')).toBe(true);
    expect(p.exists('#export-button')).toBe(false);
  });

  it('says plainly that a void vote decided nothing', async () => {
    const p = await loadPage(RESULT, {
      query,
      responses: { 'votes.resolution': ok(voidResolution()), 'votes.get': ok(acceptanceView({ state: 'closed' })) },
    });
    expect(p.text('#void-banner')).toContain('本次表决无效');
    expect(p.text('#void-banner')).toContain('收回票数多于发出票数，表决无效，须重新投票');
    expect(p.exists('#valid-banner')).toBe(false);
    expect(p.text('#line-p-fengc')).not.toContain('通过');
  });

  it('publishes no result before the close', async () => {
    const p = await loadPage(RESULT, {
      query,
      responses: { 'votes.resolution': fail('RESULTS_SEALED'), 'votes.get': ok(acceptanceView()) },
    });
    expect(p.text('#page-state')).toContain('表决结束并当场计票后，才公布结果');
  });
});
