/**
 * 支委会决定 (packages/votes/decision/index): the branch committee's grades after a democratic evaluation (C1–C4),
 * counted against the 优秀 quota, and recorded.
 */
import path from 'node:path';
import {
  EVALUATION,
  EVALUATION_DECISION,
  evaluationClosedView,
  evaluationResolution,
  tuiyouResolution,
} from '../../../support/demo-views/votes';
import type { Grade } from '../../../../typings/actions/votes';
import { fail, loadPage, MP_ROOT, ok } from '../../harness';

// Loaded at run time and typed here: the mini-program's services need the wx typings the root tsconfig leaves out.
const { gradeCounter } = require(path.join(MP_ROOT, 'services/votes/decision')) as {
  gradeCounter(
    limit: number | null,
    rows: readonly { grade: Grade | '' }[],
  ): { excellent: number; limit: number | null; text: string; over: boolean };
};

const RECORDED = { ...EVALUATION_DECISION };

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
      query: { voteId: EVALUATION.id },
      responses: { 'votes.resolution': ok(evaluationResolution()), 'votes.get': ok(evaluationClosedView()) },
    });
    expect(p.text('#decision-button')).toContain('记录支委会评定等次');
    await p.tap('#decision-button');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/votes/decision/index?voteId=${EVALUATION.id}` },
    ]);

    const decided = await loadPage('packages/votes/result/index', {
      query: { voteId: EVALUATION.id },
      responses: {
        'votes.resolution': ok(evaluationResolution(EVALUATION_DECISION)),
        'votes.get': ok(evaluationClosedView()),
      },
    });
    expect(decided.exists('#decision-button')).toBe(false);
    expect(decided.text('#decision')).toContain('韩雪：优秀');

    const voter = await loadPage('packages/votes/result/index', {
      query: { voteId: EVALUATION.id },
      responses: {
        'votes.resolution': ok(evaluationResolution()),
        'votes.get': ok({ ...evaluationClosedView(), canManage: false }),
      },
    });
    expect(voter.exists('#decision-button')).toBe(false);
  });

  it('still calls the 推优 button by its name', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: EVALUATION.id },
      responses: {
        'votes.resolution': ok(tuiyouResolution()),
        'votes.get': ok(evaluationClosedView()),
      },
    });
    expect(p.text('#decision-button')).toContain('记录支委会推优决定');
  });

  it('grades each member with the rating beside, counts 优秀 live and records the grades', async () => {
    const p = await loadPage('packages/votes/decision/index', {
      query: { voteId: EVALUATION.id },
      responses: { 'votes.resolution': ok(evaluationResolution()), 'votes.recordDecision': ok(RECORDED) },
    });
    expect(p.count('.dc-row')).toBe(6);
    expect(p.text('#grade-p-hanx')).toContain('优秀 7 · 合格 2 · 基本合格 0 · 不合格 0 · 弃权 0');
    expect(p.text('#grade-counter')).toContain('优秀 0 / 上限 2');

    await p.trigger('#minutes-input', 'change', { value: '体育学院学生党支委〔2026〕12号' });
    await p.tap('#submit-button');
    expect(p.callsOf('votes.recordDecision')).toHaveLength(0);
    expect(p.text('#grade-p-hanx')).toContain('请选择等次');
    expect(p.text('#grades-error')).toBe('尚有成员未评定等次');

    const grades = ['excellent', 'excellent', 'excellent', 'qualified', 'qualified', 'basically_qualified'];
    const ids = evaluationResolution().lines.map((l) => l.candidateId);
    for (const [i, id] of ids.entries()) await p.tap(`#grade-${id} .grade-${grades[i]}`);
    expect(p.text('#grade-counter')).toContain('优秀 3 / 上限 2');
    expect(p.text('#grade-counter')).toContain('已超过上限，请调整');
    expect(p.text('#grade-p-hanx')).not.toContain('请选择等次');

    await p.tap(`#grade-${ids[2]} .grade-qualified`);
    expect(p.text('#grade-counter')).toContain('优秀 2 / 上限 2');
    expect(p.exists('.dc-counter--over')).toBe(false);
    await p.tap('#submit-button');
    const input = p.callsOf('votes.recordDecision')[0].input as { decision: unknown; minutesRef: string };
    expect(input.minutesRef).toBe('体育学院学生党支委〔2026〕12号');
    expect(input.decision).toEqual({
      type: 'grades',
      grades: ids.map((personId, i) => ({ personId, grade: i === 2 ? 'qualified' : grades[i] })),
    });
    expect(p.toasts).toContain('评定等次已记录');
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('shows the server’s quota and roster refusals where they belong', async () => {
    const ids = evaluationResolution().lines.map((l) => l.candidateId);
    const p = await loadPage('packages/votes/decision/index', {
      query: { voteId: EVALUATION.id },
      responses: {
        'votes.resolution': ok(evaluationResolution()),
        'votes.recordDecision': fail('QUOTA_EXCEEDED', {
          message: '优秀不超过 1 名',
          fields: { grades: '评为优秀 2 名' },
        }),
      },
    });
    for (const [i, id] of ids.entries()) await p.tap(`#grade-${id} .grade-${i < 2 ? 'excellent' : 'qualified'}`);
    await p.trigger('#minutes-input', 'change', { value: '党支委〔2026〕12号' });
    await p.tap('#submit-button');
    expect(p.callsOf('votes.recordDecision')).toHaveLength(1);
    expect(p.text('#grades-error')).toBe('优秀不超过 1 名：评为优秀 2 名');
    expect(p.navigations).toEqual([]);

    const q = await loadPage('packages/votes/decision/index', {
      query: { voteId: EVALUATION.id },
      responses: {
        'votes.resolution': ok(evaluationResolution()),
        'votes.recordDecision': fail('NOT_GRADED', { fields: { [ids[0]]: '预备党员不确定等次' } }),
      },
    });
    for (const id of ids) await q.tap(`#grade-${id} .grade-qualified`);
    await q.trigger('#minutes-input', 'change', { value: '党支委〔2026〕12号' });
    await q.tap('#submit-button');
    expect(q.text(`#grade-${ids[0]}`)).toContain('预备党员不确定等次');
  });

  it('says so when the grades are already recorded', async () => {
    const p = await loadPage('packages/votes/decision/index', {
      query: { voteId: EVALUATION.id },
      responses: { 'votes.resolution': ok(evaluationResolution(EVALUATION_DECISION)) },
    });
    expect(p.text('#page-state')).toContain('支部委员会的决定已记录');
  });
});
