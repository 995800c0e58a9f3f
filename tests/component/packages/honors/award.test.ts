/**
 * 授予荣誉 (packages/honors/award/index): 张晓东 (校团委) and 陈志强 (体育学院) award in the demo world. The options, the
 * gate's refusals and the award are the world's own answers.
 */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, OFFLINE } from '../../harness';

const PAGE = 'packages/honors/award/index';
const LEAGUE = worldView('honors.awardOptions.league');
const SPORT = worldView('honors.awardOptions.sport');

describe('授予荣誉', () => {
  it('offers the unit’s own titles with what each needs', async () => {
    const p = await loadPage(PAGE, {
      query: { unitId: 'u_league' },
      responses: { 'honors.awardOptions': worldReply('honors.awardOptions.league') },
    });
    expect(p.callsOf('honors.awardOptions')[0].input).toEqual({ unitId: 'u_league' });
    expect(p.count('.title-choice')).toBe(LEAGUE.titles.length);
    expect(p.text('#title-0')).toContain('优秀共青团员');
    expect(p.text('#title-0')).toContain('须经评优表决和公示');
    expect(p.text()).toContain('以「校团委」名义授予');
  });

  it('draws the recipient of a 评优 title from those the chosen vote elected', async () => {
    const p = await loadPage(PAGE, {
      query: { unitId: 'u_league' },
      responses: { 'honors.awardOptions': worldReply('honors.awardOptions.league') },
    });
    await p.tap('#title-0');
    expect(p.text('#recipient-hint')).toContain('请先选择评优表决');
    expect(p.count('.vote-choice')).toBe(LEAGUE.votes.length);
    expect(p.count('.notice-choice')).toBe(LEAGUE.notices.length);
    await p.tap(`#vote-${LEAGUE.votes[0].id}`);
    expect(p.count('.recipient-choice')).toBe(LEAGUE.votes[0].elected.length);
    expect(p.text('#recipient-0')).toContain('沈可欣');
    await p.tap('#submit-button');
    expect(p.text('#recipient-error')).toBe('请选择获奖对象');
    expect(p.callsOf('honors.award')).toHaveLength(0);
  });

  it('offers a League branch title to League branches only', async () => {
    const p = await loadPage(PAGE, {
      query: { unitId: 'u_league' },
      responses: { 'honors.awardOptions': worldReply('honors.awardOptions.league') },
    });
    const index = LEAGUE.titles.findIndex((t) => t.title === '五四红旗团支部');
    await p.tap(`#title-${index}`);
    const branches = LEAGUE.units.filter((u) => u.unitKind === 'league_branch' || u.unitKind === 'temp_league_branch');
    expect(branches.length).toBeGreaterThan(0);
    expect(p.count('.recipient-choice')).toBe(branches.length);
    expect(p.text()).toContain('体育学院2023级1班团支部');
    expect(p.text()).not.toContain('体育学院学生党支部');
  });

  it('shows the server’s gate: the 公示 the title needs is missing', async () => {
    const sent = worldInput('honors.award.gate_publicity');
    const p = await loadPage(PAGE, {
      query: { unitId: 'u_league' },
      responses: {
        'honors.awardOptions': worldReply('honors.awardOptions.league'),
        'honors.award': worldReply('honors.award.gate_publicity'),
      },
    });
    await p.tap('#title-0');
    await p.tap(`#vote-${sent.voteId}`);
    await p.tap('#recipient-0');
    await p.trigger('#term-input', 'change', { value: sent.term });
    await p.trigger('#citation-input', 'change', { value: sent.citation });
    await p.tap('#submit-button');
    expect(p.callsOf('honors.award')[0].input).toEqual(sent);
    expect(p.text('#gate-answer')).toContain('公示：须先经公示');
    expect(p.text('#gate-answer')).not.toContain('评优表决：');
    expect(p.text('#publicity-error')).toBe('须先经公示');
  });

  it('says when the recipient already holds the title for the term', async () => {
    const sent = worldInput('honors.award.duplicate');
    const p = await loadPage(PAGE, {
      query: { unitId: 'u_league' },
      responses: {
        'honors.awardOptions': worldReply('honors.awardOptions.league'),
        'honors.award': worldReply('honors.award.duplicate'),
      },
    });
    await p.tap('#title-0');
    await p.tap(`#vote-${sent.voteId}`);
    await p.tap(`#notice-${sent.noticeId}`);
    await p.tap('#recipient-0');
    await p.trigger('#term-input', 'change', { value: sent.term });
    await p.trigger('#citation-input', 'change', { value: sent.citation });
    await p.tap('#submit-button');
    expect(p.callsOf('honors.award')[0].input).toEqual(sent);
    expect(p.exists('#gate-answer')).toBe(false);
    expect(p.text('#recipient-error')).toContain('已');
  });

  it('awards a title that needs neither vote nor 公示 to one of the unit’s people, then opens the certificate', async () => {
    const sent = worldInput('honors.award.new');
    const index = SPORT.titles.findIndex((t) => t.title === sent.title);
    const p = await loadPage(PAGE, {
      query: { unitId: 'u_sport' },
      responses: {
        'honors.awardOptions': worldReply('honors.awardOptions.sport'),
        'people.list': worldReply('people.list.sport'),
        'honors.award': worldReply('honors.award.new'),
      },
    });
    await p.tap(`#title-${index}`);
    expect(p.exists('.vote-choice')).toBe(false);
    expect(p.exists('.notice-choice')).toBe(false);
    const people = worldView('people.list.sport').items;
    const who = people.findIndex((x) => sent.recipient.kind === 'person' && x.id === sent.recipient.personId);
    await p.tap(`#recipient-${who}`);
    await p.trigger('#term-input', 'change', { value: sent.term });
    await p.trigger('#citation-input', 'change', { value: sent.citation });
    await p.tap('#submit-button');
    expect(p.callsOf('honors.award')[0].input).toEqual(sent);
    expect(p.toasts).toContain('已授予');
    expect(p.navigations).toEqual([
      {
        method: 'redirectTo',
        url: `/packages/honors/verify/index?no=${encodeURIComponent(worldView('honors.award.new').certificateNo)}`,
      },
    ]);
  });

  it('says when the unit has no titles to award', async () => {
    const p = await loadPage(PAGE, {
      query: { unitId: 'u_sport_pb' },
      responses: { 'honors.awardOptions': worldReply('honors.awardOptions.branch') },
    });
    expect(worldView('honors.awardOptions.branch').titles).toEqual([]);
    expect(p.text('#page-state')).toContain('本单位没有可授予的荣誉称号');
    expect(p.exists('#submit-button')).toBe(false);
  });

  it('says a student may not award', async () => {
    const p = await loadPage(PAGE, {
      query: { unitId: 'u_league' },
      responses: { 'honors.awardOptions': worldReply('honors.awardOptions.student') },
    });
    expect(p.text('#page-state')).toContain('您没有执行此操作的权限');
  });

  it('offers a retry when loading fails', async () => {
    const p = await loadPage(PAGE, {
      query: { unitId: 'u_league' },
      responses: { 'honors.awardOptions': [OFFLINE, worldReply('honors.awardOptions.league')] },
    });
    expect(p.text('#page-state')).toContain('网络异常，请稍后重试');
    await p.tap('#page-state >>> #status-action');
    expect(p.count('.title-choice')).toBe(LEAGUE.titles.length);
  });
});
