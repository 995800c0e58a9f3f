/**
 * 发展党员待办 (packages/pipeline/todo/index): the reminder offer. WeChat's consent sheet is asked at the tap; each
 * acceptance is one consent the server records (one consent, one message); without one, the list is the reminder.
 */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';
import { answerSheet } from '../../wx-stubs';

const PAGE = 'packages/pipeline/todo/index';
const TODO = worldView('pipeline.todo.secretary');
const STATUS = worldView('pipeline.reminderStatus.secretary');

describe('发展党员待办 · 到期提醒', () => {
  it('asks WeChat for the school’s template at the tap and records the consent', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'pipeline.todo': ok(TODO),
        'pipeline.reminderStatus': ok(STATUS),
        'pipeline.acceptReminder': worldReply('pipeline.acceptReminder.secretary'),
      },
    });
    expect(p.text('#remind')).toContain('未订阅时，请以本页待办为准');
    const asked = answerSheet('accept');
    await p.tap('#remind');
    await p.settle();
    expect(asked.map((a) => a.tmplIds)).toEqual([[STATUS.templateId]]);
    expect(p.callsOf('pipeline.acceptReminder')[0].input).toEqual(worldInput('pipeline.acceptReminder.secretary'));
    expect(p.text('#remind-count')).toContain('还可提醒 1 次');
    expect(p.toasts).toContain('到期前将以微信消息提醒您一次');
  });

  it('records nothing when the person declines, and keeps the list without the offer when it cannot load', async () => {
    const p = await loadPage(PAGE, {
      responses: { 'pipeline.todo': ok(TODO), 'pipeline.reminderStatus': ok(STATUS) },
    });
    answerSheet('reject');
    await p.tap('#remind');
    await p.settle();
    expect(p.callsOf('pipeline.acceptReminder')).toEqual([]);
    const without = await loadPage(PAGE, {
      responses: { 'pipeline.todo': ok(TODO), 'pipeline.reminderStatus': fail('INTERNAL') },
    });
    expect(without.exists('#remind')).toBe(false);
    expect(without.text(`#todo-${TODO[0].caseId}`)).toContain(TODO[0].personName);
  });
});
