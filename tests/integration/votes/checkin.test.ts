/**
 * Meeting check-in that cannot be forwarded, through the api function: the secretary's presence page shows the
 * meeting's rotating code (votes.checkInToken), a member scans it (votes.checkIn). A scan writes exactly one
 * participation record — no audit entry, nothing on the vote — and 实到 is counted from those records. Every refusal
 * answers its own code and writes nothing (participation, ballots, the vote and the audit trail as before).
 */
import { signCheckin } from '../../../server/domain/checkin/token';
import type { PresenceView, VoteView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addSession, createProgram, tokenFor } from '../trainings/fixtures';
import { addMembers, addUnit, type Member, screenToken, sh, stored } from './fixtures';

let emu: TestEmulator;
let members: Member[];
let candidates: Member[];
let voteA: string;
let voteB: string;
const OFFICER = 'sport_officer';
const AT = '2026-10-12 14:00';

async function openAcceptance(candidate: Member): Promise<string> {
  const { voteId } = expectOk(
    await emu.as<{ voteId: string }>(OFFICER, 'votes.create', {
      unitId: 'u_t_ci',
      kind: 'acceptance',
      title: `接收${candidate.id}为预备党员`,
      scheduledStart: sh(AT),
      candidateIds: [candidate.id],
    }),
  );
  expectOk(await emu.as(OFFICER, 'votes.open', { voteId, scrutineerIds: [members[0].id], tellerIds: [members[1].id] }));
  return voteId;
}

/** A scan that is refused with `code`, leaving the vote's records and the audit trail exactly as they were. */
async function refusedScan(who: string, voteId: string, token: string, code: string): Promise<void> {
  const before = JSON.stringify(await stored(emu, voteId));
  expect(errorCode(await emu.as(who, 'votes.checkIn', { voteId, token }))).toBe(code);
  expect(JSON.stringify(await stored(emu, voteId))).toBe(before);
}

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-10-12 09:00'));
  const unit = await addUnit(emu, 'u_t_ci', 'party_branch', 'u_sport');
  members = await addMembers(emu, unit, 8, 'CI', 'full_member');
  candidates = await addMembers(emu, unit, 2, 'CIC', 'development_candidate');
  emu.host.setClock(sh(AT));
  voteA = await openAcceptance(candidates[0]);
  voteB = await openAcceptance(candidates[1]);
});
afterAll(() => emu.close());

describe('scanning the meeting screen', () => {
  it('issues the ballot as one participation record: no audit entry, no counter on the vote', async () => {
    const token = await screenToken(emu, OFFICER, voteA);
    const before = await stored(emu, voteA);
    const r = await emu.invoke('votes.checkIn', { voteId: voteA, token }, members[2].who);
    expect(r.body).toMatchObject({ ok: true, data: { personId: members[2].id } });
    const after = await stored(emu, voteA);
    expect(after.participation).toHaveLength(before.participation.length + 1);
    expect(after.participation.map((p) => p._id)).toContain(`vp_${voteA}_${members[2].id}`);
    expect(after.audit).toBe(before.audit);
    expect(after.vote).toEqual(before.vote);
    expect(after.vote).not.toHaveProperty('present');
    expect(after.vote).not.toHaveProperty('checkInCode');
    // The pipeline's identity read, the vote, the insert, the vote again: the same for every room.
    expect(r.roundTrips).toBe(4);
  });

  it('changes nothing on a second scan: ALREADY_CHECKED_IN', async () => {
    const token = await screenToken(emu, OFFICER, voteA);
    await refusedScan(members[2].who, voteA, token, 'ALREADY_CHECKED_IN');
  });

  it('counts 实到 from the participation records, in the presence view and the vote alike', async () => {
    const token = await screenToken(emu, OFFICER, voteA);
    for (const m of members.slice(3, 5)) expectOk(await emu.as(m.who, 'votes.checkIn', { voteId: voteA, token }));
    const presence = expectOk(await emu.as<PresenceView>(OFFICER, 'votes.presence', { voteId: voteA }));
    const view = expectOk(await emu.as<VoteView>(members[6].who, 'votes.get', { voteId: voteA }));
    const records = (await stored(emu, voteA)).participation.length;
    expect(records).toBe(3);
    expect(presence).toMatchObject({ present: 3, ballotsIssued: 3 });
    expect(view.present).toBe(3);
  });
});

describe('a code that does not admit to this meeting is refused and writes nothing', () => {
  it('refuses a code past its grace: CHECKIN_TOKEN_EXPIRED', async () => {
    const token = await screenToken(emu, OFFICER, voteA);
    // A screenshot forwarded out of the room, scanned 25 seconds later (slots of 10 s, one of grace).
    emu.host.setClock(new Date(new Date(sh(AT)).getTime() + 25_000).toISOString());
    try {
      await refusedScan(members[5].who, voteA, token, 'CHECKIN_TOKEN_EXPIRED');
    } finally {
      emu.host.setClock(sh(AT));
    }
  });

  it('refuses a forged code — another key, a changed vote or slot, or no code at all: CHECKIN_TOKEN_INVALID', async () => {
    const genuine = await screenToken(emu, OFFICER, voteA);
    const [tag, , slot, mac] = genuine.split('.');
    const slotNow = Number(slot);
    const forged = [
      signCheckin('someone-elses-secret-0123456789', { subject: { kind: 'vote', voteId: voteA }, slot: slotNow }),
      `${tag}.${voteB}.${slot}.${mac}`,
      `${tag}.${voteA}.${slotNow + 1}.${mac}`,
      `${tag}.${voteA}.${slot}.${mac.slice(0, -2)}AA`,
      '123456',
    ];
    for (const token of forged) await refusedScan(members[5].who, voteA, token, 'CHECKIN_TOKEN_INVALID');
  });

  it('refuses the code of another meeting: CHECKIN_TOKEN_OTHER_VOTE', async () => {
    const other = await screenToken(emu, OFFICER, voteB);
    await refusedScan(members[5].who, voteA, other, 'CHECKIN_TOKEN_OTHER_VOTE');
  });

  it('refuses a training session’s code at a meeting: CHECKIN_TOKEN_INVALID', async () => {
    const programId = await createProgram(emu, OFFICER);
    const sessionId = await addSession(emu, OFFICER, programId, AT, '2026-10-12 16:00', 2);
    const training = await tokenFor(emu, OFFICER, sessionId);
    await refusedScan(members[5].who, voteA, training, 'CHECKIN_TOKEN_INVALID');
    // And the other way round: a meeting's code is no training code.
    const meeting = await screenToken(emu, OFFICER, voteA);
    expect(errorCode(await emu.as(members[5].who, 'trainings.checkIn', { token: meeting }))).toBe(
      'CHECKIN_TOKEN_INVALID',
    );
  });

  it('refuses someone not on the roster with the genuine code: NOT_ON_ROSTER', async () => {
    const token = await screenToken(emu, OFFICER, voteA);
    await refusedScan(candidates[0].who, voteA, token, 'NOT_ON_ROSTER');
  });

  it('refuses a code still within its grace once the close has sealed the vote: VOTE_CLOSED', async () => {
    const token = await screenToken(emu, OFFICER, voteB);
    expectOk(await emu.as(members[2].who, 'votes.checkIn', { voteId: voteB, token }));
    const sheet = expectOk(await emu.as<{ present: number }>(OFFICER, 'votes.close', { voteId: voteB }));
    expect(sheet.present).toBe(1);
    await refusedScan(members[3].who, voteB, token, 'VOTE_CLOSED');
    expect(errorCode(await emu.as(OFFICER, 'votes.checkInToken', { voteId: voteB }))).toBe('VOTE_CLOSED');
  });
});
