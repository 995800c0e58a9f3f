/**
 * Concurrent casting through the emulator: one voter submitting 20 ballots at once gets exactly one in the box,
 * and 200 voters voting at the same moment are all counted.
 */
import { boxOf } from '../../../server/actions/votes/docs';
import type { ResolutionView } from '../../../typings/actions';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addMembers, addUnit, lineOf, type Member, screenToken, sh, stored } from './fixtures';

let emu: TestEmulator;
let voters: Member[];
let candidate: Member;
let voteId: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-11-05 14:00'));
  const unit = await addUnit(emu, 'u_t_big', 'party_branch', 'u_sport');
  voters = await addMembers(emu, unit, 200, 'B', 'full_member');
  [candidate] = await addMembers(emu, unit, 1, 'BC', 'development_candidate');
  voteId = expectOk(
    await emu.as<{ voteId: string }>('sport_officer', 'votes.create', {
      unitId: unit._id,
      kind: 'acceptance',
      title: '200 人支部接收预备党员',
      scheduledStart: sh('2026-11-05 14:00'),
      candidateIds: [candidate.id],
    }),
  ).voteId;
  expectOk(
    await emu.as('sport_officer', 'votes.open', {
      voteId,
      scrutineerIds: [voters[0].id],
      tellerIds: [voters[1].id],
    }),
  );
  const token = await screenToken(emu, 'sport_officer', voteId);
  // Everyone checks in at once too.
  const checkIns = await Promise.all(voters.map((v) => emu.as(v.who, 'votes.checkIn', { voteId, token })));
  expect(checkIns.filter((r) => r.ok)).toHaveLength(200);
}, 30_000);
afterAll(() => emu.close());

const choiceOf = (i: number) => (['yes', 'no', 'abstain'] as const)[i % 3];

it('counts exactly one of 20 ballots one voter submits at once, and every one of 200 voters voting at once', async () => {
  const [first, ...others] = voters;
  const burst = Array.from({ length: 20 }, () =>
    emu.as(first.who, 'votes.cast', { voteId, marks: [{ candidateId: candidate.id, choice: 'yes' }] }),
  );
  const everyone = others.map((v, i) =>
    emu.as(v.who, 'votes.cast', { voteId, marks: [{ candidateId: candidate.id, choice: choiceOf(i + 1) }] }),
  );
  const [burstResults, everyoneResults] = await Promise.all([Promise.all(burst), Promise.all(everyone)]);

  expect(burstResults.filter((r) => r.ok)).toHaveLength(1);
  expect(burstResults.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(
    Array(19).fill('ALREADY_VOTED'),
  );
  expect(everyoneResults.filter((r) => r.ok)).toHaveLength(199);

  const box = await stored(emu, voteId);
  expect(box.ballots).toHaveLength(200);
  expect(box.participation.filter((p) => p.voted)).toHaveLength(200);
  // 200 voters: 64 boxes made at open (about four voters a box), each ballot in the box its code picks, and read in
  // box order the ballots are in code order — the order of casting is still stored nowhere.
  expect(box.boxes).toHaveLength(64);
  expect(box.boxes.map((b) => b._id)).toEqual([...box.boxes.map((b) => b._id)].sort());
  for (const b of box.boxes) {
    for (const x of b.ballots) expect(boxOf(x.code as string, 64)).toBe(b.box);
  }
  const codes = box.ballots.map((b) => b.code as string);
  expect(codes).toEqual([...codes].sort());

  const r = expectOk(await emu.as<ResolutionView>('sport_officer', 'votes.close', { voteId }));
  expect(r).toMatchObject({
    expected: 200,
    present: 200,
    ballotsIssued: 200,
    ballotsReturned: 200,
    outcome: 'counted',
  });
  // voter 0 said yes; voters 1..199 cycle no, abstain, yes: 67 no, 66 abstain, 66 yes.
  expect(lineOf(r, candidate.id)).toMatchObject({ yes: 67, no: 67, abstain: 66, totalYes: 67, outcome: 'failed' });
  expect(new Set(r.ballotCodes).size).toBe(200);
  // A receipt is found in whichever of the 64 boxes its code picked.
  for (const code of [r.ballotCodes[0], r.ballotCodes[199]]) {
    const found = expectOk(
      await emu.as<{ found: boolean; counted: boolean }>(voters[5].who, 'votes.verifyBallot', { voteId, code }),
    );
    expect(found).toEqual({ found: true, counted: true });
  }
}, 30_000);
