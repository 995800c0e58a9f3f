/** 首页 (pages/home/index): greeting, binding state, the entries each role is offered, the showcase and what waits. */
import { worldReply, worldView } from '../../support/world-views';
import { loadPage, OFFLINE } from '../harness';

const PAGE = 'pages/home/index';

// The demo world's people: a WeChat user who never claimed anyone, a claim waiting, one rejected, the sport college's
// officer 陈志强 and the info party branch's secretary 林思远.
const UNBOUND = worldReply('me.get.newcomer');
const PENDING = worldReply('me.get.applicant_wei');
const REJECTED = worldReply('me.get.applicant_bai');
const OFFICER = worldReply('me.get.sport_officer');
const SECRETARY = worldReply('me.get.info_pb_sec');

describe('首页', () => {
  it('welcomes an unbound student and leads to the binding form', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': UNBOUND } });
    expect(p.text()).toContain('领雁');
    expect(p.text('#binding-prompt')).toContain('您还没有实名绑定');
    expect(p.text('#shortcut-binding')).toContain('未绑定');
    expect(p.exists('#shortcut-review')).toBe(false);
    await p.tap('#prompt-button');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/pages/binding/index' }]);
  });

  it('says a pending application waits for the college, with nothing to tap', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': PENDING } });
    expect(p.text('#binding-prompt')).toContain('正在等待学院审核');
    expect(p.exists('#prompt-button')).toBe(false);
    expect(p.text('#shortcut-binding')).toContain('审核中');
  });

  it('points a rejected applicant to resubmit', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': REJECTED } });
    expect(p.text('#prompt-button')).toBe('查看并重新提交');
  });

  it('greets a bound officer by name, without the prompt, with the review shortcut', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': OFFICER } });
    expect(p.text()).toContain(`您好，${worldView('me.get.sport_officer').person!.name}`);
    expect(p.exists('#binding-prompt')).toBe(false);
    expect(p.text('#shortcut-binding')).toContain('已绑定');
    await p.tap('#shortcut-review');
    await p.tap('#shortcut-me');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: '/packages/admin/bindings/index' },
      { method: 'switchTab', url: '/pages/me/index' },
    ]);
  });

  it('shows no review shortcut to a branch secretary', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': SECRETARY } });
    expect(p.exists('#shortcut-review')).toBe(false);
    expect(p.exists('#shortcut-filings')).toBe(false);
    expect(p.exists('#shortcut-members')).toBe(false);
  });

  it('leads the party committee to 备案确认 and to 留党察看与出生日期, as the server names its committee', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': worldReply('me.get.party_admin') } });
    expect(p.text('#shortcut-filings')).toContain('校党委');
    await p.tap('#shortcut-filings');
    await p.tap('#shortcut-members');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: '/packages/pipeline/filings/index' },
      { method: 'navigateTo', url: '/packages/pipeline/members/index' },
    ]);
  });

  it('keeps the header and offers a retry when me.get fails', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': [OFFLINE, UNBOUND] } });
    expect(p.text()).toContain('领雁');
    expect(p.text('#page-state')).toContain('网络异常，请稍后重试');
    await p.tap('#page-state >>> #status-action');
    expect(p.exists('#binding-prompt')).toBe(true);
  });

  it('shows the showcase and what waits for me, each with its count', async () => {
    // 郑雨桐, the federation's officer: a post of 篮球协会 waits for her review; she publishes and awards for the
    // federation.
    const feed = worldView('home.feed.officer');
    const posts = feed.posts;
    const p = await loadPage(PAGE, {
      responses: { 'me.get': worldReply('me.get.fed_chair'), 'home.feed': worldReply('home.feed.officer') },
    });
    expect(p.text('#waiting-posts_to_review')).toContain('待审核的风采展示');
    expect(p.text('#waiting-posts_to_review')).toContain('1');
    expect(p.count('.post-card')).toBe(posts.length);
    expect(p.text(`#post-${posts[0].id}`)).toContain(posts[0].associationName);
    await p.tap(`#post-${posts[1].id}`);
    await p.tap('#waiting-posts_to_review');
    await p.tap('#publish-federation');
    await p.tap('#award-u_fed');
    await p.tap('#showcase-more');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/honors/post/index?id=${posts[1].id}` },
      { method: 'navigateTo', url: '/packages/honors/review/index' },
      { method: 'navigateTo', url: '/packages/honors/edit/index' },
      { method: 'navigateTo', url: '/packages/honors/award/index?unitId=u_fed' },
      { method: 'navigateTo', url: '/packages/honors/showcase/index' },
    ]);
  });

  it('offers a student her honors and what waits in her units, and no awarding', async () => {
    const feed = worldView('home.feed.student');
    const p = await loadPage(PAGE, {
      responses: { 'me.get': worldReply('me.get.sport_prob2'), 'home.feed': worldReply('home.feed.student') },
    });
    for (const w of feed.waiting) expect(p.text(`#waiting-${w.kind}`)).toContain(String(w.count));
    expect(p.exists('[id^=award-]')).toBe(false);
    expect(p.exists('[id^=publish-]')).toBe(false);
    await p.tap('#shortcut-my-honors');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/honors/wall/index?personId=${feed.personId}&mine=1` },
    ]);
  });
});

describe('临时支部考察 (D6)', () => {
  it('offers a temporary branch’s secretary the shortcut the server names, and nobody else', async () => {
    const p = await loadPage(PAGE, {
      responses: { 'me.get': worldReply('me.get.taiji_pres'), 'home.feed': worldReply('home.feed.student') },
    });
    await p.tap('#shortcut-assess');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/pipeline/assess/index' }]);
    const other = await loadPage(PAGE, {
      responses: { 'me.get': worldReply('me.get.sport_prob2'), 'home.feed': worldReply('home.feed.student') },
    });
    expect(other.exists('#shortcut-assess')).toBe(false);
  });
});
