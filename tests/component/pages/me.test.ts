/** 我的 (pages/me/index): the person, their positions and the management entries their roles open. */
import { worldReply, worldView } from '../../support/world-views';
import { fail, loadPage, OFFLINE, type Reply } from '../harness';

const PAGE = 'pages/me/index';

// The demo world's people (tests/support/world-views.ts).
const UNBOUND = worldReply('me.get.newcomer');
const PENDING = worldReply('me.get.applicant_wei');
const REJECTED = worldReply('me.get.applicant_bai');
/** 陈志强, the sport college's officer. */
const OFFICER = worldReply('me.get.sport_officer');
/** 林思远, secretary of the info party branch and of the robotics association's temporary party branch. */
const SECRETARY = worldReply('me.get.info_pb_sec');
/** 彭悦, a probationary member in her branches and associations, holding no position. */
const STUDENT = worldReply('me.get.sport_prob2');
/** 秦朗, a student the roster lacked, approved: in no branch or association. */
const NEWLY_BOUND = worldReply('me.get.applicant_qin');
/** `2026-11-22T12:00:00.000+08:00` as the page shows it. */
const shown = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

describe('我的', () => {
  it('asks an unbound student to bind and opens the binding form', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': UNBOUND } });
    expect(p.callsOf('me.get')).toHaveLength(1);
    expect(p.text()).toContain('未实名绑定');
    expect(p.text('#binding-unbound')).toContain('尚未绑定');
    expect(p.exists('#review-entry')).toBe(false);
    await p.tap('#bind-button');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/pages/binding/index' }]);
  });

  it('shows a pending application with its submission time and no bind button', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': PENDING } });
    expect(p.text('#binding-pending')).toContain('审核中');
    expect(p.text('#binding-pending')).toContain(
      `已于 ${shown(worldView('me.get.applicant_wei').binding!.submittedAt)} 提交，等待学院审核`,
    );
    expect(p.exists('#bind-button')).toBe(false);
    expect(p.text()).toContain('实名绑定审核中');
    expect(p.text()).not.toContain('未实名绑定');
  });

  it('shows the reason of a rejection and offers to resubmit', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': REJECTED } });
    expect(p.text('#binding-rejected')).toContain(`驳回理由：${worldView('me.get.applicant_bai').binding!.reason}`);
    expect(p.text('#bind-button')).toBe('修改后重新提交');
    await p.tap('#bind-button');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/pages/binding/index' }]);
  });

  it('shows who a bound officer is, their position and the 绑定审核 entry', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': OFFICER } });
    const text = p.text();
    expect(text).toContain('陈志强');
    expect(text).toContain('学号 T0101');
    expect(p.text('#status-tag')).toBe('正式党员');
    expect(p.count('.position')).toBe(1);
    expect(p.text('.position')).toBe('学院党团干部体育学院2026年9月起');
    expect(p.exists('#binding-unbound')).toBe(false);
    await p.tap('#review-entry');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/admin/bindings/index' }]);
  });

  it('lists every position a secretary holds, each with its unit', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': SECRETARY } });
    expect(p.count('.position')).toBe(2);
    expect(p.text()).toContain('信息学院学生党支部');
    expect(p.text()).toContain('机器人创新协会临时党支部');
  });

  it('offers 表决规则设置 to a committee administrator only, and opens it', async () => {
    const officer = await loadPage(PAGE, { responses: { 'me.get': OFFICER } });
    expect(officer.exists('#vote-rules-entry')).toBe(false);
    const p = await loadPage(PAGE, { responses: { 'me.get': worldReply('me.get.league_admin') } });
    await p.tap('#vote-rules-entry');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/admin/vote-rules/index' }]);
  });

  it('offers 新生信息库 to the officer of a college and to nobody the server does not name', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': OFFICER } });
    await p.tap('#freshmen-entry');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/activists/freshmen/index' }]);
    for (const who of [SECRETARY, STUDENT]) {
      const other = await loadPage(PAGE, { responses: { 'me.get': who } });
      expect(other.exists('#freshmen-entry')).toBe(false);
    }
  });

  it('offers no review entry to a bound member without a reviewing role', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': SECRETARY } });
    expect(p.text()).toContain('支部书记');
    expect(p.exists('#review-entry')).toBe(false);
  });

  it('lists the branches and associations a member belongs to, home branch first', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': STUDENT } });
    const units = worldView('me.get.sport_prob2').units;
    expect(p.count('.unit')).toBe(units.length);
    expect(p.text('.unit')).toBe(`${units[0].name}${units[0].kindLabel}`);
    expect(units[0].kind).toBe('party_branch');
    expect(p.text()).toContain('太极拳社');
    expect(p.exists('#no-unit')).toBe(false);
  });

  it('says so when a bound member belongs to no branch or association', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': NEWLY_BOUND } });
    expect(p.text()).toContain('秦朗');
    expect(p.text('#no-unit')).toBe('暂未加入支部或社团');
  });

  it('shows a student the college just approved, with the branch the roster puts them in', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': worldReply('me.get.applicant_fan2.approved') } });
    expect(p.text()).toContain('范思琪');
    expect(p.text('#status-tag')).toBe('共青团员');
    expect(p.text('.unit')).toContain('体育学院2023级1班团支部');
    expect(p.exists('#binding-unbound')).toBe(false);
    expect(p.exists('#bind-button')).toBe(false);
  });

  it('says so when a bound member holds no position', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': STUDENT } });
    expect(p.text('#no-position')).toBe('暂无任职');
  });

  it('shows the loading state until me.get answers', async () => {
    let answer: (reply: Reply<'me.get'>) => void = () => undefined;
    const p = await loadPage(PAGE, {
      responses: { 'me.get': () => new Promise((resolve) => (answer = resolve)) },
    });
    expect(p.text()).toContain('加载中');
    answer(UNBOUND);
    await p.settle();
    expect(p.text()).toContain('未实名绑定');
  });

  it('shows a network failure with a retry that reloads', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': [OFFLINE, PENDING] } });
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

describe('临时支部考察 (D6)', () => {
  it('offers a temporary branch’s secretary the entry the server names, and opens the list', async () => {
    const p = await loadPage(PAGE, { responses: { 'me.get': worldReply('me.get.taiji_pres') } });
    expect(p.text('#pipeline-assess-entry')).toContain('临时支部考察');
    await p.tap('#pipeline-assess-entry');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/pipeline/assess/index' }]);
  });

  it('offers it to nobody who is no temporary branch’s officer', async () => {
    for (const me of [OFFICER, STUDENT]) {
      const p = await loadPage(PAGE, { responses: { 'me.get': me } });
      expect(p.exists('#pipeline-assess-entry')).toBe(false);
    }
  });
});
