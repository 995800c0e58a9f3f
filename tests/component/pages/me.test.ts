/** 我的 (pages/me/index): the person, their positions and the management entries their roles open. */
import type { PositionView } from '../../../typings/actions';
import { ME_PENDING, ME_REJECTED, ME_UNBOUND, meBound, OFFICER_POSITION, SECRETARY_POSITION } from '../fixtures';
import { fail, loadPage, OFFLINE, ok, type Reply } from '../harness';

const PAGE = 'pages/me/index';

describe('我的', () => {
  it('asks an unbound student to bind and opens the binding form', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': ok(ME_UNBOUND) } });
    expect(p.callsOf('me.get')).toHaveLength(1);
    expect(p.text()).toContain('未实名绑定');
    expect(p.text('#binding-unbound')).toContain('尚未绑定');
    expect(p.exists('#review-entry')).toBe(false);
    await p.tap('#bind-button');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/pages/binding/index' }]);
  });

  it('shows a pending application with its submission time and no bind button', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': ok(ME_PENDING) } });
    expect(p.text('#binding-pending')).toContain('审核中');
    expect(p.text('#binding-pending')).toContain('已于 2025-03-01 10:05 提交，等待学院审核');
    expect(p.exists('#bind-button')).toBe(false);
    expect(p.text()).toContain('实名绑定审核中');
    expect(p.text()).not.toContain('未实名绑定');
  });

  it('shows the reason of a rejection and offers to resubmit', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': ok(ME_REJECTED) } });
    expect(p.text('#binding-rejected')).toContain('驳回理由：学号与姓名不一致');
    expect(p.text('#bind-button')).toBe('修改后重新提交');
    await p.tap('#bind-button');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/pages/binding/index' }]);
  });

  it('shows who a bound officer is, their positions and the 绑定审核 entry', async () => {
    const p = await loadPage(PAGE, {
      responses: { 'me.get': ok(meBound([OFFICER_POSITION, SECRETARY_POSITION])) },
    });
    const text = p.text();
    expect(text).toContain('李华');
    expect(text).toContain('学号 2021110101');
    expect(text).toContain('计算机学院');
    expect(p.text('#status-tag')).toBe('预备党员');
    expect(p.count('.position')).toBe(2);
    expect(p.text('.position')).toBe('学院党团干部计算机学院2024年9月起');
    expect(text).toContain('支部书记');
    expect(text).toContain('计算机学院学生第一党支部');
    expect(text).toContain('2025年3月起');
    expect(p.exists('#binding-unbound')).toBe(false);
    await p.tap('#review-entry');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/admin/bindings/index' }]);
  });

  it('offers 表决规则设置 to a committee administrator only, and opens it', async () => {
    const officer = await loadPage(PAGE, { responses: { 'me.get': ok(meBound([OFFICER_POSITION])) } });
    expect(officer.exists('#vote-rules-entry')).toBe(false);
    const admin: PositionView = {
      ...OFFICER_POSITION,
      id: 'pos-league',
      role: 'league_committee_admin',
      roleLabel: '团委管理员',
    };
    const p = await loadPage(PAGE, { responses: { 'me.get': ok(meBound([admin])) } });
    await p.tap('#vote-rules-entry');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/admin/vote-rules/index' }]);
  });

  it('offers no review entry to a bound member without a reviewing role', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': ok(meBound([SECRETARY_POSITION])) } });
    expect(p.text()).toContain('支部书记');
    expect(p.exists('#review-entry')).toBe(false);
  });

  it('lists the branches and associations a member belongs to, home branch first', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': ok(meBound()) } });
    expect(p.count('.unit')).toBe(2);
    expect(p.text('.unit')).toBe('计算机学院学生第一党支部党支部');
    expect(p.text()).toContain('机器人协会');
    expect(p.exists('#no-unit')).toBe(false);
  });

  it('says so when a bound member belongs to no branch or association', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': ok({ ...meBound(), units: [] }) } });
    expect(p.text('#no-unit')).toBe('暂未加入支部或社团');
  });

  it('says so when a bound member holds no position', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': ok(meBound()) } });
    expect(p.text('#no-position')).toBe('暂无任职');
  });

  it('shows the loading state until me.get answers', async () => {
    let answer: (reply: Reply<'me.get'>) => void = () => undefined;
    const p = await loadPage(PAGE, {
      responses: { 'me.get': () => new Promise((resolve) => (answer = resolve)) },
    });
    expect(p.text()).toContain('加载中');
    answer(ok(ME_UNBOUND));
    await p.settle();
    expect(p.text()).toContain('未实名绑定');
  });

  it('shows a network failure with a retry that reloads', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': [OFFLINE, ok(ME_PENDING)] } });
    expect(p.text()).toContain('网络异常，请稍后重试');
    await p.tap('#page-state >>> #status-action');
    expect(p.callsOf('me.get')).toHaveLength(2);
    expect(p.text()).toContain('审核中');
  });

  it('shows the log id of an internal error', async () => {
    const p = await loadPage(PAGE, {
      responses: { 'me.get': fail('INTERNAL', { id: 'E7F3' }) },
    });
    expect(p.text()).toContain('系统繁忙，请稍后重试（编号 E7F3）');
  });
});
