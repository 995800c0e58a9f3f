/**
 * 记录入党宣誓 (packages/pipeline/oath/index): the branch officer's oath form, fed by the demo world's recordings. The
 * world has no probationary member yet, so the form is shown on 陶然's case (a 发展对象) and the server's own refusal,
 * STEP_OUT_OF_ORDER, is what it answers; the form sends what was recorded and shows the refusal whole.
 */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

const PAGE = 'packages/pipeline/oath/index';
const CANDIDATE = worldView('pipeline.get.candidate.info_secretary');
const STATUS = worldView('pipeline.reminderStatus.info_secretary');

type Sheet = { tmplIds: string[]; success: (res: Record<string, string>) => void };
function answerSheet(answer: 'accept' | 'reject'): Sheet[] {
  const asked: Sheet[] = [];
  (globalThis as unknown as { wx: Record<string, unknown> }).wx.requestSubscribeMessage = (opts: Sheet) => {
    asked.push(opts);
    opts.success(Object.fromEntries(opts.tmplIds.map((t) => [t, answer])));
  };
  return asked;
}

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
    const sent = worldInput('pipeline.recordOath.out_of_order');
    const p = await loadPage(PAGE, {
      query: { caseId: CANDIDATE.caseId },
      responses: {
        'pipeline.get': ok(CANDIDATE),
        'pipeline.reminderStatus': ok(STATUS),
        'pipeline.acceptReminder': worldReply('pipeline.acceptReminder.secretary'),
        'pipeline.recordOath': ok({ recordId: 'pr_oath', caseId: CANDIDATE.caseId }),
      },
    });
    expect(p.text('#remind-hint')).toContain('到期微信提醒');
    const asked = answerSheet('accept');
    await p.trigger('#place-input', 'change', { value: sent.place });
    await p.trigger('#leader-input', 'change', { value: sent.leaderName });
    await p.tap('#submit-button');
    await p.settle();
    expect(asked.map((a) => a.tmplIds)).toEqual([[STATUS.templateId]]);
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
