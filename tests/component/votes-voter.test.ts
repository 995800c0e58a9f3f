/** 我的票决, a vote's page (签到), the resolution sheet and 核对票码, as a voter sees them. */
import type { Input, VoteCardView } from '../../typings/actions';
import {
  acceptanceForSecretary,
  acceptanceResolution,
  acceptanceView,
  cardOf,
  cardsPage,
  ACCEPTANCE,
  ME_PE_SECRETARY,
  ME_PE_VOTER,
  OPEN_CARDS,
  voidResolution,
} from '../../scripts/preview/demo-votes';
import { fail, loadPage, ok } from './harness';

const MINE = 'packages/votes/mine/index';
const DETAIL = 'packages/votes/detail/index';
const RESULT = 'packages/votes/result/index';
const VERIFY = 'packages/votes/verify/index';
const query = { voteId: ACCEPTANCE.id };

/** votes.listMine over `total` open votes, paged as the server pages. */
function mineServer(total: number) {
  const all: VoteCardView[] = Array.from({ length: total }, (_, i) => ({
    ...cardOf(ACCEPTANCE),
    id: `v-${i + 1}`,
    title: `表决 ${i + 1}`,
  }));
  return (input: Input<'votes.listMine'>) => {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    const items = input.state === 'open' ? all.slice((page - 1) * pageSize, page * pageSize) : [];
    return ok({ items, page, pageSize, hasMore: input.state === 'open' && page * pageSize < all.length });
  };
}

describe('我的票决', () => {
  it('lists open votes first, a page at a time, and opens one', async () => {
    const p = await loadPage(MINE, { responses: { 'votes.listMine': mineServer(13) } });
    expect(p.callsOf('votes.listMine')[0].input).toEqual({ state: 'open', page: 1, pageSize: 10 });
    expect(p.count('.vote')).toBe(10);
    expect(p.text('#vote-v-1')).toContain('接收预备党员');
    expect(p.text('#vote-v-1')).toContain('进行中');
    expect(p.text('#vote-v-1')).toContain('会议时间 2026-11-26 14:30');
    await p.tap('#load-more');
    expect(p.count('.vote')).toBe(13);
    expect(p.text()).toContain('没有更多了');
    p.instance.onReachBottom();
    await p.settle();
    expect(p.callsOf('votes.listMine')).toHaveLength(2);
    await p.tap('#vote-v-2');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/votes/detail/index?voteId=v-2' }]);
  });

  it('switches state tabs and shows each tab’s empty state', async () => {
    const p = await loadPage(MINE, { responses: { 'votes.listMine': mineServer(2) } });
    await p.tap('#tab-closed');
    expect(p.callsOf('votes.listMine').at(-1)?.input).toEqual({ state: 'closed', page: 1, pageSize: 10 });
    expect(p.text('#page-state')).toContain('暂无已结束的表决');
    await p.tap('#tab-draft');
    expect(p.text('#page-state')).toContain('暂无即将开始的表决');
  });

  it('asks an unbound student to bind first', async () => {
    const p = await loadPage(MINE, { responses: { 'votes.listMine': fail('NOT_BOUND') } });
    expect(p.text('#page-state')).toContain('完成实名绑定后，才能参加所在组织的表决');
  });
});

describe('表决详情', () => {
  it('checks the voter in with the meeting code, then offers the ballot', async () => {
    const p = await loadPage(DETAIL, {
      query,
      responses: {
        'votes.get': [ok(acceptanceView()), ok(acceptanceView({ me: { onRoster: true, checkedIn: true } }))],
        'votes.checkIn': [fail('CHECK_IN_CODE_INVALID'), ok({ personId: 'p-caol', checkedInAt: '', present: 9 })],
      },
    });
    expect(p.text('#stage')).toContain('请先签到');
    await p.tap('#check-in-button');
    expect(p.callsOf('votes.checkIn')).toHaveLength(0);
    expect(p.text('#stage')).toContain('请输入会议屏幕上的 6 位签到码');

    await p.trigger('#code-input', 'change', { value: '482910' });
    await p.tap('#check-in-button');
    expect(p.text('#stage')).toContain('签到码不正确');
    await p.trigger('#code-input', 'change', { value: '482913' });
    await p.tap('#check-in-button');
    expect(p.callsOf('votes.checkIn').map((c) => c.input)).toEqual([
      { voteId: ACCEPTANCE.id, code: '482910' },
      { voteId: ACCEPTANCE.id, code: '482913' },
    ]);
    expect(p.toasts).toContain('签到成功，可以投票了');
    await p.tap('#ballot-button');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/votes/ballot/index?voteId=${ACCEPTANCE.id}` },
    ]);
  });

  it('tells a voter who has voted that it is final', async () => {
    const p = await loadPage(DETAIL, {
      query,
      responses: { 'votes.get': ok(acceptanceView({ me: { onRoster: true, checkedIn: true, voted: true } })) },
    });
    expect(p.text('#stage')).toContain('您已投票');
    expect(p.exists('#ballot-button')).toBe(false);
  });

  it('leads to the result and the code check after the close, and a manager to the console', async () => {
    const p = await loadPage(DETAIL, {
      query,
      responses: { 'votes.get': ok(acceptanceForSecretary({ state: 'closed' })) },
    });
    await p.tap('#result-button');
    await p.tap('#verify-button');
    await p.tap('#console-button');
    expect(p.navigations.map((n) => n.url)).toEqual([
      `/packages/votes/result/index?voteId=${ACCEPTANCE.id}`,
      `/packages/votes/verify/index?voteId=${ACCEPTANCE.id}`,
      `/packages/votes/result/index?voteId=${ACCEPTANCE.id}`,
    ]);
  });
});

describe('表决结果', () => {
  it('shows 应到, 实到, written opinions and each candidate’s counts and result', async () => {
    const p = await loadPage(RESULT, {
      query,
      responses: {
        'votes.resolution': ok(acceptanceResolution()),
        'votes.get': ok(acceptanceView({ state: 'closed' })),
      },
    });
    expect(p.text('#valid-banner')).toContain('表决有效');
    expect(p.text('#method')).toBe('无记名投票');
    expect(p.text()).toContain('2026年11月26日');
    expect(p.text()).toContain('细则（2014）');
    const counts = p.text('#counts');
    for (const t of ['11 人应到', '9 人实到', '1 份书面意见', '9 张收回选票', '0 张无效票'])
      expect(counts).toContain(t);
    const feng = p.text('#line-p-fengc');
    expect(feng).toContain('通过');
    expect(feng).toContain('8赞成1反对0弃权0无效');
    expect(feng).toContain('书面意见：赞成 1 · 反对 0 · 弃权 0');
    expect(feng).toContain('赞成合计 9 票（会场 8 + 书面意见 1）');
    expect(p.text('#line-p-pengy')).toContain('未通过');
    // A voter reads the sheet and checks a code; exporting is the managers'.
    expect(p.exists('#verify-button')).toBe(true);
    expect(p.exists('#export-button')).toBe(false);
  });

  it('says plainly that a void vote decided nothing', async () => {
    const p = await loadPage(RESULT, {
      query,
      responses: { 'votes.resolution': ok(voidResolution()), 'votes.get': ok(acceptanceView({ state: 'closed' })) },
    });
    expect(p.text('#void-banner')).toContain('本次表决无效');
    expect(p.text('#void-banner')).toContain('收回票数多于发出票数，表决无效，须重新投票');
    expect(p.exists('#valid-banner')).toBe(false);
    expect(p.text('#line-p-fengc')).not.toContain('通过');
  });

  it('publishes no result before the close', async () => {
    const p = await loadPage(RESULT, {
      query,
      responses: { 'votes.resolution': fail('RESULTS_SEALED'), 'votes.get': ok(acceptanceView()) },
    });
    expect(p.text('#page-state')).toContain('表决结束并当场计票后，才公布结果');
  });
});

describe('核对我的票码', () => {
  it('says only whether the ballot was counted', async () => {
    const p = await loadPage(VERIFY, {
      query,
      responses: { 'votes.verifyBallot': [ok({ found: true, counted: true }), ok({ found: false, counted: false })] },
    });
    await p.tap('#verify-button');
    expect(p.text()).toContain('请输入投票后显示的票码');
    await p.trigger('#code-input', 'change', { value: 'k7q2 m9xp' });
    await p.tap('#verify-button');
    expect(p.callsOf('votes.verifyBallot')[0].input).toEqual({ voteId: ACCEPTANCE.id, code: 'K7Q2M9XP' });
    expect(p.text('#verify-result')).toContain('您的选票已计入');
    await p.trigger('#code-input', 'change', { value: 'K7Q2M9XA' });
    await p.tap('#verify-button');
    expect(p.text('#verify-result')).toContain('未找到该票码');
    expect(p.text()).not.toMatch(/赞成|反对|弃权/);
  });
});

// Keep the shared fixture honest: the open list the previews use has the acceptance vote in it.
it('demo open list includes the acceptance vote', () => {
  expect(cardsPage(OPEN_CARDS).items.map((c) => c.id)).toContain(ACCEPTANCE.id);
});

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
