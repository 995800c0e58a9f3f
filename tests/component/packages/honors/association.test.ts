import { BBALL_PAGE } from '../../../support/demo-views/honors';
import { loadPage, ok } from '../../harness';

const PAGE = 'packages/honors/association/index';

describe('社团主页', () => {
  it('shows the association’s honors, posts, temporary branches and backbones', async () => {
    const p = await loadPage(PAGE, {
      query: { id: 'u_as_bball' },
      responses: { 'showcase.association': ok(BBALL_PAGE) },
    });
    expect(p.callsOf('showcase.association')[0].input).toEqual({ associationId: 'u_as_bball' });
    expect(p.text('#association-name')).toBe('篮球协会');
    expect(p.count('.association-honor')).toBe(1);
    expect(p.count('.association-post')).toBe(2);
    expect(p.text()).toContain('篮球协会临时党支部');
    expect(p.text()).toContain('谢天宇');
    await p.tap('.association-post', 1);
    await p.tap('.association-honor');
    expect(p.navigations[0]).toEqual({
      method: 'navigateTo',
      url: `/packages/honors/post/index?id=${BBALL_PAGE.posts[1].id}`,
    });
    expect(p.navigations[1].url).toMatch(/^\/packages\/honors\/verify\/index\?no=LY-/);
  });
});
