/** 递交入党申请 (packages/pipeline/apply/index): the student applies to their home branch; refusals say why. */
import { worldInput, worldPersona, worldReply } from '../../../support/world-views';
import { fail, loadPage } from '../../harness';

const PAGE = 'packages/pipeline/apply/index';
/** 蒋文博 (sport_league1): a League member with no party branch on the roster yet. */
const STUDENT = worldPersona('sport_league1');

describe('递交入党申请', () => {
  it('is reached from 我的入党历程 before any application', async () => {
    const p = await loadPage('packages/pipeline/journey/index', {
      responses: { 'pipeline.mine': worldReply('pipeline.mine.none') },
    });
    await p.tap('#page-state >>> #status-action');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/pipeline/apply/index' }]);
  });

  it('sends the application to the party branch of the student’s college and opens the journey', async () => {
    const sent = worldInput('pipeline.apply.student');
    const p = await loadPage(PAGE, {
      responses: { ...STUDENT, 'pipeline.apply': worldReply('pipeline.apply.student') },
    });
    expect(p.text('#apply-branch')).toContain('体育学院学生党支部');
    await p.trigger('#statement-input', 'change', { value: sent.statement });
    await p.trigger('#birth-picker', 'confirm', { value: sent.birthDate });
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.apply')[0].input).toEqual(sent);
    expect(p.toasts).toContain('入党申请已递交');
    expect(p.navigations).toEqual([{ method: 'redirectTo', url: '/packages/pipeline/journey/index' }]);
  });

  it('shows the age rule that refused an application, with its source', async () => {
    const refusal = worldReply('pipeline.apply.underage');
    const sent = worldInput('pipeline.apply.underage');
    const p = await loadPage(PAGE, { responses: { ...STUDENT, 'pipeline.apply': refusal } });
    await p.trigger('#statement-input', 'change', { value: sent.statement });
    await p.trigger('#birth-picker', 'confirm', { value: sent.birthDate });
    await p.tap('#submit-button');
    if (refusal.ok) throw new Error('expected the recorded refusal');
    const gate = p.text('#gate-answer');
    expect(gate).toContain('A1');
    expect(gate).toContain('未满十八周岁');
    expect(gate).toContain(refusal.error.fields!.source);
    expect(p.navigations).toEqual([]);
  });

  it('asks an unbound user to bind first, and offers a retry on failure', async () => {
    const unbound = await loadPage(PAGE, { responses: worldPersona('newcomer') });
    expect(unbound.text('#page-state')).toContain('请先完成实名绑定');
    const broken = await loadPage(PAGE, {
      responses: { ...STUDENT, 'me.get': [fail('INTERNAL'), STUDENT['me.get']] },
    });
    expect(broken.text('#page-state')).toContain('系统繁忙，请稍后重试');
    await broken.tap('#page-state >>> #status-action');
    expect(broken.text('#apply-branch')).toContain('体育学院学生党支部');
  });
});
