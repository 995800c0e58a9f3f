/** 发起表决 (packages/votes/create/index): a branch secretary creates a vote. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

/** The info party branch's secretary 林思远 (the demo world's): he also runs the robot association's party branch. */
const SECRETARY = { 'me.get': worldReply('me.get.info_pb_sec'), 'org.tree': worldReply('org.tree.info_pb_sec') };
const MEMBERS = worldReply('people.list.info_pb');
const members = worldView('people.list.info_pb').items;
const nameOf = (id: string) => members.find((m) => m.id === id)!.name;

describe('发起表决', () => {
  it('creates an acceptance vote from the picked kind, candidates and meeting time', async () => {
    // What the world's secretary sent to votes.create, and the vote it made.
    const sent = worldInput('votes.create.acceptance');
    const candidateIds = sent.candidateIds ?? [];
    const created = worldView('votes.create.acceptance');
    const p = await loadPage('packages/votes/create/index', {
      query: { unitId: sent.unitId },
      responses: { ...SECRETARY, 'people.list': MEMBERS, 'votes.create': worldReply('votes.create.acceptance') },
    });
    expect(p.callsOf('people.list')[0].input).toEqual({ unitId: sent.unitId, page: 1, pageSize: 50 });

    await p.tap('#submit-button');
    expect(p.callsOf('votes.create')).toHaveLength(0);
    expect(p.text('#kind-error')).toBe('请选择表决类型');
    expect(p.text('#time-error')).toBe('请选择会议时间');

    await p.trigger('#kind-picker', 'confirm', { value: [sent.kind], label: ['接收预备党员'] });
    await p.tap('#candidates-cell');
    expect(p.instance.data.picker).toBe('candidates');
    for (const id of candidateIds) await p.tap(`#candidate-picker >>> #pp-${id}`);
    await p.tap('#candidate-picker >>> #pp-confirm');
    const names = candidateIds.map(nameOf).join('、');
    expect(p.text('#candidates-cell')).toContain(names);
    expect(p.instance.data.form.title).toBe(sent.title);
    const [day, time] = sent.scheduledStart.slice(0, 16).split('T');
    await p.trigger('#time-picker', 'confirm', { value: [day, time], label: ['', ''] });
    await p.tap('#submit-button');

    expect(p.callsOf('votes.create').map((c) => c.input)).toEqual([sent]);
    expect(p.navigations).toEqual([
      { method: 'redirectTo', url: `/packages/votes/prepare/index?voteId=${created.voteId}` },
    ]);
  });

  it('offers only the kinds the chosen unit may hold, and drops a kind the next unit cannot hold', async () => {
    const units = worldView('me.get.info_pb_sec').manages.votes;
    const branch = units.find((u) => u.kind === 'party_branch')!;
    const temporary = units.find((u) => u.kind === 'temp_party_branch')!;
    const p = await loadPage('packages/votes/create/index', {
      query: { unitId: branch.id },
      responses: { 'me.get': worldReply('me.get.info_pb_sec'), 'people.list': MEMBERS },
    });
    const kinds = () => (p.instance.data.kinds as { value: string }[]).map((k) => k.value);
    expect(kinds()).toEqual(expect.arrayContaining(['acceptance', 'conversion', 'party_evaluation']));
    expect(kinds()).not.toContain('league_evaluation');

    await p.trigger('#kind-picker', 'confirm', { value: ['acceptance'], label: ['接收预备党员'] });
    // D6: a temporary party branch holds no acceptance vote.
    await p.trigger('#unit-picker', 'confirm', { value: [temporary.id], label: [''] });
    expect(kinds()).not.toContain('acceptance');
    expect(p.instance.data.form.kind).toBe('');
    expect(p.callsOf('org.tree')).toHaveLength(0);
  });

  it('asks for seats on an election and shows the server’s refusal next to the candidates', async () => {
    // The world's secretary tried an election with one candidate for three seats.
    const sent = worldInput('votes.create.election_too_few');
    const p = await loadPage('packages/votes/create/index', {
      query: { unitId: sent.unitId },
      responses: {
        ...SECRETARY,
        'people.list': MEMBERS,
        'votes.create': worldReply('votes.create.election_too_few'),
      },
    });
    await p.trigger('#kind-picker', 'confirm', { value: [sent.kind], label: [''] });
    await p.tap('#candidates-cell');
    await p.tap(`#candidate-picker >>> #pp-${(sent.candidateIds ?? [])[0]}`);
    await p.tap('#candidate-picker >>> #pp-confirm');
    await p.trigger('#time-picker', 'confirm', { value: ['2026-11-26', '14:30'], label: ['', ''] });
    await p.tap('#submit-button');
    expect(p.text('#seats-input')).toContain('请填写应选名额');
    await p.trigger('#seats-input', 'change', { value: String(sent.seats) });
    await p.tap('#submit-button');
    expect((p.callsOf('votes.create')[0].input as { seats: number }).seats).toBe(sent.seats);
    expect(p.text('#candidates-error')).toContain('候选人数不足');
  });
});
