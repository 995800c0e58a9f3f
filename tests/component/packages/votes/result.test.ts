/**
 * 表决结果 (packages/votes/result/index): the resolution sheet as a voter and as the manager sees it, its export and
 * the 推优 decision.
 */
import { CANDIDATE_OUTCOME_LABELS, VOTE_OUTCOME_LABELS } from '../../../../typings/actions/votes';
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

/** The demo world's acceptance meeting after the close: one candidate, a written opinion counted. */
const RESOLUTION = worldView('votes.resolution.acceptance_closed.voter');
const LINE = RESOLUTION.lines[0];
/** The sport League branch's 推优, decided by its committee, and the same before the decision. */
const TUIYOU = worldView('votes.resolution.tuiyou_closed.secretary');
const UNDECIDED = { ...TUIYOU, decision: null };
const TUIYOU_AS_SECRETARY = worldReply('votes.get.tuiyou_closed.secretary');
const AS_VOTER = worldReply('votes.get.acceptance_closed.voter');
const AS_SECRETARY = worldReply('votes.get.acceptance_closed.secretary');
/** 2026-11-23 → 2026年11月23日 */
const ymd = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx;

const RESULT = 'packages/votes/result/index';
const query = { voteId: RESOLUTION.voteId };

describe('表决结果（管理）', () => {
  it('exports the resolution as text with every F4 item', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query,
      responses: { 'votes.resolution': ok(RESOLUTION), 'votes.get': AS_SECRETARY },
    });
    const copied: string[] = [];
    wx().setClipboardData = (o: { data: string; success?: () => void }) => {
      copied.push(o.data);
      o.success?.();
    };
    await p.tap('#export-button');
    const text = copied[0];
    const r = RESOLUTION;
    for (const t of [
      `${r.unitName}${r.kindLabel}表决结果`,
      `会议日期：${ymd(r.date)}`,
      `表决方式：${r.method}`,
      `依据：${r.ruleVersionLabel}`,
      `应到会有表决权人数 ${r.expected} 人，实到 ${r.present} 人，会前书面意见 ${r.writtenOpinions} 份`,
      `一、${LINE.name}：会场赞成 ${LINE.yes} 票，反对 ${LINE.no} 票，弃权 ${LINE.abstain} 票，无效 ${LINE.invalid} 票；会前书面意见赞成 ${LINE.writtenYes} 票`,
      `赞成合计 ${LINE.totalYes} 票，${LINE.outcomeLabel}`,
      `监票人：${r.scrutineers.join('、')}`,
    ])
      expect(text).toContain(t);
    expect(p.toasts).toContain('表决结果已复制，可粘贴到会议记录或文档中');
  });

  it('turns a decided 推优 into a 公示 draft and opens it for review', async () => {
    const draft = worldView('votes.noticeDraft.tuiyou_closed');
    const created = worldView('notices.create.from_tuiyou');
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: TUIYOU.voteId },
      responses: {
        'votes.resolution': ok(TUIYOU),
        'votes.get': TUIYOU_AS_SECRETARY,
        'votes.noticeDraft': ok(draft),
        'notices.create': worldReply('notices.create.from_tuiyou'),
      },
    });
    expect(p.exists('#decision-button')).toBe(false);
    await p.tap('#notice-button');
    expect(p.callsOf('notices.create')[0].input).toEqual(draft);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/notices-admin/edit/index?noticeId=${created.noticeId}` },
    ]);
  });

  it('offers no 公示 draft before the committee has decided', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: TUIYOU.voteId },
      responses: { 'votes.resolution': ok(UNDECIDED), 'votes.get': TUIYOU_AS_SECRETARY },
    });
    expect(p.exists('#notice-button')).toBe(false);
  });

  it('records the committee’s 推优 decision, with a reason for a passed candidate not recommended', async () => {
    const result = await loadPage('packages/votes/result/index', {
      query: { voteId: TUIYOU.voteId },
      responses: { 'votes.resolution': ok(UNDECIDED), 'votes.get': TUIYOU_AS_SECRETARY },
    });
    await result.tap('#decision-button');
    expect(result.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/votes/decision/index?voteId=${TUIYOU.voteId}` },
    ]);

    const [passed] = TUIYOU.lines;
    const p = await loadPage('packages/votes/decision/index', {
      query: { voteId: TUIYOU.voteId },
      // The answer is the decision the world's committee recorded.
      responses: { 'votes.resolution': ok(UNDECIDED), 'votes.recordDecision': ok(TUIYOU.decision!) },
    });
    await p.tap('#submit-button');
    expect(p.text(`#decide-${passed.candidateId}`)).toContain('请选择推荐或不推荐');
    await p.tap(`#decide-${passed.candidateId} .decline`);
    expect(p.instance.data.reason.visible).toBe(true);
    await p.trigger('#reason-input', 'change', { value: '本学期思想汇报未按时提交，待下学期考察' });
    await p.trigger('#reason-dialog', 'confirm');
    await p.trigger('#minutes-input', 'change', { value: TUIYOU.decision!.minutesRef });
    await p.tap('#submit-button');
    const input = p.callsOf('votes.recordDecision')[0].input as { decision: unknown; minutesRef: string };
    expect(input.minutesRef).toBe(TUIYOU.decision!.minutesRef);
    expect(input.decision).toEqual({
      type: 'tuiyou',
      recommended: [],
      declined: [{ candidateId: passed.candidateId, reason: '本学期思想汇报未按时提交，待下学期考察' }],
    });
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('says a candidate without the required 赞成 may not be recommended', async () => {
    // The world's 推优 candidate passed: the same count with too few 赞成.
    const failed = {
      ...UNDECIDED,
      lines: UNDECIDED.lines.map((l) => ({
        ...l,
        yes: 0,
        totalYes: 0,
        outcome: 'failed' as const,
        outcomeLabel: CANDIDATE_OUTCOME_LABELS.failed,
      })),
    };
    const p = await loadPage('packages/votes/decision/index', {
      query: { voteId: TUIYOU.voteId },
      responses: { 'votes.resolution': ok(failed) },
    });
    expect(p.text(`#decide-${failed.lines[0].candidateId}`)).toContain('未获得规定赞成票，不能推荐');
  });
});

describe('表决结果', () => {
  it('shows 应到, 实到, written opinions and each candidate’s counts and result', async () => {
    const p = await loadPage(RESULT, {
      query,
      responses: { 'votes.resolution': ok(RESOLUTION), 'votes.get': AS_VOTER },
    });
    const r = RESOLUTION;
    expect(p.text('#valid-banner')).toContain(r.outcomeLabel);
    expect(p.text('#method')).toBe(r.method);
    expect(p.text()).toContain(ymd(r.date));
    expect(p.text()).toContain(r.ruleVersionLabel);
    const counts = p.text('#counts');
    for (const t of [
      `${r.expected} 人应到`,
      `${r.present} 人实到`,
      `${r.writtenOpinions} 份书面意见`,
      `${r.ballotsReturned} 张收回选票`,
      `${r.ballotsInvalid} 张无效票`,
    ])
      expect(counts).toContain(t);
    const line = p.text(`#line-${LINE.candidateId}`);
    expect(line).toContain(LINE.outcomeLabel!);
    expect(line).toContain(`${LINE.yes}赞成${LINE.no}反对${LINE.abstain}弃权${LINE.invalid}无效`);
    expect(line).toContain(`书面意见：赞成 ${LINE.writtenYes} · 反对 ${LINE.writtenNo} · 弃权 ${LINE.writtenAbstain}`);
    expect(line).toContain(`赞成合计 ${LINE.totalYes} 票（会场 ${LINE.yes} + 书面意见 ${LINE.writtenYes}）`);
    // A voter reads the sheet and checks a code; exporting is the managers'.
    expect(p.exists('#verify-button')).toBe(true);
    expect(p.exists('#export-button')).toBe(false);
  });

  it('says plainly that a void vote decided nothing', async () => {
    // The world has no void meeting: its count with one ballot more returned than issued.
    const voided = {
      ...RESOLUTION,
      outcome: 'void' as const,
      outcomeLabel: VOTE_OUTCOME_LABELS.void,
      ballotsReturned: RESOLUTION.ballotsIssued + 1,
      // As the count says it: no candidate passes or fails in a void vote.
      lines: RESOLUTION.lines.map((l) => ({ ...l, outcome: null, outcomeLabel: null })),
    };
    const p = await loadPage(RESULT, { query, responses: { 'votes.resolution': ok(voided), 'votes.get': AS_VOTER } });
    expect(p.text('#void-banner')).toContain('本次表决无效');
    expect(p.text('#void-banner')).toContain('收回票数多于发出票数，表决无效，须重新投票');
    expect(p.exists('#valid-banner')).toBe(false);
    expect(p.text(`#line-${LINE.candidateId}`)).not.toContain('通过');
  });

  it('publishes no result before the close', async () => {
    const p = await loadPage(RESULT, {
      query,
      responses: {
        'votes.resolution': worldReply('votes.resolution.acceptance_open'),
        'votes.get': worldReply('votes.get.acceptance_open.ready'),
      },
    });
    expect(p.text('#page-state')).toContain('表决结束并当场计票后，才公布结果');
  });
});
