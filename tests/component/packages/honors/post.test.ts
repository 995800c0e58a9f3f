/** 风采展示详情 (packages/honors/post/index): the demo world's posts as their readers and authors see them. */
import { worldIds, worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const PAGE = 'packages/honors/post/index';

describe('风采展示详情', () => {
  it('shows the post’s images and likes it once', async () => {
    // 吕航 reads 篮球协会's public post and likes it (his first like); a second tap sends nothing.
    const view = worldView('showcase.get.public.masses');
    const p = await loadPage(PAGE, {
      query: { id: view.id },
      responses: {
        'showcase.get': worldReply('showcase.get.public.masses'),
        'showcase.like': worldReply('showcase.like.new'),
      },
    });
    expect(p.text('#post-title')).toBe(view.title);
    expect(p.count('.post__image')).toBe(view.images.length);
    await p.tap('#like-button');
    expect(p.text('#like-button')).toContain(`已赞 ${worldView('showcase.like.new').likeCount}`);
    await p.tap('#like-button');
    expect(p.callsOf('showcase.like')).toHaveLength(1);
  });

  it('loads the images by the temporary links the server gives, and previews them by the same links', async () => {
    // The bucket lets a phone read only its own uploads: a reader's phone gets links, never a cloud:// fileID.
    const view = worldView('showcase.get.public.anonymous');
    const p = await loadPage(PAGE, {
      query: { id: view.id },
      responses: { 'showcase.get': worldReply('showcase.get.public.anonymous') },
    });
    const urls = view.images.map((i) => i.url);
    for (const url of [...urls, view.cover]) expect(url).toMatch(/^https?:\/\//);
    expect(p.count('.post__image')).toBe(urls.length);
    expect(p.instance.data.images).toEqual(urls);
    // biome-ignore lint/suspicious/noExplicitAny: the simulator's global wx
    const wx = (globalThis as any).wx;
    const previewed: { current: string; urls: string[] }[] = [];
    wx.previewImage = (o: { current: string; urls: string[] }) => previewed.push(o);
    await p.tap('.post__image', 1);
    expect(previewed).toEqual([{ current: urls[1], urls }]);
  });

  it('shows only the images that passed the media check', async () => {
    // The federation's post about 机器人创新协会: WeChat never answered for its second image.
    const view = worldView('showcase.get.image_pending.officer');
    const p = await loadPage(PAGE, {
      query: { id: view.id },
      responses: { 'showcase.get': worldReply('showcase.get.image_pending.officer') },
    });
    expect(view.images.map((i) => i.state)).toEqual(['pass', 'pending']);
    expect(p.count('.post__image')).toBe(1);
    expect(p.text('#post-review')).toContain('已通过');
  });

  it('shares to a chat and to Moments with the post’s own link', async () => {
    const view = worldView('showcase.get.public.anonymous');
    const p = await loadPage(PAGE, {
      query: { id: view.id },
      responses: { 'showcase.get': worldReply('showcase.get.public.anonymous') },
    });
    expect(p.instance.onShareAppMessage()).toEqual({
      title: view.title,
      path: `/packages/honors/post/index?id=${view.id}`,
      imageUrl: view.cover,
    });
    expect(p.instance.onShareTimeline()).toMatchObject({ title: view.title, query: `id=${view.id}` });
  });

  it('tells the author why the federation refused the post', async () => {
    const p = await loadPage(PAGE, {
      query: { id: worldIds().posts.refused },
      responses: { 'showcase.get': worldReply('showcase.get.refused.author') },
    });
    expect(p.text('#post-review')).toContain('未通过');
    expect(p.text('#post-review')).toContain('招新信息请发布在社团招新专栏');
  });

  it('opens the post a scanned poster code names, and asks for the code when drawing the poster', async () => {
    const view = worldView('showcase.get.public.anonymous');
    const p = await loadPage(PAGE, {
      query: { scene: encodeURIComponent(`id=${view.id}`) },
      responses: {
        'showcase.get': worldReply('showcase.get.public.anonymous'),
        'share.code': worldReply('share.code.public'),
      },
    });
    expect(p.callsOf('showcase.get')[0].input).toEqual({ postId: view.id });
    await p.tap('#poster-button');
    expect(p.callsOf('share.code')[0].input).toEqual({ target: { kind: 'post', postId: view.id } });
  });

  it('draws no poster for a post still waiting for review', async () => {
    const p = await loadPage(PAGE, {
      query: { id: worldIds().posts.pending_review },
      responses: { 'showcase.get': worldReply('showcase.get.pending.author') },
    });
    expect(p.text('#post-review')).toContain('待社联审核');
    await p.tap('#poster-button');
    expect(p.callsOf('share.code')).toHaveLength(0);
    expect(p.toasts).toEqual(['公开后才能生成海报']);
  });

  it('says a post that is not public does not exist for a stranger', async () => {
    const p = await loadPage(PAGE, {
      query: { id: worldIds().posts.pending_review },
      responses: { 'showcase.get': worldReply('showcase.get.pending.stranger') },
    });
    expect(p.text('#page-state')).toContain('找不到该展示内容');
  });
});
