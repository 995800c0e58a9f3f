/** 我的授课评价 (packages/trainings/ratings/index): a trainer's own averages, never who, none under 3 ratings. */
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const RATINGS = 'packages/trainings/ratings/index';

describe('my ratings as a trainer', () => {
  it('shows the averages per program and per session, and hides those from fewer than 3', async () => {
    const view = worldView('trainings.myRatings.zhao_lei');
    const p = await loadPage(RATINGS, {
      responses: { 'trainings.myRatings': worldReply('trainings.myRatings.zhao_lei') },
    });
    expect(p.text('#trainers')).toContain('讲师：赵磊（兼职讲师）');
    for (const prog of view.programs) {
      const text = p.text(`#program-${prog.programId}`);
      if (prog.rating) expect(text).toContain(`综合 ${prog.rating.overall}`);
      else if (prog.ratings > 0) expect(text).toContain(`${prog.ratings} 人评价，不足 3 人，暂不显示`);
      for (const s of prog.sessions) {
        const st = p.text(`#session-${s.sessionId}`);
        if (s.rating) expect(st).toContain(`（${s.rating.n} 人评价）`);
        else expect(st).not.toContain('综合');
      }
    }
    expect(view.programs.some((x) => x.rating === null && x.ratings > 0)).toBe(true);
  });

  it('tells someone who is not a trainer', async () => {
    const p = await loadPage(RATINGS, { responses: { 'trainings.myRatings': worldReply('trainings.myRatings.none') } });
    expect(p.text('#not-trainer')).toBe('您不在培训师资库中，没有授课评价');
  });
});
