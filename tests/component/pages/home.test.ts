/** 首页 (pages/home/index): greeting, binding state, the entries each role is offered, the showcase and what waits. */
import { card, postDoc } from '../../support/demo-views/honors';
import { worldReply, worldView } from '../../support/world-views';
import { loadPage, OFFLINE, ok } from '../harness';

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
  });

  it('keeps the header and offers a retry when me.get fails', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': [OFFLINE, UNBOUND] } });
    expect(p.text()).toContain('领雁');
    expect(p.text('#page-state')).toContain('网络异常，请稍后重试');
    await p.tap('#page-state >>> #status-action');
    expect(p.exists('#binding-prompt')).toBe(true);
  });

  it('shows the showcase and what waits for me, each with its count', async () => {
    const posts = [card(postDoc(1)), card(postDoc(2))];
    const p = await loadPage(PAGE, {
      responses: {
        'me.get': OFFICER,
        'home.feed': ok({
          posts,
          next: null,
          waiting: [
            { kind: 'open_votes', label: '待参加的表决', count: 2, path: '/packages/votes/mine/index' },
            { kind: 'open_notices', label: '公示中的公示', count: 3, path: '/pages/notices/index' },
          ],
          personId: 'p_2023010108',
          publishAs: [{ associationId: 'u_as_bball', name: '篮球协会' }],
        }),
      },
    });
    expect(p.text('#waiting-open_votes')).toContain('待参加的表决');
    expect(p.text('#waiting-open_votes')).toContain('2');
    expect(p.count('.post-card')).toBe(2);
    expect(p.text(`#post-${posts[0].id}`)).toContain('篮球协会');
    await p.tap(`#post-${posts[1].id}`);
    await p.tap('#waiting-open_notices');
    await p.tap('#shortcut-my-honors');
    await p.tap('#publish-u_as_bball');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/honors/post/index?id=${posts[1].id}` },
      { method: 'switchTab', url: '/pages/notices/index' },
      { method: 'navigateTo', url: '/packages/honors/wall/index?personId=p_2023010108&mine=1' },
      { method: 'navigateTo', url: '/packages/honors/edit/index?associationId=u_as_bball' },
    ]);
  });
});
