/** 发起表决 (packages/votes/create/index): a branch secretary creates a vote. */
import { FENG_CHEN, ME_PE_SECRETARY, membersPage, PE_BRANCH, PENG_YUE } from '../../../support/demo-views/votes';
import { managesFor, position, UNITS } from '../../../support/demo-views/org';
import { fail, loadPage, ok } from '../../harness';

const SECRETARY = { 'me.get': ok(ME_PE_SECRETARY), 'org.tree': ok({ units: UNITS }) };

describe('发起表决', () => {
  it('creates an acceptance vote from the picked kind, candidates and meeting time', async () => {
    const p = await loadPage('packages/votes/create/index', {
      query: { unitId: PE_BRANCH },
      responses: { ...SECRETARY, 'people.list': ok(membersPage()), 'votes.create': ok({ voteId: 'v-new' }) },
    });
    expect(p.callsOf('people.list')[0].input).toEqual({ unitId: PE_BRANCH, page: 1, pageSize: 50 });

    await p.tap('#submit-button');
    expect(p.callsOf('votes.create')).toHaveLength(0);
    expect(p.text('#kind-error')).toBe('请选择表决类型');
    expect(p.text('#time-error')).toBe('请选择会议时间');

    await p.trigger('#kind-picker', 'confirm', { value: ['acceptance'], label: ['接收预备党员'] });
    await p.tap('#candidates-cell');
    expect(p.instance.data.picker).toBe('candidates');
    await p.tap(`#candidate-picker >>> #pp-${FENG_CHEN.id}`);
    await p.tap(`#candidate-picker >>> #pp-${PENG_YUE.id}`);
    await p.tap('#candidate-picker >>> #pp-confirm');
    expect(p.text('#candidates-cell')).toContain('冯晨、彭悦');
    expect(p.instance.data.form.title).toBe('接收预备党员表决：冯晨、彭悦');
    await p.trigger('#time-picker', 'confirm', { value: ['2026-11-26', '14:30'], label: ['', ''] });
    await p.tap('#submit-button');

    expect(p.callsOf('votes.create').map((c) => c.input)).toEqual([
      {
        unitId: PE_BRANCH,
        kind: 'acceptance',
        title: '接收预备党员表决：冯晨、彭悦',
        ruleVersion: '2014',
        scheduledStart: '2026-11-26T14:30:00+08:00',
        candidateIds: [FENG_CHEN.id, PENG_YUE.id],
        secret: true,
      },
    ]);
    expect(p.navigations).toEqual([{ method: 'redirectTo', url: '/packages/votes/prepare/index?voteId=v-new' }]);
  });

  it('offers only the kinds the chosen unit may hold, and drops a kind the next unit cannot hold', async () => {
    const positions = [
      position('pos-pe', 'branch_secretary', PE_BRANCH, '2025-06-20'),
      position('pos-tpb', 'branch_secretary', 'tpb-basketball', '2025-06-20'),
    ];
    const me = { ...ME_PE_SECRETARY, positions, manages: managesFor(positions) };
    const p = await loadPage('packages/votes/create/index', {
      query: { unitId: PE_BRANCH },
      responses: { 'me.get': ok(me), 'people.list': ok(membersPage()) },
    });
    const kinds = () => (p.instance.data.kinds as { value: string }[]).map((k) => k.value);
    expect(kinds()).toEqual(expect.arrayContaining(['acceptance', 'conversion', 'party_evaluation']));
    expect(kinds()).not.toContain('league_evaluation');

    await p.trigger('#kind-picker', 'confirm', { value: ['acceptance'], label: ['接收预备党员'] });
    // D6: a temporary party branch holds no acceptance vote.
    await p.trigger('#unit-picker', 'confirm', { value: ['tpb-basketball'], label: [''] });
    expect(kinds()).not.toContain('acceptance');
    expect(p.instance.data.form.kind).toBe('');
    expect(p.callsOf('org.tree')).toHaveLength(0);
  });

  it('asks for seats on an election and shows the server’s refusal next to the candidates', async () => {
    const p = await loadPage('packages/votes/create/index', {
      query: { unitId: PE_BRANCH },
      responses: { ...SECRETARY, 'people.list': ok(membersPage()), 'votes.create': fail('TOO_FEW_CANDIDATES') },
    });
    await p.trigger('#kind-picker', 'confirm', { value: ['party_branch_election'], label: [''] });
    await p.tap('#candidates-cell');
    await p.tap(`#candidate-picker >>> #pp-${FENG_CHEN.id}`);
    await p.tap('#candidate-picker >>> #pp-confirm');
    await p.trigger('#time-picker', 'confirm', { value: ['2026-11-26', '14:30'], label: ['', ''] });
    await p.tap('#submit-button');
    expect(p.text('#seats-input')).toContain('请填写应选名额');
    await p.trigger('#seats-input', 'change', { value: '3' });
    await p.tap('#submit-button');
    expect((p.callsOf('votes.create')[0].input as { seats: number }).seats).toBe(3);
    expect(p.text('#candidates-error')).toContain('候选人数不足');
  });
});
