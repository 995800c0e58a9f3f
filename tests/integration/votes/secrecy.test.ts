/**
 * Secrecy of the stored records (F4: participation plus aggregates, never voter-to-choice links), inspected
 * straight in the emulator's store: a ballot record and a participation record share no field but the vote
 * id, a ballot carries no time and no sequence, and nothing in storage order says when a ballot was cast —
 * even in the worst case, where members vote in exactly the order they checked in.
 */
import type { ResolutionView } from '../../../typings/actions';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addMembers, addUnit, type Member, screenToken, sh, stored } from './fixtures';

let emu: TestEmulator;
let voters: Member[];
let candidate: Member;
let voteId: string;
const cast: { voter: string; code: string; choice: string }[] = [];

const TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|^\d{10,13}$/;

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-11-06 13:00'));
  const unit = await addUnit(emu, 'u_t_sec', 'party_branch', 'u_sport');
  voters = await addMembers(emu, unit, 8, 'Q', 'full_member');
  [candidate] = await addMembers(emu, unit, 1, 'QC', 'development_candidate');
  voteId = expectOk(
    await emu.as<{ voteId: string }>('sport_officer', 'votes.create', {
      unitId: unit._id,
      kind: 'acceptance',
      title: '无记名投票存储检查',
      scheduledStart: sh('2026-11-06 14:00'),
      candidateIds: [candidate.id],
    }),
  ).voteId;
  emu.host.setClock(sh('2026-11-06 14:00'));
  expectOk(
    await emu.as('sport_officer', 'votes.open', {
      voteId,
      scrutineerIds: [voters[0].id],
      tellerIds: [voters[1].id],
    }),
  );
  for (const [i, v] of voters.entries()) {
    emu.host.setClock(sh(`2026-11-06 14:01:0${i}`));
    const token = await screenToken(emu, 'sport_officer', voteId);
    expectOk(await emu.as(v.who, 'votes.checkIn', { voteId, token }));
  }
  // The worst case for secrecy: they vote in the order they checked in, a few seconds apart.
  for (const [i, v] of voters.entries()) {
    emu.host.setClock(sh(`2026-11-06 14:05:0${i}`));
    const choice = i % 2 === 0 ? 'yes' : 'no';
    const { code } = expectOk(
      await emu.as<{ code: string }>(v.who, 'votes.cast', { voteId, marks: [{ candidateId: candidate.id, choice }] }),
    );
    cast.push({ voter: v.id, code, choice });
  }
});
afterAll(() => emu.close());

describe('what a ballot holds', () => {
  it('holds the vote id, the marks and the random code — nothing else', async () => {
    const { ballots } = await stored(emu, voteId);
    expect(ballots).toHaveLength(8);
    for (const b of ballots) {
      expect(Object.keys(b).sort()).toEqual(['code', 'marks', 'voteId']);
      expect(b.voteId).toBe(voteId);
      expect(b.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      for (const m of b.marks as Record<string, unknown>[])
        expect(Object.keys(m).sort()).toEqual(['candidateId', 'choice']);
    }
  });

  it('names no voter and carries no time or number anywhere in the ballot boxes', async () => {
    const { boxes } = await stored(emu, voteId);
    const text = JSON.stringify(boxes.map((b) => b.ballots));
    for (const v of voters) {
      expect(text).not.toContain(v.id);
      expect(text).not.toContain(v.who.slice('openid:'.length));
    }
    const values: unknown[] = [];
    JSON.parse(text, (_k, v) => {
      if (typeof v !== 'object') values.push(v);
      return v;
    });
    expect(values.filter((v) => typeof v === 'number')).toEqual([]);
    expect(values.filter((v) => typeof v === 'string' && TIME.test(v))).toEqual([]);
  });
});

describe('what participation holds', () => {
  it('records who checked in and whether they voted, with no receipt code and no time of voting', async () => {
    const { participation, vote } = await stored(emu, voteId);
    expect(participation).toHaveLength(8);
    for (const p of participation) {
      expect(Object.keys(p).sort()).toEqual(
        [
          '_id',
          'ballot',
          'boxes',
          'checkedInAt',
          'checkedInBy',
          'personId',
          'sealed',
          'secret',
          'voteId',
          'voted',
        ].sort(),
      );
      expect(p.voted).toBe(true);
    }
    const text = JSON.stringify({ participation, vote });
    for (const c of cast) expect(text).not.toContain(c.code);
  });

  it('shares no field with a ballot record except the vote id', async () => {
    const { participation, ballots } = await stored(emu, voteId);
    const shared = Object.keys(ballots[0]).filter((k) => Object.keys(participation[0]).includes(k));
    expect(shared).toEqual(['voteId']);
  });

  it('keeps check-in order in storage, which says nothing about when anyone voted (updated in place)', async () => {
    const { participation } = await stored(emu, voteId);
    expect(participation.map((p) => p.personId)).toEqual(voters.map((v) => v.id));
    expect(participation.every((p) => !JSON.stringify(p).includes('14:05'))).toBe(true);
  });
});

describe('order', () => {
  it('stores the ballots in code order, whatever the order of casting', async () => {
    const { boxes, ballots } = await stored(emu, voteId);
    expect(boxes.map((b) => b._id)).toEqual([...boxes.map((b) => b._id)].sort()); // made at open, before any vote
    expect(ballots.map((b) => b.code)).toEqual(cast.map((c) => c.code).sort());
  });

  it('leaves no entry in the audit chain per ballot, and none of the chain mentions a code', async () => {
    const audit = (await emu.server.db.collection('audit').find({})) as { action: string; target: string }[];
    expect(audit.filter((e) => e.action === 'votes.cast')).toEqual([]);
    expect(audit.filter((e) => e.target.startsWith('ballots/'))).toEqual([]);
    const text = JSON.stringify(audit);
    for (const c of cast) expect(text).not.toContain(c.code);
  });
});

describe('after the close', () => {
  it('publishes the totals and the sorted list of counted codes, and seals who took part into the chain', async () => {
    emu.host.setClock(sh('2026-11-06 14:10'));
    const r = expectOk(await emu.as<ResolutionView>('sport_officer', 'votes.close', { voteId }));
    expect(r.lines[0]).toMatchObject({ yes: 4, no: 4 });
    expect(r.ballotCodes).toEqual(cast.map((c) => c.code).sort());
    const audit = (await emu.server.db.collection('audit').find({ action: 'votes.results' })) as { target: string }[];
    expect(audit.map((e) => e.target)).toEqual([`vote_results/r_${voteId}`]);
    expect(expectOk(await emu.as<{ ok: boolean }>('admin', 'audit.verify')).ok).toBe(true);
  });
});
