import { post, postDoc } from '../../../support/demo-views/honors';
import { fail, loadPage, ok } from '../../harness';

const PAGE = 'packages/honors/review/index';

describe('风采展示审核', () => {
  const waiting = postDoc(4, { review: 'pending', listed: false });

  it('approves a waiting post and removes it from the queue', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'showcase.reviewQueue': ok({ items: [post(waiting, false, true)], next: null }),
        'showcase.review': ok(post({ ...waiting, review: 'approved' }, false, true)),
      },
    });
    expect(p.text(`#review-${waiting._id}`)).toContain('1 张检测中');
    await p.tap('.approve-button');
    expect(p.callsOf('showcase.review')[0].input).toEqual({ postId: waiting._id, approve: true, reason: '' });
    expect(p.text('#page-state')).toContain('没有待审核的展示');
  });

  it('asks for a reason before refusing', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'showcase.reviewQueue': ok({ items: [post(waiting, false, true)], next: null }),
        'showcase.review': fail('POST_NOT_PENDING'),
      },
    });
    await p.tap('.refuse-button');
    await p.trigger('#refuse-dialog', 'confirm', { reason: '  ' });
    expect(p.callsOf('showcase.review')).toHaveLength(0);
    expect(p.instance.data.reasonError).toBe('请填写未通过的理由');
    await p.trigger('#refuse-dialog', 'confirm', { reason: '与社团活动无关' });
    expect(p.callsOf('showcase.review')[0].input).toEqual({
      postId: waiting._id,
      approve: false,
      reason: '与社团活动无关',
    });
  });
});
