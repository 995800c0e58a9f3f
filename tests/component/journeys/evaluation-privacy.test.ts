/**
 * 民主评议 results seen by a rater who is not an officer (C2, C4): the page shows their own grade and the 优秀 list,
 * never another member's grade or rating spread — and it shows only what the server sent (restrictGrades).
 */
import { restrictGrades } from '../../../server/actions/votes/views';
import {
  EVALUATION,
  EVALUATION_DECISION,
  evaluationClosedView,
  evaluationResolution,
} from '../../support/demo-views/votes';
import { loadPage, ok } from '../harness';

const rater = { ...evaluationClosedView(), canManage: false };

describe('民主评议 results for a rater', () => {
  it('shows the rater’s own grade and the 优秀 list, without anyone’s rating lines', async () => {
    const mine = EVALUATION_DECISION.grades[3];
    const view = restrictGrades(evaluationResolution(EVALUATION_DECISION), mine.id);
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: EVALUATION.id },
      responses: { 'votes.resolution': ok(view), 'votes.get': ok(rater) },
    });
    expect(p.text('#my-grade')).toContain(`您的评议等次：${mine.gradeLabel}`);
    expect(p.count('.line')).toBe(0);
    const excellent = EVALUATION_DECISION.grades.filter((g) => g.grade === 'excellent');
    for (const g of excellent) expect(p.text('#decision')).toContain(`${g.name}：优秀`);
    for (const g of EVALUATION_DECISION.grades.filter((x) => x.grade !== 'excellent')) {
      expect(p.text('#decision')).not.toContain(g.name);
    }
    expect(p.exists('#decision-button')).toBe(false);
  });

  it('tells the rater the grades are not decided yet', async () => {
    const view = restrictGrades(evaluationResolution(null), 'p-caol');
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: EVALUATION.id },
      responses: { 'votes.resolution': ok(view), 'votes.get': ok(rater) },
    });
    expect(p.text('#my-grade')).toContain('支部委员会尚未评定等次');
    expect(p.count('.line')).toBe(0);
  });

  it('keeps the full sheet for an officer', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: EVALUATION.id },
      responses: {
        'votes.resolution': ok(evaluationResolution(EVALUATION_DECISION)),
        'votes.get': ok(evaluationClosedView()),
      },
    });
    expect(p.exists('#my-grade')).toBe(false);
    expect(p.count('.line')).toBe(EVALUATION_DECISION.grades.length);
  });
});
