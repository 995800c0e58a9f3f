/** Journey: the 票决 entries on 首页 and 我的 lead a voter and a secretary to their pages. */
import { worldReply } from '../../support/world-views';
import { loadPage } from '../harness';

describe('票决 entries on 首页 and 我的', () => {
  it('offers 我的票决 to a bound member and 票决管理 to a secretary', async () => {
    // The demo world's sport party branch secretary, and a member of his branch.
    const home = await loadPage('pages/home/index', { responses: { 'me.get': worldReply('me.get.sport_pb_sec') } });
    await home.tap('#shortcut-votes');
    await home.tap('#shortcut-votes-manage');
    expect(home.navigations.map((n) => n.url)).toEqual(['/packages/votes/mine/index', '/packages/votes/manage/index']);

    const me = await loadPage('pages/me/index', { responses: { 'me.get': worldReply('me.get.sport_pb_cm') } });
    expect(me.exists('#votes-entry')).toBe(true);
    expect(me.exists('#votes-manage-entry')).toBe(false);
    await me.tap('#votes-entry');
    expect(me.navigations).toEqual([{ method: 'navigateTo', url: '/packages/votes/mine/index' }]);
  });
});
