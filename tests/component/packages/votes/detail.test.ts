/** 表决详情 (packages/votes/detail/index): a vote's page for a voter (签到, 书面意见 entry) and for its manager. */
import { ACCEPTANCE, acceptanceForSecretary, acceptanceView, electionView } from '../../../support/demo-views/votes';
import { fail, loadPage, ok } from '../../harness';

const DETAIL = 'packages/votes/detail/index';
const query = { voteId: ACCEPTANCE.id };
const DRAFT = acceptanceView({ state: 'draft' });

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

describe('表决详情 · 书面意见入口', () => {
  it('offers 提交书面意见 before the meeting on a formal party vote', async () => {
    const p = await loadPage(DETAIL, { query, responses: { 'votes.get': ok(DRAFT) } });
    expect(p.text('#stage')).toContain('表决尚未开始');
    await p.tap('#written-button');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/votes/written/index?voteId=${ACCEPTANCE.id}` },
    ]);
  });

  it('hides it once the vote is open, on kinds without written opinions, and after one was given', async () => {
    for (const view of [
      acceptanceView({ me: { onRoster: true } }),
      electionView({ state: 'draft', expected: null, me: { onRoster: false, checkedIn: false } }),
      acceptanceView({ state: 'draft', me: { writtenOpinionSubmitted: true } }),
    ]) {
      const p = await loadPage(DETAIL, { query, responses: { 'votes.get': ok(view) } });
      expect(p.exists('#written-button')).toBe(false);
      p.unload();
    }
    const p = await loadPage(DETAIL, {
      query,
      responses: { 'votes.get': ok(acceptanceView({ state: 'draft', me: { writtenOpinionSubmitted: true } })) },
    });
    expect(p.text('#written-submitted')).toContain('您已在会前提交书面意见');
  });
});
