/**
 * An association's backbones and their 培训档案 (the record evaluation of the backbones of the associations' temporary
 * party and League branches) through the api function: the association's guidance officer, the secretary of its
 * temporary branch and the units above it in the association line see the list and open each record; another
 * association's advisor, the party committee and a backbone without a reading post are refused and nothing is written.
 */
import { expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock('2026-11-23T10:30:00+08:00');
});
afterAll(() => emu.close());

async function footprint(): Promise<string> {
  const out: number[] = [];
  for (const c of ['people', 'units', 'audit', 'training_attendance'])
    out.push(await emu.server.db.collection(c).count());
  return JSON.stringify(out);
}

async function refused(who: string, action: string, input: unknown, code: string): Promise<void> {
  const before = await footprint();
  const res = await emu.as(who, action, input);
  expect(res.ok ? null : res.error.code).toBe(code);
  expect(await footprint()).toBe(before);
}

describe('an association’s backbones and their training records', () => {
  it('lists the president, the backbone and the temporary branches’ secretaries, not the advisor', async () => {
    const v = expectOk(await emu.call('advisor_bball', 'trainings.backbones', { associationId: 'u_as_bball' }));
    expect(v.associationName).toBe('篮球协会');
    expect(v.backbones.map((b) => b.name)).toEqual(['曹宁', '罗浩然', '黄子豪', '谢天宇']);
    expect(v.backbones.find((b) => b.name === '黄子豪')!.posts).toEqual([
      { roleLabel: '支部书记', unitName: '篮球协会临时团支部' },
    ]);
    expect(v.backbones.map((b) => b.name)).not.toContain('赵磊');
    // Each one's 培训档案 opens for the same reader.
    for (const b of v.backbones) {
      expect(expectOk(await emu.call('advisor_bball', 'trainings.record', { personId: b.personId })).name).toBe(b.name);
    }
  });

  it('shows them to the temporary branch’s secretary and to the federation, League committee and guidance college', async () => {
    for (const who of ['sport_full2', 'fed_chair', 'league_admin', 'sport_officer', 'admin']) {
      const v = expectOk(await emu.call(who, 'trainings.backbones', { associationId: 'u_as_bball' }));
      expect([who, v.backbones.length]).toEqual([who, 4]);
    }
  });

  it('refuses another association’s advisor, the party committee and another college, writing nothing', async () => {
    for (const who of ['advisor_taiji', 'party_admin', 'info_officer', 'sport_pb_sec'])
      await refused(who, 'trainings.backbones', { associationId: 'u_as_bball' }, 'OUT_OF_SCOPE');
    await refused('bball_backbone', 'trainings.backbones', { associationId: 'u_as_bball' }, 'FORBIDDEN');
    await refused('advisor_bball', 'trainings.backbones', { associationId: 'u_as_missing' }, 'UNIT_NOT_FOUND');
    await refused('advisor_bball', 'trainings.backbones', { associationId: 'u_as_bball_tpb' }, 'UNIT_KIND_INVALID');
  });

  it('names the associations a reader looks after, for the entry on the trainings list', async () => {
    const ids = async (who: string) =>
      expectOk(await emu.call(who, 'trainings.backboneAssociations', {})).map((a) => a.id);
    expect(await ids('advisor_bball')).toEqual(['u_as_bball']);
    expect(await ids('sport_full2')).toEqual(['u_as_bball']);
    expect(await ids('sport_lb_sec')).toEqual(['u_as_bball']);
    expect(await ids('sport_officer')).toEqual(['u_as_bball', 'u_as_taiji']);
    expect(await ids('party_admin')).toEqual([]);
    expect(await ids('sport_pb_sec')).toEqual([]);
  });

  it('costs the same few round trips however many backbones an association has', async () => {
    expect(
      (await emu.invoke('trainings.backbones', { associationId: 'u_as_bball' }, 'advisor_bball')).roundTrips,
    ).toBeLessThanOrEqual(4);
    expect((await emu.invoke('trainings.backboneAssociations', {}, 'league_admin')).roundTrips).toBeLessThanOrEqual(4);
  });
});
