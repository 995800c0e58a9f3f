/**
 * Every refusal of the votes actions, through the api: each answers its own error code and writes nothing
 * (the vote, its participation records, its ballots and the audit trail are exactly as before).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PresenceView, VoteView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addMembers, addUnit, screenToken, sh, stored } from './fixtures';

let emu: TestEmulator;
const SEC = 'sport_pb_sec';
const CANDIDATE = 'p_2023010101'; // 冯晨, probationary member of 体育学院学生党支部
const [PB_SEC, PB_CM, FULL1, FULL2, FULL3] = ['2022010101', '2022010102', '2022010103', '2022010104', '2022010105'].map(
  (n) => `p_${n}`,
);
const yes = [{ candidateId: CANDIDATE, choice: 'yes' }];

let voteId: string;

/** Runs a refused call and checks that the stored state of the vote did not change. */
async function refused(who: string, action: string, input: unknown, code: string, id = voteId): Promise<void> {
  const before = JSON.stringify(await stored(emu, id));
  expect(errorCode(await emu.as(who, action, input))).toBe(code);
  expect(JSON.stringify(await stored(emu, id))).toBe(before);
}

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-11-02 14:00'));
  voteId = expectOk(
    await emu.as<{ voteId: string }>(SEC, 'votes.create', {
      unitId: 'u_sport_pb',
      kind: 'conversion',
      title: '冯晨同志转正',
      scheduledStart: sh('2026-11-02 14:30'),
      candidateIds: [CANDIDATE],
    }),
  ).voteId;
});
afterAll(() => emu.close());

describe('before the vote opens', () => {
  it('refuses check-in and ballots: VOTE_NOT_OPEN', async () => {
    await refused(SEC, 'votes.checkIn', { voteId, personId: FULL1 }, 'VOTE_NOT_OPEN');
    await refused(SEC, 'votes.checkInToken', { voteId }, 'VOTE_NOT_OPEN');
    await refused('sport_full1', 'votes.cast', { voteId, marks: yes }, 'VOTE_NOT_OPEN');
    await refused(SEC, 'votes.presence', { voteId }, 'VOTE_NOT_OPEN');
  });

  it('refuses a secretary of another branch: OUT_OF_SCOPE', async () => {
    const open = { voteId, scrutineerIds: [PB_CM], tellerIds: [FULL1] };
    await refused('info_pb_sec', 'votes.open', open, 'OUT_OF_SCOPE');
    await refused('info_pb_sec', 'votes.close', { voteId }, 'OUT_OF_SCOPE');
    await refused('info_pb_sec', 'votes.cancel', { voteId, reason: '越权取消' }, 'OUT_OF_SCOPE');
    const create = {
      unitId: 'u_sport_pb',
      kind: 'conversion',
      title: '越权发起',
      scheduledStart: sh('2026-11-02 14:30'),
      candidateIds: [CANDIDATE],
    };
    expect(errorCode(await emu.as('info_pb_sec', 'votes.create', create))).toBe('OUT_OF_SCOPE');
  });

  it('refuses a title the content check finds risky, and creates no vote: CONTENT_REJECTED', async () => {
    const votes = await emu.server.db.collection('votes').count();
    const audit = await emu.server.db.collection('audit').count();
    const input = {
      unitId: 'u_sport_pb',
      kind: 'conversion',
      title: '赌博活动转正',
      scheduledStart: sh('2026-11-02 14:30'),
      candidateIds: [CANDIDATE],
    };
    expect(errorCode(await emu.as(SEC, 'votes.create', input))).toBe('CONTENT_REJECTED');
    expect(await emu.server.db.collection('votes').count()).toBe(votes);
    expect(await emu.server.db.collection('audit').count()).toBe(audit);
  });

  it('refuses a named ballot where 无记名 is required (F1): SECRET_BALLOT_REQUIRED', async () => {
    const input = {
      unitId: 'u_sport_pb',
      kind: 'conversion',
      title: '记名转正',
      scheduledStart: sh('2026-11-02 14:30'),
      candidateIds: [CANDIDATE],
      secret: false,
    };
    expect(errorCode(await emu.as(SEC, 'votes.create', input))).toBe('SECRET_BALLOT_REQUIRED');
  });

  it('refuses a conversion or 推优 vote in a temporary association branch (D6, B7): TEMP_BRANCH_CANNOT_HOLD', async () => {
    const conversion = {
      unitId: 'u_as_bball_tpb',
      kind: 'conversion',
      title: '临时支部转正',
      scheduledStart: sh('2026-11-02 14:30'),
      candidateIds: [CANDIDATE],
    };
    expect(errorCode(await emu.as('sport_full2', 'votes.create', conversion))).toBe('TEMP_BRANCH_CANNOT_HOLD');
    const tuiyou = {
      unitId: 'u_as_bball_tlb',
      kind: 'tuiyou',
      title: '临时团支部推优',
      scheduledStart: sh('2026-11-02 14:30'),
      candidateIds: ['p_2023010104'],
      tuiyouTarget: 'development_candidate',
    };
    expect(errorCode(await emu.as('sport_lb_sec', 'votes.create', tuiyou))).toBe('TEMP_BRANCH_CANNOT_HOLD');
  });

  it('refuses to open with too few members with voting rights: TOO_FEW_VOTERS', async () => {
    const unit = await addUnit(emu, 'u_t_small', 'party_branch', 'u_sport');
    await addMembers(emu, unit, 2, 'S', 'full_member');
    const [prob] = await addMembers(emu, unit, 1, 'SP', 'probationary_member');
    const small = expectOk(
      await emu.as<{ voteId: string }>('sport_officer', 'votes.create', {
        unitId: unit._id,
        kind: 'conversion',
        title: '小支部转正',
        scheduledStart: sh('2026-11-02 14:30'),
        candidateIds: [prob.id],
      }),
    ).voteId;
    const open = { voteId: small, scrutineerIds: ['p_S0001'], tellerIds: ['p_S0002'] };
    await refused('sport_officer', 'votes.open', open, 'TOO_FEW_VOTERS', small);
  });

  it('refuses to leave out of 应到 someone who has no vote anyway: NOT_ON_ROSTER', async () => {
    const exclusion = {
      personId: 'p_2023010102', // probationary: not on the roster
      reason: 'abroad_private',
      higherApproval: '体院党委〔2026〕7号',
      meetingAgreed: true,
    };
    const open = { voteId, scrutineerIds: [PB_CM], tellerIds: [FULL1], exclusions: [exclusion] };
    await refused(SEC, 'votes.open', open, 'NOT_ON_ROSTER');
    // Without the meeting's agreement the input itself is refused.
    await refused(SEC, 'votes.open', { ...open, exclusions: [{ ...exclusion, meetingAgreed: false }] }, 'BAD_INPUT');
  });
});

describe('while the vote is open', () => {
  let token: string;
  beforeAll(async () => {
    const opened = expectOk(
      await emu.as<{ expected: number }>(SEC, 'votes.open', {
        voteId,
        scrutineerIds: [PB_CM],
        tellerIds: [FULL1],
        exclusions: [
          { personId: FULL3, reason: 'bedridden', higherApproval: '体院党委〔2026〕8号', meetingAgreed: true },
        ],
      }),
    );
    expect(opened.expected).toBe(4);
    token = await screenToken(emu, SEC, voteId);
    for (const who of [SEC, 'sport_pb_cm', 'sport_full1'])
      expectOk(await emu.as(who, 'votes.checkIn', { voteId, token }));
  });

  it('cannot be opened again or cancelled (only closed and counted): VOTE_ALREADY_OPEN', async () => {
    await refused(SEC, 'votes.open', { voteId, scrutineerIds: [PB_CM], tellerIds: [FULL1] }, 'VOTE_ALREADY_OPEN');
    await refused(SEC, 'votes.cancel', { voteId, reason: '会议中止' }, 'VOTE_ALREADY_OPEN');
  });

  it('refuses a code that is not the screen’s: CHECKIN_TOKEN_INVALID', async () => {
    await refused('sport_full2', 'votes.checkIn', { voteId, token: '123456' }, 'CHECKIN_TOKEN_INVALID');
  });

  it('refuses a second check-in: ALREADY_CHECKED_IN', async () => {
    await refused('sport_full1', 'votes.checkIn', { voteId, token }, 'ALREADY_CHECKED_IN');
    await refused(SEC, 'votes.checkIn', { voteId, personId: FULL1 }, 'ALREADY_CHECKED_IN');
  });

  it('refuses members who are not on the roster, or excluded from 应到: NOT_ON_ROSTER', async () => {
    await refused('sport_prob2', 'votes.checkIn', { voteId, token }, 'NOT_ON_ROSTER');
    await refused('sport_prob2', 'votes.cast', { voteId, marks: yes }, 'NOT_ON_ROSTER');
    await refused('sport_full3', 'votes.checkIn', { voteId, token }, 'NOT_ON_ROSTER');
    await refused('info_full1', 'votes.cast', { voteId, marks: yes }, 'NOT_ON_ROSTER');
  });

  it('refuses a ballot from a voter who has not checked in: NOT_CHECKED_IN', async () => {
    await refused('sport_full2', 'votes.cast', { voteId, marks: yes }, 'NOT_CHECKED_IN');
  });

  it('refuses a secretary of another branch checking people in or reading presence: OUT_OF_SCOPE', async () => {
    await refused('info_pb_sec', 'votes.checkIn', { voteId, personId: FULL2 }, 'OUT_OF_SCOPE');
    await refused('info_pb_sec', 'votes.presence', { voteId }, 'OUT_OF_SCOPE');
    await refused('info_pb_sec', 'votes.checkInToken', { voteId }, 'OUT_OF_SCOPE');
  });

  it('refuses a malformed ballot — two marks for one candidate, or a stranger on it: BALLOT_MALFORMED', async () => {
    const twice = [
      { candidateId: CANDIDATE, choice: 'yes' },
      { candidateId: CANDIDATE, choice: 'no' },
    ];
    await refused('sport_full1', 'votes.cast', { voteId, marks: twice }, 'BALLOT_MALFORMED');
    const stranger = [...yes, { candidateId: 'p_2023010102', choice: 'yes' }];
    await refused('sport_full1', 'votes.cast', { voteId, marks: stranger }, 'BALLOT_MALFORMED');
    const grade = [{ candidateId: CANDIDATE, choice: 'excellent' }];
    await refused('sport_full1', 'votes.cast', { voteId, marks: grade }, 'BALLOT_MALFORMED');
  });

  it('takes one ballot per voter: a second is ALREADY_VOTED and leaves one ballot in the box', async () => {
    expectOk(await emu.as('sport_full1', 'votes.cast', { voteId, marks: yes }));
    await refused('sport_full1', 'votes.cast', { voteId, marks: yes }, 'ALREADY_VOTED');
    expect((await stored(emu, voteId)).ballots).toHaveLength(1);
  });

  it('shows turnout but no result before the close: RESULTS_SEALED for everyone', async () => {
    const presence = expectOk(await emu.as<PresenceView>(SEC, 'votes.presence', { voteId }));
    expect(presence).toMatchObject({ expected: 4, present: 3, ballotsIssued: 3, ballotsReturned: 1 });
    expect(presence.absent.map((a) => a.id)).toEqual([FULL2]);
    expect(presence.excluded).toMatchObject([{ id: FULL3, reasonLabel: '长期卧床不起' }]);
    for (const who of [SEC, 'admin', 'party_admin', 'sport_full1']) {
      await refused(who, 'votes.resolution', { voteId }, 'RESULTS_SEALED');
      await refused(who, 'votes.verifyBallot', { voteId, code: 'ABCD2345' }, 'RESULTS_SEALED');
    }
    const view = expectOk(await emu.as<VoteView>('sport_full1', 'votes.get', { voteId }));
    expect(view.me).toEqual({ onRoster: true, checkedIn: true, voted: true, writtenOpinionSubmitted: false });
    expect(view.present).toBe(3);
    // A voter does not get the screen's code (only those who manage the vote do).
    await refused('sport_full1', 'votes.checkInToken', { voteId }, 'OUT_OF_SCOPE');
  });

  it('closes every votes collection, ballots first, to all clients in the database rules', async () => {
    const spec = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../database/indexes.json'), 'utf8'));
    for (const c of ['votes', 'vote_participation', 'ballots', 'vote_results', 'vote_written', 'vote_decisions']) {
      expect(spec.collections[c].rules).toEqual({ read: false, write: false });
    }
  });

  it('refuses a written opinion once the meeting has started: WRITTEN_OPINION_TOO_LATE', async () => {
    await refused('sport_full2', 'votes.addWrittenOpinion', { voteId, marks: yes }, 'WRITTEN_OPINION_TOO_LATE');
  });
});

describe('after the close', () => {
  beforeAll(async () => {
    expectOk(await emu.as(SEC, 'votes.close', { voteId }));
  });

  it('refuses ballots, check-ins, opinions and reopening: VOTE_CLOSED', async () => {
    await refused('sport_pb_cm', 'votes.cast', { voteId, marks: yes }, 'VOTE_CLOSED'); // checked in, never cast
    await refused('sport_full1', 'votes.cast', { voteId, marks: yes }, 'VOTE_CLOSED');
    const late = await emu.as<{ token: string }>(SEC, 'votes.checkInToken', { voteId });
    expect(errorCode(late)).toBe('VOTE_CLOSED');
    await refused('sport_full2', 'votes.addWrittenOpinion', { voteId, marks: yes }, 'VOTE_CLOSED');
    await refused(SEC, 'votes.open', { voteId, scrutineerIds: [PB_CM], tellerIds: [FULL1] }, 'VOTE_CLOSED');
    await refused(SEC, 'votes.cancel', { voteId, reason: '事后取消' }, 'VOTE_CLOSED');
  });

  it('keeps the result from those off the roster who do not manage the branch: OUT_OF_SCOPE', async () => {
    await refused('info_pb_sec', 'votes.resolution', { voteId }, 'OUT_OF_SCOPE');
    await refused('sport_prob2', 'votes.verifyBallot', { voteId, code: 'ABCD2345' }, 'OUT_OF_SCOPE');
  });

  it('refuses a committee decision on a kind that has none: BAD_INPUT', async () => {
    const input = {
      voteId,
      decidedOn: '2026-11-03',
      minutesRef: '体院党支〔2026〕1号',
      decision: { type: 'tuiyou', recommended: [], declined: [] },
    };
    await refused(SEC, 'votes.recordDecision', input, 'BAD_INPUT');
    await refused('info_pb_sec', 'votes.recordDecision', input, 'OUT_OF_SCOPE');
  });

  it('keeps who was present on participation records only, sealed with the count', async () => {
    const s = await stored(emu, voteId);
    expect(s.participation.map((p) => p.personId).sort()).toEqual([FULL1, PB_CM, PB_SEC].sort());
  });
});

describe('cancelling a draft', () => {
  it('withdraws a vote that has not opened, with its reason on the trail, and then refuses to open it', async () => {
    const draft = expectOk(
      await emu.as<{ voteId: string }>(SEC, 'votes.create', {
        unitId: 'u_sport_pb',
        kind: 'conversion',
        title: '冯晨同志转正（改期）',
        scheduledStart: sh('2026-11-09 14:30'),
        candidateIds: [CANDIDATE],
      }),
    ).voteId;
    await refused(SEC, 'votes.cancel', { voteId: draft, reason: '' }, 'BAD_INPUT', draft);
    expect(expectOk(await emu.as(SEC, 'votes.cancel', { voteId: draft, reason: '会议改期，重新发起' }))).toEqual({
      voteId: draft,
      state: 'cancelled',
    });
    expect(expectOk(await emu.as<VoteView>(SEC, 'votes.get', { voteId: draft })).stateLabel).toBe('已取消');
    const trail = (await emu.server.db.collection('audit').find({ action: 'votes.cancel' })) as { target: string }[];
    expect(trail.map((t) => t.target)).toEqual([`votes/${draft}`]);
    await refused(
      SEC,
      'votes.open',
      { voteId: draft, scrutineerIds: [PB_CM], tellerIds: [FULL1] },
      'VOTE_CLOSED',
      draft,
    );
    await refused(SEC, 'votes.cancel', { voteId: draft, reason: '再次取消' }, 'VOTE_CLOSED', draft);
  });
});
