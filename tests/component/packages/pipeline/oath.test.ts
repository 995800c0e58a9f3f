/**
 * 记录入党宣誓 (packages/pipeline/oath/index): the branch officer's oath form, fed by the demo world's recordings: on
 * 陶然's case (a 发展对象) the server refuses with STEP_OUT_OF_ORDER and the form shows the refusal whole; on 叶舟's
 * (a 预备党员 approved last week) 林思远 records the oath.
 */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';
import { answerSheet } from '../../wx-stubs';

const PAGE = 'packages/pipeline/oath/index';
const CANDIDATE = worldView('pipeline.get.candidate.info_secretary');
const NOT_SWORN = worldView('pipeline.get.probationary_no_oath.secretary');
const STATUS = worldView('pipeline.reminderStatus.info_secretary');

describe('记录入党宣誓', () => {
  it('sends the day, the place and who led the oath, and shows the server’s refusal on the form', async () => {
    const sent = worldInput('pipeline.recordOath.out_of_order');
    const refusal = worldReply('pipeline.recordOath.out_of_order');
    if (refusal.ok) throw new Error('expected the recorded refusal');
    expect(refusal.error.code).toBe('STEP_OUT_OF_ORDER');
    const p = await loadPage(PAGE, {
      query: { caseId: CANDIDATE.caseId },
      responses: {
        'pipeline.get': ok(CANDIDATE),
        'pipeline.reminderStatus': ok(STATUS),
        'pipeline.recordOath': refusal,
      },
    });
    expect(p.text('#oath-subject')).toContain(CANDIDATE.personName);
    answerSheet('reject');
    await p.trigger('#date-picker', 'confirm', { value: sent.on });
    await p.trigger('#place-input', 'change', { value: sent.place });
    await p.trigger('#leader-input', 'change', { value: sent.leaderName });
    await p.tap('#submit-button');
    await p.settle();
    expect(p.callsOf('pipeline.recordOath')[0].input).toEqual(sent);
    expect(p.text('#oath-refusal')).toContain(refusal.error.message);
    expect(p.navigations).toEqual([]);
    expect(p.callsOf('pipeline.acceptReminder')).toEqual([]);
  });

  it('asks for the deadline reminder at the tap, before the record is sent, and records an acceptance', async () => {
    const sent = worldInput('pipeline.recordOath.ok');
    expect(NOT_SWORN.may.oath).toBe(true);
    const p = await loadPage(PAGE, {
      query: { caseId: NOT_SWORN.caseId },
      responses: {
        'pipeline.get': ok(NOT_SWORN),
        'pipeline.reminderStatus': ok(STATUS),
        'pipeline.acceptReminder': worldReply('pipeline.acceptReminder.secretary'),
        'pipeline.recordOath': worldReply('pipeline.recordOath.ok'),
      },
    });
    expect(p.text('#remind-hint')).toContain('到期微信提醒');
    const asked = answerSheet('accept');
    expect(p.text('#oath-subject')).toContain(NOT_SWORN.personName);
    await p.trigger('#date-picker', 'confirm', { value: sent.on });
    await p.trigger('#place-input', 'change', { value: sent.place });
    await p.trigger('#leader-input', 'change', { value: sent.leaderName });
    await p.tap('#submit-button');
    await p.settle();
    expect(asked.map((a) => a.tmplIds)).toEqual([[STATUS.templateId]]);
    expect(p.callsOf('pipeline.recordOath')[0].input).toEqual(sent);
    const order = p.calls.map((c) => c.action);
    expect(order.indexOf('pipeline.acceptReminder')).toBeGreaterThan(-1);
    expect(order.indexOf('pipeline.acceptReminder')).toBeLessThan(order.indexOf('pipeline.recordOath'));
    expect(p.toasts).toContain('入党宣誓已记录');
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('says when the case cannot be loaded, and loads again on request', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: CANDIDATE.caseId },
      responses: { 'pipeline.get': [fail('INTERNAL'), ok(CANDIDATE)], 'pipeline.reminderStatus': ok(STATUS) },
    });
    expect(p.text('#page-state')).toContain('系统繁忙，请稍后重试');
    await p.tap('#page-state >>> #status-action');
    expect(p.text('#oath-subject')).toContain(CANDIDATE.personName);
  });
});
