/**
 * 支委会决定 (packages/votes/decision/index): the branch committee's grades after a democratic evaluation (C1–C4),
 * counted against the 优秀 quota, and recorded.
 */
import path from 'node:path';
import type { Grade } from '../../../../typings/actions/votes';
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, MP_ROOT, ok } from '../../harness';

// Loaded at run time and typed here: the mini-program's services need the wx typings the root tsconfig leaves out.
const { gradeCounter } = require(path.join(MP_ROOT, 'services/votes/decision')) as {
  gradeCounter(
    limit: number | null,
    rows: readonly { grade: Grade | '' }[],
  ): { excellent: number; limit: number | null; text: string; over: boolean };
};

/**
 * The demo world's info League evaluation, closed this morning, as the college officer who grades it sees it
 * (6 members, 优秀 limited to 1), and after he graded it.
 */
const GRADING = worldView('votes.resolution.league_evaluation_closed_now.officer');
const DECIDED = worldView('votes.resolution.league_evaluation_decided.officer');
const AS_OFFICER = worldReply('votes.get.league_evaluation_closed_now.officer');
const AS_VOTER = worldReply('votes.get.league_evaluation_closed_now.voter');
/** What he sent: one 优秀 (the member the meeting rated 优秀 most), the rest 合格. */
const SENT = worldInput('votes.recordDecision.league_evaluation');
const query = { voteId: GRADING.voteId };
const ids = GRADING.lines.map((l) => l.candidateId);
const limit = GRADING.excellentLimit!;

describe('优秀名额 (C2, C4)', () => {
  it('counts 优秀 against the limit the resolution carries', () => {
    const rows = (grades: string[]) => grades.map((grade) => ({ grade: grade as Grade | '' }));
    expect(gradeCounter(2, rows(['excellent', 'excellent', '', '', '', '']))).toEqual({
      excellent: 2,
      limit: 2,
      text: '优秀 2 / 上限 2',
      over: false,
    });
    expect(gradeCounter(1, rows(['excellent', 'excellent', '', '', '', '']))).toMatchObject({
      limit: 1,
      text: '优秀 2 / 上限 1',
      over: true,
    });
    expect(gradeCounter(null, rows(['excellent', '']))).toEqual({
      excellent: 1,
      limit: null,
      text: '优秀 1',
      over: false,
    });
  });
});

describe('支委会评定等次', () => {
  it('is offered on a counted evaluation without a decision, to its manager only', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query,
      responses: { 'votes.resolution': ok(GRADING), 'votes.get': AS_OFFICER },
    });
    expect(p.text('#decision-button')).toContain('记录支委会评定等次');
    await p.tap('#decision-button');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/votes/decision/index?voteId=${GRADING.voteId}` },
    ]);

    const decided = await loadPage('packages/votes/result/index', {
      query,
      responses: { 'votes.resolution': ok(DECIDED), 'votes.get': AS_OFFICER },
    });
    expect(decided.exists('#decision-button')).toBe(false);
    const first = DECIDED.decision!.grades[0];
    expect(decided.text('#decision')).toContain(`${first.name}：${first.gradeLabel}`);

    const voter = await loadPage('packages/votes/result/index', {
      query,
      responses: { 'votes.resolution': ok(GRADING), 'votes.get': AS_VOTER },
    });
    expect(voter.exists('#decision-button')).toBe(false);
  });

  it('still calls the 推优 button by its name', async () => {
    const tuiyou = worldView('votes.resolution.tuiyou_closed.secretary');
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: tuiyou.voteId },
      responses: {
        // Before the committee decided (the world's decided the next day).
        'votes.resolution': ok({ ...tuiyou, decision: null }),
        'votes.get': worldReply('votes.get.tuiyou_closed.secretary'),
      },
    });
    expect(p.text('#decision-button')).toContain('记录支委会推优决定');
  });

  it('grades each member with the rating beside, counts 优秀 live and records the grades', async () => {
    const p = await loadPage('packages/votes/decision/index', {
      query,
      responses: {
        'votes.resolution': ok(GRADING),
        'votes.recordDecision': worldReply('votes.recordDecision.league_evaluation'),
      },
    });
    expect(p.count('.dc-row')).toBe(ids.length);
    const g = GRADING.lines[0].grades!;
    expect(p.text(`#grade-${ids[0]}`)).toContain(
      `优秀 ${g.excellent} · 合格 ${g.qualified} · 基本合格 ${g.basically_qualified} · 不合格 ${g.unqualified}`,
    );
    expect(p.text('#grade-counter')).toContain(`优秀 0 / 上限 ${limit}`);

    await p.trigger('#minutes-input', 'change', { value: SENT.minutesRef });
    await p.tap('#submit-button');
    expect(p.callsOf('votes.recordDecision')).toHaveLength(0);
    expect(p.text(`#grade-${ids[0]}`)).toContain('请选择等次');
    expect(p.text('#grades-error')).toBe('尚有成员未评定等次');

    for (const id of ids) await p.tap(`#grade-${id} .grade-excellent`);
    expect(p.text('#grade-counter')).toContain(`优秀 ${ids.length} / 上限 ${limit}`);
    expect(p.text('#grade-counter')).toContain('已超过上限，请调整');
    expect(p.text(`#grade-${ids[0]}`)).not.toContain('请选择等次');

    const sent = SENT.decision.type === 'grades' ? SENT.decision.grades : [];
    for (const { personId, grade } of sent)
      if (grade !== 'excellent') await p.tap(`#grade-${personId} .grade-${grade}`);
    expect(p.text('#grade-counter')).toContain(`优秀 1 / 上限 ${limit}`);
    expect(p.exists('.dc-counter--over')).toBe(false);
    await p.tap('#submit-button');
    const input = p.callsOf('votes.recordDecision')[0].input as { decision: unknown; minutesRef: string };
    expect(input.minutesRef).toBe(SENT.minutesRef);
    expect(input.decision).toEqual(SENT.decision);
    expect(p.toasts).toContain('评定等次已记录');
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('shows the server’s quota and roster refusals where they belong', async () => {
    // The world's officer first graded everyone 优秀 and was refused.
    const over = worldReply('votes.recordDecision.league_evaluation.over');
    const p = await loadPage('packages/votes/decision/index', {
      query,
      responses: { 'votes.resolution': ok(GRADING), 'votes.recordDecision': over },
    });
    for (const id of ids) await p.tap(`#grade-${id} .grade-excellent`);
    await p.trigger('#minutes-input', 'change', { value: SENT.minutesRef });
    await p.tap('#submit-button');
    expect(p.callsOf('votes.recordDecision')).toHaveLength(1);
    if (over.ok) throw new Error('the world was expected to refuse');
    expect(p.text('#grades-error')).toBe(`${over.error.message}：${over.error.fields!.grades}`);
    expect(p.navigations).toEqual([]);

    // A refusal about one member goes beside that member (the world has none: the code with a field).
    const q = await loadPage('packages/votes/decision/index', {
      query,
      responses: {
        'votes.resolution': ok(GRADING),
        'votes.recordDecision': fail('NOT_GRADED', { fields: { [ids[0]]: '预备党员不确定等次' } }),
      },
    });
    for (const id of ids) await q.tap(`#grade-${id} .grade-qualified`);
    await q.trigger('#minutes-input', 'change', { value: SENT.minutesRef });
    await q.tap('#submit-button');
    expect(q.text(`#grade-${ids[0]}`)).toContain('预备党员不确定等次');
  });

  it('says so when the grades are already recorded', async () => {
    const p = await loadPage('packages/votes/decision/index', {
      query,
      responses: { 'votes.resolution': ok(DECIDED) },
    });
    expect(p.text('#page-state')).toContain('支部委员会的决定已记录');
  });
});
