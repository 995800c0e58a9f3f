/** 评价培训 (packages/trainings/rate/index): three scores and a comment, never shown with the rater. */
import { worldIds, worldInput, worldReply } from '../../../support/world-views';
import { fail, loadPage } from '../../harness';

const RATE = 'packages/trainings/rate/index';
const SESSION = () => worldIds().trainings['members.s2'];

describe('rating a session', () => {
  it('wants all three scores, then sends them with the comment', async () => {
    const input = worldInput('trainings.rate.members');
    const p = await loadPage(RATE, {
      query: { sessionId: SESSION(), title: '党章党规专题学习' },
      responses: { 'trainings.rate': worldReply('trainings.rate.members') },
    });
    await p.tap('#submit-button');
    expect(p.text('#rate-error')).toBe('请为三项都打分');
    expect(p.callsOf('trainings.rate')).toHaveLength(0);
    await p.trigger('#rate-content', 'change', { value: input.content });
    await p.trigger('#rate-delivery', 'change', { value: input.delivery });
    await p.trigger('#rate-usefulness', 'change', { value: input.usefulness });
    await p.trigger('#comment', 'change', { value: input.comment });
    await p.tap('#submit-button');
    expect(p.callsOf('trainings.rate')[0].input).toEqual(input);
    expect(p.exists('#rate-done')).toBe(true);
  });

  it('shows the server’s refusal to someone who was not there', async () => {
    const p = await loadPage(RATE, {
      query: { sessionId: SESSION() },
      responses: { 'trainings.rate': worldReply('trainings.rate.not_attended') },
    });
    for (const id of ['#rate-content', '#rate-delivery', '#rate-usefulness'])
      await p.trigger(id, 'change', { value: 3 });
    await p.tap('#submit-button');
    const r = worldReply('trainings.rate.not_attended');
    expect(p.toasts).toEqual([r.ok ? '' : r.error.message]);
  });

  it('shows the content check’s refusal next to the comment', async () => {
    const p = await loadPage(RATE, {
      query: { sessionId: SESSION() },
      responses: { 'trainings.rate': fail('CONTENT_REJECTED') },
    });
    for (const id of ['#rate-content', '#rate-delivery', '#rate-usefulness'])
      await p.trigger(id, 'change', { value: 2 });
    await p.tap('#submit-button');
    expect(p.text('#rate-error')).toBe('内容含有不适宜的信息，请修改后重试');
  });
});
