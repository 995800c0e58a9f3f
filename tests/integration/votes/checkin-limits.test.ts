/**
 * The meeting check-in code cannot be found by trying: five wrong codes lock a member out of code entry for the
 * vote (the staff can still check them in by name), and thirty wrong codes from everyone stop code entry until the
 * secretary shows a new code. A refused attempt issues no ballot and counts nobody present.
 */
import { CHECK_IN_TRIES_PER_PERSON, CHECK_IN_WRONG_CODES_PER_VOTE } from '../../../server/domain/votes/checkin';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addMembers, addUnit, type Member, sh, stored } from './fixtures';

let emu: TestEmulator;
let members: Member[];
let candidate: Member;
const OFFICER = 'sport_officer';

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-10-10 09:00'));
  const unit = await addUnit(emu, 'u_t_chk', 'party_branch', 'u_sport');
  members = await addMembers(emu, unit, 12, 'K', 'full_member');
  [candidate] = await addMembers(emu, unit, 1, 'KC', 'probationary_member');
});
afterAll(() => emu.close());

/** A conversion vote of the test branch, opened: its id and the code on the meeting screen. */
async function openVote(title: string): Promise<{ voteId: string; code: string }> {
  emu.host.setClock(sh('2026-10-10 13:00'));
  const { voteId } = expectOk(
    await emu.as<{ voteId: string }>(OFFICER, 'votes.create', {
      unitId: 'u_t_chk',
      kind: 'conversion',
      title,
      scheduledStart: sh('2026-10-10 14:00'),
      candidateIds: [candidate.id],
    }),
  );
  emu.host.setClock(sh('2026-10-10 14:00'));
  const { checkInCode } = expectOk(
    await emu.as<{ checkInCode: string }>(OFFICER, 'votes.open', {
      voteId,
      scrutineerIds: [members[0].id],
      tellerIds: [members[1].id],
    }),
  );
  return { voteId, code: checkInCode };
}

/** Six digits that are not the code (the n-th such). */
function wrongCode(code: string, n: number): string {
  const v = (Number(code) + 1 + n) % 1_000_000;
  return String(v).padStart(6, '0');
}

/** What matters for presence: the vote (present count), participation and ballots. The audit may grow by lockouts. */
async function presence(voteId: string) {
  const s = await stored(emu, voteId);
  return JSON.stringify({ vote: s.vote, participation: s.participation, boxes: s.boxes });
}

describe('a member guessing the check-in code', () => {
  it(`is locked out of code entry after ${CHECK_IN_TRIES_PER_PERSON} wrong codes, even with the right one`, async () => {
    const { voteId, code } = await openVote('转正（签到码限次）');
    const guesser = members[2];
    const before = await presence(voteId);
    const answers: (string | null)[] = [];
    for (let i = 0; i < CHECK_IN_TRIES_PER_PERSON; i++) {
      answers.push(errorCode(await emu.as(guesser.who, 'votes.checkIn', { voteId, code: wrongCode(code, i) })));
    }
    expect(answers).toEqual([...Array(CHECK_IN_TRIES_PER_PERSON - 1).fill('CHECK_IN_CODE_INVALID'), 'CHECK_IN_LOCKED']);
    expect(errorCode(await emu.as(guesser.who, 'votes.checkIn', { voteId, code }))).toBe('CHECK_IN_LOCKED');
    expect(await presence(voteId)).toBe(before);
    // The lockout is in the audit trail, the typos are not.
    const last = (await emu.server.db.collection('audit').find({ target: `vote_checkin_guards/${voteId}` })) as {
      action: string;
      target: string;
    }[];
    expect(last).toEqual([expect.objectContaining({ action: 'votes.checkIn.locked' })]);

    // Others still check in with the code, and the staff can check the locked member in by name.
    expectOk(await emu.as(members[3].who, 'votes.checkIn', { voteId, code }));
    expectOk(await emu.as(OFFICER, 'votes.checkIn', { voteId, personId: guesser.id }));
    const s = await stored(emu, voteId);
    expect(s.participation.map((p) => p.personId).sort()).toEqual([guesser.id, members[3].id].sort());
  });

  it('counts per vote: a lockout in one meeting does not follow the member to the next', async () => {
    const first = await openVote('转正（第一场）');
    for (let i = 0; i < CHECK_IN_TRIES_PER_PERSON; i++) {
      await emu.as(members[4].who, 'votes.checkIn', { voteId: first.voteId, code: wrongCode(first.code, i) });
    }
    const second = await openVote('转正（第二场）');
    expectOk(await emu.as(members[4].who, 'votes.checkIn', { voteId: second.voteId, code: second.code }));
  });
});

describe('many wrong codes from everyone', () => {
  it(`stop code entry for the vote after ${CHECK_IN_WRONG_CODES_PER_VOTE}, telling the staff to change the code`, async () => {
    const { voteId, code } = await openVote('转正（签到码总量限制）');
    const tries = CHECK_IN_TRIES_PER_PERSON - 1;
    const guessers = members.slice(2, 2 + Math.ceil(CHECK_IN_WRONG_CODES_PER_VOTE / tries));
    const answers: (string | null)[] = [];
    let n = 0;
    for (const g of guessers) {
      for (let i = 0; i < tries && n < CHECK_IN_WRONG_CODES_PER_VOTE; i++, n++) {
        answers.push(errorCode(await emu.as(g.who, 'votes.checkIn', { voteId, code: wrongCode(code, n) })));
      }
    }
    expect(answers.at(-1)).toBe('CHECK_IN_CODE_EXHAUSTED');
    expect(answers.slice(0, -1).every((a) => a === 'CHECK_IN_CODE_INVALID')).toBe(true);

    const before = await presence(voteId);
    const honest = members[11];
    const res = await emu.as(honest.who, 'votes.checkIn', { voteId, code });
    expect(errorCode(res)).toBe('CHECK_IN_CODE_EXHAUSTED');
    expect(!res.ok && res.error.message).toContain('更换签到码');
    expect(await presence(voteId)).toBe(before);
    expectOk(await emu.as(OFFICER, 'votes.checkIn', { voteId, personId: honest.id }));
  });
});
