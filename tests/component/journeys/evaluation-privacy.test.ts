/**
 * 民主评议 results seen by a rater who is not an officer (C2, C4): the page shows their own grade and the 优秀 list,
 * never another member's grade or rating spread — and it shows only what the server sent (the world's own answers
 * to a rater and to the officer who recorded the grades).
 */
import { worldReply, worldView } from '../../support/world-views';
import { loadPage, ok } from '../harness';

/** The sport party branch's 民主评议, graded by the college officer: as 曹宁 (a rater) and as the officer see it. */
const AS_RATER = worldView('votes.resolution.party_evaluation_closed.voter');
const FULL = worldView('votes.resolution.party_evaluation_closed.secretary');
const RATER_VOTE = worldReply('votes.get.party_evaluation_closed.voter');
const query = { voteId: FULL.voteId };

describe('民主评议 results for a rater', () => {
  it('shows the rater’s own grade and the 优秀 list, without anyone’s rating lines', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query,
      responses: { 'votes.resolution': ok(AS_RATER), 'votes.get': RATER_VOTE },
    });
    expect(p.text('#my-grade')).toContain(`您的评议等次：${AS_RATER.myGrade!.gradeLabel}`);
    expect(p.count('.line')).toBe(0);
    const grades = FULL.decision!.grades;
    for (const g of grades.filter((x) => x.grade === 'excellent'))
      expect(p.text('#decision')).toContain(`${g.name}：优秀`);
    for (const g of grades.filter((x) => x.grade !== 'excellent')) expect(p.text('#decision')).not.toContain(g.name);
    expect(p.exists('#decision-button')).toBe(false);
  });

  it('tells the rater the grades are not decided yet', async () => {
    // The info League evaluation, closed this morning, as a rater saw it before the officer graded it.
    const undecided = worldView('votes.resolution.league_evaluation_closed_now.voter');
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: undecided.voteId },
      responses: {
        'votes.resolution': ok(undecided),
        'votes.get': worldReply('votes.get.league_evaluation_closed_now.voter'),
      },
    });
    expect(p.text('#my-grade')).toContain('支部委员会尚未评定等次');
    expect(p.count('.line')).toBe(0);
  });

  it('keeps the full sheet for an officer', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query,
      responses: {
        'votes.resolution': ok(FULL),
        'votes.get': worldReply('votes.get.party_evaluation_closed.secretary'),
      },
    });
    expect(p.exists('#my-grade')).toBe(false);
    expect(p.count('.line')).toBe(FULL.decision!.grades.length);
  });
});
