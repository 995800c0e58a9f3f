/** Journey: the 票决 entries on 首页 and 我的 lead a voter and a secretary to their pages. */
import { ME_PE_SECRETARY, ME_PE_VOTER } from '../../support/demo-views/votes';
import { loadPage, ok } from '../harness';

describe('票决 entries on 首页 and 我的', () => {
  it('offers 我的票决 to a bound member and 票决管理 to a secretary', async () => {
    const home = await loadPage('pages/home/index', { responses: { 'me.get': ok(ME_PE_SECRETARY) } });
    await home.tap('#shortcut-votes');
    await home.tap('#shortcut-votes-manage');
    expect(home.navigations.map((n) => n.url)).toEqual(['/packages/votes/mine/index', '/packages/votes/manage/index']);

    const me = await loadPage('pages/me/index', { responses: { 'me.get': ok(ME_PE_VOTER) } });
    expect(me.exists('#votes-entry')).toBe(true);
    expect(me.exists('#votes-manage-entry')).toBe(false);
    await me.tap('#votes-entry');
    expect(me.navigations).toEqual([{ method: 'navigateTo', url: '/packages/votes/mine/index' }]);
  });
});
