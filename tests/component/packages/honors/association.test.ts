/** 社团主页 (packages/honors/association/index): 篮球协会 in the demo world. */
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const PAGE = 'packages/honors/association/index';
const BBALL = worldView('showcase.association.bball');

describe('社团主页', () => {
  it('shows the association’s honors, posts, temporary branches and backbones', async () => {
    const p = await loadPage(PAGE, {
      query: { id: 'u_as_bball' },
      responses: { 'showcase.association': worldReply('showcase.association.bball') },
    });
    expect(p.callsOf('showcase.association')[0].input).toEqual({ associationId: 'u_as_bball' });
    expect(p.text('#association-name')).toBe('篮球协会');
    expect(p.count('.association-honor')).toBe(BBALL.honors.length);
    expect(p.text()).toContain('优秀社团');
    expect(p.count('.association-post')).toBe(BBALL.posts.length);
    expect(p.text()).toContain('篮球协会临时党支部');
    expect(p.text()).toContain('谢天宇');
    await p.tap('.association-post', 0);
    await p.tap('.association-honor');
    expect(p.navigations[0]).toEqual({
      method: 'navigateTo',
      url: `/packages/honors/post/index?id=${BBALL.posts[0].id}`,
    });
    expect(p.navigations[1].url).toMatch(/^\/packages\/honors\/verify\/index\?no=LY-/);
    await p.tap('#all-posts');
    expect(p.navigations[2]).toEqual({
      method: 'navigateTo',
      url: '/packages/honors/showcase/index?associationId=u_as_bball',
    });
  });
});
