/** 结业考试 (packages/trainings/exam/index): the paper without its key, one submission, the score. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const EXAM = 'packages/trainings/exam/index';
/** The members' exam as 彭悦 sees it before submitting, and her submission. */
const PAPER = worldView('trainings.exam.members.paper');

describe('the exam', () => {
  it('sends the choice made per question and shows the score', async () => {
    const input = worldInput('trainings.submitExam.members');
    const p = await loadPage(EXAM, {
      query: { programId: PAPER.programId },
      responses: {
        'trainings.exam': [ok(PAPER), worldReply('trainings.exam.members.submitted')],
        'trainings.submitExam': worldReply('trainings.submitExam.members'),
      },
    });
    expect(p.text()).not.toContain('答案：');
    for (const a of input.answers) {
      // Tap another option first: a single choice replaces it.
      await p.tap(`#q-${a.questionId} .option`, a.choice[0] === 0 ? 1 : 0);
      await p.tap(`#q-${a.questionId} .option`, a.choice[0]);
    }
    expect(p.count('.option--selected')).toBe(input.answers.length);
    await p.tap('#submit-button');
    expect(p.callsOf('trainings.submitExam')[0].input).toEqual(input);
    expect(p.text('#result')).toContain('50 分（满分 100），不合格');
    expect(p.exists('#submit-button')).toBe(false);
  });

  it('shows a passed exam without the paper', async () => {
    const p = await loadPage(EXAM, {
      query: { programId: PAPER.programId },
      responses: { 'trainings.exam': worldReply('trainings.exam.members.done') },
    });
    expect(p.text('#result')).toContain('100 分（满分 100），合格');
    expect(p.exists('#submit-button')).toBe(false);
  });
});

describe('an exam after its deadline', () => {
  it('sends one choice for single choice and several for multiple choice, then shows the refusal', async () => {
    const input = worldInput('trainings.submitExam.late');
    const refused = worldReply('trainings.submitExam.late');
    const paper = worldView('trainings.exam.candidates.missed');
    const p = await loadPage(EXAM, {
      query: { programId: paper.programId },
      responses: { 'trainings.exam': ok(paper), 'trainings.submitExam': refused },
    });
    await p.tap('#q-q1 .option', 1);
    await p.tap('#q-q1 .option', 0);
    await p.tap('#q-q2 .option', 0);
    await p.tap('#q-q2 .option', 2);
    expect(p.count('.option--selected')).toBe(3);
    await p.tap('#submit-button');
    expect(p.callsOf('trainings.submitExam')[0].input).toEqual(input);
    expect(p.toasts).toEqual([refused.ok ? '' : refused.error.message]);
  });
});
