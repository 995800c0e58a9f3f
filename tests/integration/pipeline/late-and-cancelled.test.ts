/**
 * The branch meeting a month after 预审 (A12): refused under the 2026 revision, a warning under 2014; and a
 * probationary member whose membership the branch cancels (A20), back to the masses.
 */
import type { Person } from '../../../typings/domain';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addStudent, at, BRANCH, footprint, passVote, preExamBothLevels, SECRETARY, toCandidate } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

async function applyAs(no: string, version: '2014' | '2026.05', day: string) {
  at(emu, day);
  expectOk(await emu.call('party_admin', 'pipeline.setRuleVersion', { ruleVersion: version }));
  const s = await addStudent(emu, no);
  const { caseId } = expectOk(await emu.call(s.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }));
  return { ...s, caseId };
}

describe('A12: the branch meeting within a month of 预审', () => {
  it('under the 2026 revision a meeting a day late is refused, and nothing is written', async () => {
    const s = await applyAs('2026019931', '2026.05', '2026-09-07');
    const day = await toCandidate(emu, s.caseId, s.id, '2026-09-07', '2026.05');
    at(emu, day);
    await preExamBothLevels(emu, s.caseId, day);
    expectOk(
      await emu.call('sport_officer', 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'pre_examine',
        meetingRef: '预审',
      }),
    );
    // 预审 on `day`: a month later is the last day; the meeting is held the day after.
    const last = new Date(`${day}T00:00:00Z`);
    last.setUTCMonth(last.getUTCMonth() + 1);
    const late = new Date(last.getTime() + 86_400_000).toISOString().slice(0, 10);
    const voteId = await passVote(emu, 'acceptance', s.id, late, { ruleVersion: '2026.05' });
    const before = await footprint(emu, s.id);
    const res = await emu.call(SECRETARY, 'pipeline.takeStep', {
      caseId: s.caseId,
      step: 'branch_accept',
      meetingRef: '支部大会记录',
      voteId,
      formIssuedOn: day,
    });
    expect(errorCode(res)).toBe('GATE_NOT_MET');
    expect(!res.ok && res.error.fields).toMatchObject({ rule: 'A12' });
    expect(await footprint(emu, s.id)).toBe(before);
  });

  it('under 2014 the same delay is a warning, and the branch may later cancel probation (A20)', async () => {
    const s = await applyAs('2026019932', '2014', '2026-09-08');
    const day = await toCandidate(emu, s.caseId, s.id, '2026-09-08');
    at(emu, day);
    await preExamBothLevels(emu, s.caseId, day);
    expectOk(
      await emu.call('sport_officer', 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'pre_examine',
        meetingRef: '预审',
      }),
    );
    const last = new Date(`${day}T00:00:00Z`);
    last.setUTCMonth(last.getUTCMonth() + 1);
    const late = new Date(last.getTime() + 86_400_000).toISOString().slice(0, 10);
    const voteId = await passVote(emu, 'acceptance', s.id, late);
    const accepted = expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'branch_accept',
        meetingRef: '支部大会记录',
        voteId,
        formIssuedOn: day,
      }),
    );
    expect(accepted.warnings.join()).toContain('晚于预审后一个月');
    expectOk(
      await emu.call('party_admin', 'pipeline.recordTalk', {
        caseId: s.caseId,
        kind: 'before_approval',
        on: late,
        topics: '审批前谈话',
        content: '谈话',
        opinion: '同意',
      }),
    );
    expectOk(
      await emu.call('party_admin', 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'approve_acceptance',
        meetingRef: '党委会',
      }),
    );
    const end = new Date(`${late}T00:00:00Z`);
    end.setUTCFullYear(end.getUTCFullYear() + 1);
    const cancelVote = await passVote(emu, 'cancellation', s.id, end.toISOString().slice(0, 10));
    const done = expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'cancel',
        meetingRef: '支部大会记录',
        voteId: cancelVote,
      }),
    );
    // A20: the branch's decision waits for the committee; the person stays probationary until it approves.
    expect(done).toMatchObject({ stage: 'probationary_member', next: { kind: 'approve_cancellation', due: null } });
    const waiting = (await emu.server.db.collection('people').findOne({ _id: s.id })) as unknown as Person;
    expect(waiting.status).toBe('probationary_member');
    const approved = expectOk(
      await emu.call('party_admin', 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'approve_cancellation',
        meetingRef: '党委会',
      }),
    );
    expect(approved).toMatchObject({ stage: 'cancelled', next: null });
    const person = (await emu.server.db.collection('people').findOne({ _id: s.id })) as unknown as Person;
    expect(person.status).toBe('masses');
  });
});
