/**
 * What taking a step costs in database round trips, and that it does not grow: not with the branch's cases, not with
 * the 推优 votes the student's League branch has held. The floor is the caller, the transaction's start and commit,
 * the case, its new state, its record, the person's status and the audit chain's head read, entry and head write;
 * a voted step adds one read (the vote's sealed results answer all its gates ask), a League member's step adds two
 * (the branch's 推优 votes, then their decisions in one query).
 */
import { voteFactsOf } from '../../../server/actions/pipeline/load';
import type { ResultsDoc, VoteDoc } from '../../../server/actions/votes/docs';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addStudent, at, BRANCH, passVote, SECRETARY, seedTuiyou } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

/** A student applied, talked to and recommended by the members, ready for the activist step on 2026-10-12. */
async function readyForActivist(no: string, league: boolean): Promise<{ personId: string; caseId: string }> {
  at(emu, '2026-10-05');
  const student = await addStudent(emu, no, { league });
  const { caseId } = expectOk(
    await emu.call(student.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }),
  );
  at(emu, '2026-10-12');
  expectOk(
    await emu.call(SECRETARY, 'pipeline.recordTalk', {
      caseId,
      kind: 'application',
      on: '2026-10-12',
      topics: '提纲',
      content: '内容',
      opinion: '意见',
    }),
  );
  expectOk(
    await emu.call(SECRETARY, 'pipeline.recordRecommendation', {
      caseId,
      on: '2026-10-12',
      recommenderIds: ['p_2022010103'],
      content: '推荐',
    }),
  );
  return { personId: student.id, caseId };
}

async function activistStepTrips(personId: string, caseId: string): Promise<number> {
  const voteId = await passVote(emu, 'activist_determination', personId, '2026-10-12');
  const r = await emu.invoke(
    'pipeline.takeStep',
    { caseId, step: 'determine_activist', meetingRef: '支委会记录', voteId },
    SECRETARY,
  );
  expect(r.body).toMatchObject({ ok: true, data: { stage: 'activist' } });
  return r.roundTrips;
}

describe('what taking a step costs', () => {
  it('determines an activist with the branch’s vote in 12 round trips (one of them opens the activist file), the same for every case', async () => {
    const first = await readyForActivist('2026031001', false);
    expect(await activistStepTrips(first.personId, first.caseId)).toBe(12);
    for (const no of ['2026031002', '2026031003', '2026031004']) await readyForActivist(no, false);
    const later = await readyForActivist('2026031005', false);
    expect(await activistStepTrips(later.personId, later.caseId)).toBe(12);
  });

  it('reads a League member’s 推优 in two round trips however many 推优 votes the League branch has held', async () => {
    const first = await readyForActivist('2026031101', true);
    await seedTuiyou(emu, first.personId, 'activist', '2026-09-30');
    expect(await activistStepTrips(first.personId, first.caseId)).toBe(14);
    const later = await readyForActivist('2026031102', true);
    for (const other of ['p_2026031901', 'p_2026031902', 'p_2026031903', 'p_2026031904']) {
      await seedTuiyou(emu, other, 'activist', '2026-09-28');
    }
    await seedTuiyou(emu, later.personId, 'activist', '2026-09-30');
    expect(await activistStepTrips(later.personId, later.caseId)).toBe(14);
  });

  it('answers a vote’s gates from its results exactly as from the vote itself, and from the vote for results kept before', async () => {
    const { personId } = await readyForActivist('2026031201', false);
    const voteId = await passVote(emu, 'activist_determination', personId, '2026-10-12', { no: true });
    const db = emu.server.db;
    const results = (await db.collection('vote_results').findOne({ voteId })) as unknown as ResultsDoc;
    const vote = (await db.collection('votes').findOne({ _id: voteId })) as unknown as VoteDoc;
    expect(results.unitId).toBe(BRANCH);
    const fromResults = voteFactsOf({ results, vote: null }, personId);
    const { unitId: _, ...older } = results;
    expect(voteFactsOf({ results: older, vote }, personId)).toEqual(fromResults);
    expect(fromResults).toEqual({
      kind: 'activist_determination',
      unitId: BRANCH,
      closed: true,
      counted: true,
      outcome: 'failed',
      meetingOn: '2026-10-12',
    });
  });
});
