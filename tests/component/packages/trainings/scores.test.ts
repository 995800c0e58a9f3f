/** 录入成绩 (packages/trainings/scores/index): offline exam scores, blank ones left out. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

/** The sport college's 入党积极分子培训班 and its offline exam. */
const LIST = worldView('trainings.enrolment.activists');

describe('recording offline scores', () => {
  it('sends the scores filled in and leaves the blank ones out', async () => {
    const input = worldInput('trainings.recordScores.activists');
    const p = await loadPage('packages/trainings/scores/index', {
      query: { programId: LIST.programId },
      responses: {
        'trainings.enrolment': worldReply('trainings.enrolment.activists'),
        'trainings.recordScores': worldReply('trainings.recordScores.activists'),
      },
    });
    await p.tap('#save-button');
    expect(p.text('#scores-error')).toBe('请至少填写一人的成绩');
    const [one] = input.scores;
    await p.trigger(`#score-${one.personId}`, 'change', { value: String(one.score) });
    await p.tap('#save-button');
    expect(p.callsOf('trainings.recordScores')[0].input).toEqual(input);
    expect(p.toasts).toEqual(['已录入 1 人的成绩']);
  });
});
