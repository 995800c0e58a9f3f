import { post, postDoc } from '../../../support/demo-views/honors';
import { loadPage, ok } from '../../harness';

const PAGE = 'packages/honors/post/index';

describe('风采展示详情', () => {
  it('shows only images that passed the media check, and likes once', async () => {
    const doc = postDoc(1);
    const p = await loadPage(PAGE, {
      query: { id: doc._id },
      responses: { 'showcase.get': ok(post(doc)), 'showcase.like': ok({ likeCount: 2, likedByMe: true }) },
    });
    expect(p.text('#post-title')).toBe(doc.title);
    expect(p.count('.post__image')).toBe(1);
    await p.tap('#like-button');
    expect(p.text('#like-button')).toContain('已赞 2');
    await p.tap('#like-button');
    expect(p.callsOf('showcase.like')).toHaveLength(1);
  });

  it('shares to a chat and to Moments with the post’s own link', async () => {
    const doc = postDoc(2);
    const p = await loadPage(PAGE, { query: { id: doc._id }, responses: { 'showcase.get': ok(post(doc)) } });
    expect(p.instance.onShareAppMessage()).toEqual({
      title: doc.title,
      path: `/packages/honors/post/index?id=${doc._id}`,
      imageUrl: doc.images[0].fileID,
    });
    expect(p.instance.onShareTimeline()).toMatchObject({ title: doc.title, query: `id=${doc._id}` });
  });

  it('tells the author why the federation refused the post', async () => {
    const doc = postDoc(3, { review: 'refused', listed: false, refusalReason: '图片与活动无关' });
    const p = await loadPage(PAGE, {
      query: { id: doc._id },
      responses: { 'showcase.get': ok(post(doc, false, true)) },
    });
    expect(p.text('#post-review')).toContain('未通过');
    expect(p.text('#post-review')).toContain('图片与活动无关');
  });

  it('opens the post a scanned poster code names, and asks for the code when drawing the poster', async () => {
    const base = postDoc(4);
    const doc = { ...base, images: base.images.map((i) => ({ ...i, state: 'pass' as const })) };
    const p = await loadPage(PAGE, {
      query: { scene: encodeURIComponent(`id=${doc._id}`) },
      responses: { 'showcase.get': ok(post(doc)), 'share.code': ok({ png: '', page: '', scene: '' }) },
    });
    expect(p.callsOf('showcase.get')[0].input).toEqual({ postId: doc._id });
    await p.tap('#poster-button');
    expect(p.callsOf('share.code')[0].input).toEqual({ target: { kind: 'post', postId: doc._id } });
  });

  it('draws no poster for a post that is not public yet', async () => {
    const doc = postDoc(5, { review: 'pending', listed: false });
    const p = await loadPage(PAGE, {
      query: { id: doc._id },
      responses: { 'showcase.get': ok(post(doc, false, true)) },
    });
    await p.tap('#poster-button');
    expect(p.callsOf('share.code')).toHaveLength(0);
    expect(p.toasts).toEqual(['公开后才能生成海报']);
  });
});
