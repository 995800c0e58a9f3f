/** 风采展示审核 (packages/honors/review/index): 郑雨桐's queue in the demo world. */
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const PAGE = 'packages/honors/review/index';
/** 篮球协会's 新生训练营, waiting for the federation. */
const QUEUE = worldView('showcase.reviewQueue.officer');
const WAITING = QUEUE.items[0];

describe('风采展示审核', () => {
  it('approves a waiting post and removes it from the queue', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'showcase.reviewQueue': worldReply('showcase.reviewQueue.officer'),
        'showcase.review': worldReply('showcase.review.approve'),
      },
    });
    expect(QUEUE.items).toHaveLength(1);
    expect(p.text(`#review-${WAITING.id}`)).toContain(WAITING.title);
    expect(p.text(`#review-${WAITING.id}`)).toContain('图片 1 张');
    await p.tap('.approve-button');
    expect(p.callsOf('showcase.review')[0].input).toEqual({ postId: WAITING.id, approve: true, reason: '' });
    expect(p.text('#page-state')).toContain('没有待审核的展示');
  });

  it('asks for a reason before refusing', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'showcase.reviewQueue': worldReply('showcase.reviewQueue.officer'),
        'showcase.review': worldReply('showcase.review.refused_again'),
      },
    });
    await p.tap('.refuse-button');
    await p.trigger('#refuse-dialog', 'confirm', { reason: '  ' });
    expect(p.callsOf('showcase.review')).toHaveLength(0);
    expect(p.instance.data.reasonError).toBe('请填写未通过的理由');
    await p.trigger('#refuse-dialog', 'confirm', { reason: '与社团活动无关' });
    expect(p.callsOf('showcase.review')[0].input).toEqual({
      postId: WAITING.id,
      approve: false,
      reason: '与社团活动无关',
    });
    // Someone else decided first (the recorded answer): the post stays, the toast says why.
    expect(p.toasts[0]).toContain('审核');
  });
});
