/** 公示管理 (packages/notices-admin/manage/index): the notices of the units an officer manages. */
import { ME, UNITS } from '../../../support/demo-views/org';
import { MANAGED_CARDS, noticePage } from '../../../support/demo-views/notices';
import { fail, loadPage, ok } from '../../harness';

const base = (persona: 'officer' | 'secretary' | 'student') => ({
  'me.get': ok(ME[persona]),
  'org.tree': ok({ units: UNITS }),
});

describe('公示管理', () => {
  const PAGE = 'packages/notices-admin/manage/index';

  it('is offered on 我的 to those who manage notices, and only to them', async () => {
    const secretary = await loadPage('pages/me/index', { responses: base('secretary') });
    await secretary.tap('#notices-entry');
    expect(secretary.navigations).toEqual([{ method: 'navigateTo', url: '/packages/notices-admin/manage/index' }]);
    expect(secretary.exists('#review-entry')).toBe(false);
    const student = await loadPage('pages/me/index', { responses: base('student') });
    expect(student.exists('#notices-entry')).toBe(false);
  });

  it('lists the managed notices, drafts included, and opens one or the form', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': ok(noticePage(MANAGED_CARDS)) } });
    expect(p.callsOf('notices.list')[0].input).toEqual({ scope: 'managed', page: 1, pageSize: 10 });
    expect(p.count('.notice')).toBe(MANAGED_CARDS.length);
    expect(p.text(`#notice-${MANAGED_CARDS[0].id}`)).toContain('草稿');
    // Where objections wait for an investigation, the card says how many.
    expect(p.text('#notice-n-tuiyou-2301')).toContain('2 条异议待处理');
    expect(p.text(`#notice-${MANAGED_CARDS[0].id}`)).not.toContain('待处理');
    await p.tap(`#notice-${MANAGED_CARDS[0].id}`);
    await p.tap('#create-button');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/notices/detail/index?noticeId=${MANAGED_CARDS[0].id}` },
      { method: 'navigateTo', url: '/packages/notices-admin/edit/index' },
    ]);
  });

  it('tells a student they may not manage notices', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': fail('FORBIDDEN') } });
    expect(p.text('#page-state')).toContain('您没有管理公示的权限');
    expect(p.exists('#create-button')).toBe(false);
  });
});
