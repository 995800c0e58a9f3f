/**
 * An acceptance meeting end to end through the api function: the thresholds with the rules' own example
 * (细则 2014 第二十条/第二十一条: 11 expected, 6 present, 5 yes — quorum holds, acceptance fails), written
 * opinions as separate lines, the resolution sheet, ballot receipts, the audit trail and the cost of a cast.
 */
import type { Page, ResolutionView, VoteCardView, VoteView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addMembers, addUnit, lineOf, type Member, memberName, openAndCheckIn, sh } from './fixtures';

let emu: TestEmulator;
let members: Member[];
let candidates: Member[];
const OFFICER = 'sport_officer';

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-10-10 09:00'));
  const unit = await addUnit(emu, 'u_t_acc', 'party_branch', 'u_sport');
  members = await addMembers(emu, unit, 11, 'A', 'full_member');
  candidates = await addMembers(emu, unit, 4, 'AC', 'development_candidate');
});
afterAll(() => emu.close());

async function createAcceptance(candidate: Member, start = '2026-10-10 14:00'): Promise<string> {
  return expectOk(
    await emu.as<{ voteId: string }>(OFFICER, 'votes.create', {
      unitId: 'u_t_acc',
      kind: 'acceptance',
      title: `接收${candidate.id}为预备党员`,
      scheduledStart: sh(start),
      candidateIds: [candidate.id],
    }),
  ).voteId;
}

const yes = (c: Member) => [{ candidateId: c.id, choice: 'yes' }];
const no = (c: Member) => [{ candidateId: c.id, choice: 'no' }];

describe('接收预备党员 (A13, A14)', () => {
  let voteId: string;
  let codes: string[];
  let castTrips: number[];

  beforeAll(async () => {
    emu.host.setClock(sh('2026-10-10 13:00'));
    voteId = await createAcceptance(candidates[0]);
    emu.host.setClock(sh('2026-10-10 14:00'));
    const present = members.slice(0, 6);
    await openAndCheckIn(emu, OFFICER, voteId, { scrutineer: members[0].id, teller: members[1].id }, present);
    codes = [];
    castTrips = [];
    for (const [i, m] of present.entries()) {
      const r = await emu.invoke(
        'votes.cast',
        { voteId, marks: i < 5 ? yes(candidates[0]) : no(candidates[0]) },
        m.who,
      );
      const body = r.body as { ok: boolean; data: { code: string } };
      expect(body.ok).toBe(true);
      codes.push(body.data.code);
      castTrips.push(r.roundTrips);
    }
  });

  it('shows no totals while the vote is open, to anyone, including the managers', async () => {
    const view = expectOk(await emu.as<VoteView>(OFFICER, 'votes.get', { voteId }));
    expect(view).toMatchObject({ state: 'open', expected: 11, present: 6, canManage: true });
    expect(JSON.stringify(view)).not.toMatch(/"yes"\s*:\s*\d|totalYes|ballotCodes/);
    expect(errorCode(await emu.as(OFFICER, 'votes.resolution', { voteId }))).toBe('RESULTS_SEALED');
    expect(errorCode(await emu.as('admin', 'votes.resolution', { voteId }))).toBe('RESULTS_SEALED');
    expect(errorCode(await emu.as(members[0].who, 'votes.verifyBallot', { voteId, code: codes[0] }))).toBe(
      'RESULTS_SEALED',
    );
  });

  it('fails acceptance with 5 yes of 11 expected even though the 6 present make the quorum', async () => {
    const r = expectOk(await emu.as<ResolutionView>(OFFICER, 'votes.close', { voteId }));
    expect(r).toMatchObject({
      ballotForm: 'choices',
      excellentLimit: null,
      expected: 11,
      present: 6,
      ballotsIssued: 6,
      ballotsReturned: 6,
      ballotsInvalid: 0,
      writtenOpinions: 0,
      outcome: 'counted',
      method: '无记名投票',
      date: '2026-10-10',
      ruleVersion: '2014',
      ruleVerified: true,
    });
    expect(lineOf(r, candidates[0].id)).toMatchObject({
      yes: 5,
      no: 1,
      abstain: 0,
      invalid: 0,
      totalYes: 5,
      outcome: 'failed',
      outcomeLabel: '未通过',
    });
    expect(r.articles.join()).toContain('细则(2014) 第二十一条');
    expect(r.scrutineers).toEqual([memberName('A0001')]);
    expect(r.ballotCodes).toEqual([...codes].sort());
  });

  it('lets each voter find their code in the count after the close, without revealing the choice', async () => {
    const check = expectOk(await emu.as(members[3].who, 'votes.verifyBallot', { voteId, code: codes[3] }));
    expect(check).toEqual({ found: true, counted: true });
    expect(expectOk(await emu.as(members[3].who, 'votes.verifyBallot', { voteId, code: 'ZZZZ2222' }))).toEqual({
      found: false,
      counted: false,
    });
    // Results are for the roster and the managers only.
    expect(errorCode(await emu.as('sport_league1', 'votes.resolution', { voteId }))).toBe('OUT_OF_SCOPE');
    expect(expectOk(await emu.as<ResolutionView>(members[10].who, 'votes.resolution', { voteId })).present).toBe(6);
  });

  it('never reopens a closed vote, nor takes check-ins or ballots after the close', async () => {
    const open = { voteId, scrutineerIds: [members[0].id], tellerIds: [members[1].id] };
    expect(errorCode(await emu.as(OFFICER, 'votes.open', open))).toBe('VOTE_CLOSED');
    expect(errorCode(await emu.as(OFFICER, 'votes.close', { voteId }))).toBe('VOTE_CLOSED');
    expect(errorCode(await emu.as(OFFICER, 'votes.checkIn', { voteId, personId: members[7].id }))).toBe('VOTE_CLOSED');
    expect(errorCode(await emu.as(members[0].who, 'votes.cast', { voteId, marks: yes(candidates[0]) }))).toBe(
      'VOTE_CLOSED',
    );
  });

  it('records every state change in the chain except the scans and the casts, whose participation the close seals in', async () => {
    const page = expectOk(
      await emu.as<{ items: { action: string; target: string }[] }>('admin', 'audit.list', { pageSize: 50 }),
    );
    const mine = page.items.filter((e) => e.target.includes(voteId)).map((e) => e.action);
    expect(mine.sort()).toEqual(['votes.create', 'votes.open', 'votes.seal', 'votes.close', 'votes.results'].sort());
    expect(expectOk(await emu.as<{ ok: boolean }>('admin', 'audit.verify')).ok).toBe(true);
  });

  it('costs 6 database round trips per cast, the same for every voter', () => {
    expect(castTrips).toEqual([6, 6, 6, 6, 6, 6]);
  });

  it('lists the vote for the branch managers and for its members', async () => {
    const managed = expectOk(await emu.as<Page<VoteCardView>>(OFFICER, 'votes.list', { unitId: 'u_t_acc' }));
    expect(managed.items.map((v) => v.id)).toContain(voteId);
    const mine = expectOk(await emu.as<Page<VoteCardView>>(members[2].who, 'votes.listMine', { state: 'closed' }));
    expect(mine.items.map((v) => v.id)).toContain(voteId);
  });
});

describe('书面意见 (A14, F3)', () => {
  it('counts a written opinion given before the meeting as its own line: 5 in the room + 1 written passes', async () => {
    emu.host.setClock(sh('2026-10-11 09:00'));
    const voteId = await createAcceptance(candidates[1], '2026-10-11 14:00');
    const absent = members[10];
    emu.host.setClock(sh('2026-10-11 13:59'));
    expect(
      expectOk(await emu.as(absent.who, 'votes.addWrittenOpinion', { voteId, marks: yes(candidates[1]) })),
    ).toMatchObject({ voterId: absent.id });
    expect(errorCode(await emu.as(absent.who, 'votes.addWrittenOpinion', { voteId, marks: no(candidates[1]) }))).toBe(
      'WRITTEN_OPINION_EXISTS',
    );
    emu.host.setClock(sh('2026-10-11 14:00'));
    // At the meeting start it is too late (F3: an opinion given afterwards is invalid).
    expect(
      errorCode(await emu.as(members[9].who, 'votes.addWrittenOpinion', { voteId, marks: yes(candidates[1]) })),
    ).toBe('WRITTEN_OPINION_TOO_LATE');
    const present = members.slice(0, 6);
    await openAndCheckIn(emu, OFFICER, voteId, { scrutineer: members[0].id, teller: members[1].id }, present);
    for (const [i, m] of present.entries()) {
      expectOk(await emu.as(m.who, 'votes.cast', { voteId, marks: i < 5 ? yes(candidates[1]) : no(candidates[1]) }));
    }
    const r = expectOk(await emu.as<ResolutionView>(OFFICER, 'votes.close', { voteId }));
    expect(r).toMatchObject({ expected: 11, present: 6, writtenOpinions: 1, outcome: 'counted' });
    expect(lineOf(r, candidates[1].id)).toMatchObject({ yes: 5, no: 1, writtenYes: 1, totalYes: 6, outcome: 'passed' });
  });

  it('takes no decision when more than half of 应到 are absent (A13)', async () => {
    emu.host.setClock(sh('2026-10-12 14:00'));
    const voteId = await createAcceptance(candidates[2], '2026-10-12 14:00');
    const present = members.slice(0, 5);
    await openAndCheckIn(emu, OFFICER, voteId, { scrutineer: members[0].id, teller: members[1].id }, present);
    for (const m of present) expectOk(await emu.as(m.who, 'votes.cast', { voteId, marks: yes(candidates[2]) }));
    const r = expectOk(await emu.as<ResolutionView>(OFFICER, 'votes.close', { voteId }));
    expect(r).toMatchObject({ expected: 11, present: 5, outcome: 'inquorate' });
    expect(lineOf(r, candidates[2].id)).toMatchObject({ yes: 5, outcome: null });
  });
});

describe('收回票数多于发出票数 (F2)', () => {
  it('voids the round when the box holds more ballots than were issued, e.g. one slipped in at the console', async () => {
    emu.host.setClock(sh('2026-10-13 14:00'));
    const voteId = await createAcceptance(candidates[3], '2026-10-13 14:00');
    const present = members.slice(0, 6);
    await openAndCheckIn(emu, OFFICER, voteId, { scrutineer: members[0].id, teller: members[1].id }, present);
    for (const m of present) expectOk(await emu.as(m.who, 'votes.cast', { voteId, marks: yes(candidates[3]) }));
    const cloud = require('wx-server-sdk');
    const db = cloud.database();
    await db
      .collection('ballots')
      .doc(`bx_${voteId}_00`)
      .update({ data: { ballots: db.command.push([{ voteId, code: '22222222', marks: yes(candidates[3]) }]) } });
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const r = expectOk(await emu.as<ResolutionView>(OFFICER, 'votes.close', { voteId }));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('7 ballots but 6 voters marked as voted'));
    error.mockRestore();
    expect(r).toMatchObject({ ballotsIssued: 6, ballotsReturned: 7, outcome: 'void' });
    expect(r.outcomeLabel).toContain('须重新投票');
    expect(lineOf(r, candidates[3].id).outcome).toBeNull();
  });
});
