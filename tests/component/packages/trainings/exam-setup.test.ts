/** 考试设置 (packages/trainings/exam-setup/index): a paper with its key as letters, or an offline exam. */
import { worldInput, worldReply } from '../../../support/world-views';
import { loadPage } from '../../harness';

const load = (programId: string) =>
  loadPage('packages/trainings/exam-setup/index', {
    query: { programId },
    responses: {
      'trainings.createOptions': worldReply('trainings.createOptions.officer'),
      'trainings.setExam': worldReply('trainings.setExam.new'),
    },
  });

describe('setting the exam', () => {
  it('sends the paper with the key as option indexes and the deadline in Beijing time', async () => {
    const input = worldInput('trainings.setExam.new');
    const p = await load(input.programId);
    await p.trigger('#pass-input', 'change', { value: String(input.passMark) });
    await p.trigger('#deadline-input', 'change', { value: input.deadline.slice(0, 16).replace('T', ' ') });
    await p.trigger('#question-0 .q-text', 'change', { value: '入党誓词包括？' });
    await p.tap('#question-0 .kind');
    await p.trigger('#kind-picker', 'confirm', { value: ['multiple'], label: [''] });
    await p.trigger('#question-0 .q-options', 'change', { value: '拥护党的纲领\n遵守党的章程\n\n随时退党' });
    await p.trigger('#question-0 .q-answer', 'change', { value: 'ba' });
    await p.trigger('#question-0 .q-points', 'change', { value: '20' });
    await p.tap('#add-question');
    await p.tap('#question-1 .kind');
    await p.trigger('#kind-picker', 'confirm', { value: ['truefalse'], label: [''] });
    await p.trigger('#question-1 .q-text', 'change', { value: '发展对象须经过集中培训。' });
    await p.trigger('#question-1 .q-answer', 'change', { value: 'A' });
    await p.tap('#save-button');
    expect(p.callsOf('trainings.setExam')[0].input).toEqual(input);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('names the question to fix before sending anything', async () => {
    const p = await load(worldInput('trainings.setExam.new').programId);
    await p.trigger('#pass-input', 'change', { value: '6' });
    await p.trigger('#deadline-input', 'change', { value: '2027-03-13 18:00' });
    await p.trigger('#question-0 .q-text', 'change', { value: '题一' });
    await p.trigger('#question-0 .q-options', 'change', { value: '甲\n乙' });
    await p.trigger('#question-0 .q-answer', 'change', { value: 'C' });
    await p.tap('#save-button');
    expect(p.text('#setup-error')).toBe('第 1 题：答案请填选项字母（如 A 或 AC），且在选项范围内');
    expect(p.callsOf('trainings.setExam')).toHaveLength(0);
  });

  it('sets an offline exam with its full marks', async () => {
    const input = worldInput('trainings.setExam.offline');
    const p = await loadPage('packages/trainings/exam-setup/index', {
      query: { programId: input.programId },
      responses: {
        'trainings.createOptions': worldReply('trainings.createOptions.officer'),
        'trainings.setExam': worldReply('trainings.setExam.offline'),
      },
    });
    await p.tap('#mode-offline');
    await p.trigger('#pass-input', 'change', { value: String(input.passMark) });
    await p.trigger('#deadline-input', 'change', { value: input.deadline.slice(0, 16).replace('T', ' ') });
    await p.tap('#save-button');
    expect(p.callsOf('trainings.setExam')[0].input).toEqual(input);
  });
});
