/**
 * What the committee keeps beside the cases, through the api with an injected clock: 留党察看 recorded and lifted
 * (A8: the introducer it bars), the filings it acknowledges (A4/A7, a warning until then), the oath before conversion
 * (A18), a candidate leaving within three months (A11, a warning), a late first talk (A3, a warning, never a bar)
 * and the correction of a birth date (A1). Every refusal names its code and writes nothing (the pipeline's
 * collections, the audit trail and the person's record are read before and after). In and out of scope for the
 * permission table: the party committee in; the branch's own officers, the League committee and a student out.
 */
import type { Person } from '../../../typings/domain';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addStudent, at, BRANCH, footprint, passVote, preExamBothLevels, SECRETARY, toCandidate } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

/** The call is refused with `code`, and nothing at all is written (`personId`: whose record to compare). */
async function refused(who: string, action: string, input: unknown, code: string, personId?: string) {
  const before = await footprint(emu, personId);
  const res = await emu.as(who, action, input);
  expect([action, who, errorCode(res)]).toEqual([action, who, code]);
  expect(await footprint(emu, personId)).toBe(before);
  return res;
}

const personOf = async (id: string) =>
  (await emu.server.db.collection('people').findOne({ _id: id })) as unknown as Person;

async function applyAs(no: string, version: '2014' | '2026.05', day: string, opts = {}) {
  at(emu, day);
  expectOk(await emu.call('party_admin', 'pipeline.setRuleVersion', { ruleVersion: version }));
  const s = await addStudent(emu, no, opts);
  const { caseId } = expectOk(await emu.call(s.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }));
  return { ...s, caseId };
}

describe('A8: the party committee records and lifts 留党察看', () => {
  const impose = (on: string, reason = '经党委会研究决定给予留党察看一年处分') => ({
    personId: INTRODUCER,
    change: 'impose' as const,
    on,
    reason,
  });
  const restore = (on: string) => ({
    personId: INTRODUCER,
    change: 'restore' as const,
    on,
    reason: '察看期满，经党委会研究恢复党员权利',
  });

  it('only the committee over the member’s branch records it, with a reason that passes the content check', async () => {
    at(emu, '2026-10-10');
    await refused(SECRETARY, 'pipeline.recordDiscipline', impose('2026-10-10'), 'NOT_COMMITTEE', INTRODUCER);
    await refused('league_admin', 'pipeline.recordDiscipline', impose('2026-10-10'), 'OUT_OF_SCOPE', INTRODUCER);
    await refused('party_admin', 'pipeline.recordDiscipline', impose('2026-10-10', '无'), 'BAD_INPUT', INTRODUCER);
    await refused(
      'party_admin',
      'pipeline.recordDiscipline',
      impose('2026-10-10', '处分理由含违禁词'),
      'CONTENT_REJECTED',
      INTRODUCER,
    );
    await refused('party_admin', 'pipeline.recordDiscipline', impose('2026-10-11'), 'RECORD_IN_FUTURE', INTRODUCER);
    // An applicant (of the branch, so in the committee's scope) is not a member yet.
    const s = await addStudent(emu, '2026019951');
    expectOk(await emu.call(s.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }));
    await refused(
      'party_admin',
      'pipeline.recordDiscipline',
      { ...impose('2026-10-10'), personId: s.id },
      'DISCIPLINE_NOT_MEMBER',
      s.id,
    );
    const audits = await emu.server.db.collection('audit').count();
    const view = expectOk(await emu.call('party_admin', 'pipeline.recordDiscipline', impose('2026-10-10')));
    expect(view).toEqual({ personId: INTRODUCER, since: '2026-10-10', restoredOn: null, inForce: true });
    expect((await personOf(INTRODUCER)).partyDiscipline).toEqual({
      since: '2026-10-10',
      restoredOn: null,
      reason: '经党委会研究决定给予留党察看一年处分',
      byName: '李红梅',
    });
    expect(await emu.server.db.collection('audit').count()).toBe(audits + 1);
    expect(
      await emu.server.db
        .collection('audit')
        .count({ action: 'pipeline.discipline.impose', target: `people/${INTRODUCER}` }),
    ).toBe(1);
    await refused('party_admin', 'pipeline.recordDiscipline', impose('2026-10-10'), 'DISCIPLINE_IN_FORCE', INTRODUCER);
  });

  it('rights are restored by the committee on a later day, never back-dated', async () => {
    at(emu, '2026-10-10');
    await refused('party_admin', 'pipeline.recordDiscipline', restore('2026-10-10'), 'DISCIPLINE_NONE', INTRODUCER);
    at(emu, '2026-10-20');
    await refused('party_admin', 'pipeline.recordDiscipline', restore('2026-10-12'), 'RECORD_BACKDATED', INTRODUCER);
    await refused(SECRETARY, 'pipeline.recordDiscipline', restore('2026-10-20'), 'NOT_COMMITTEE', INTRODUCER);
    const view = expectOk(await emu.call('party_admin', 'pipeline.recordDiscipline', restore('2026-10-20')));
    expect(view).toMatchObject({ since: '2026-10-10', restoredOn: '2026-10-20', inForce: false });
    await refused('party_admin', 'pipeline.recordDiscipline', restore('2026-10-20'), 'DISCIPLINE_NONE', INTRODUCER);
  });
});

describe('A3: a first talk after the month is recorded as it happened, and the case goes on with a warning', () => {
  it('a talk back-dated into the month is refused; the late talk passes A3 with the delay on the step’s record', async () => {
    const s = await applyAs('2026019961', '2014', '2026-11-02');
    at(emu, '2026-12-03');
    const talk = (on: string) => ({
      caseId: s.caseId,
      kind: 'application' as const,
      on,
      topics: '入党动机',
      content: '谈话内容',
      opinion: '同意',
    });
    await refused(SECRETARY, 'pipeline.recordTalk', talk('2026-12-02'), 'RECORD_BACKDATED', s.id);
    expectOk(await emu.call(SECRETARY, 'pipeline.recordTalk', talk('2026-12-03')));
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordRecommendation', {
        caseId: s.caseId,
        on: '2026-12-03',
        recommenderIds: ['p_2022010103'],
        content: '推荐',
      }),
    );
    const voteId = await passVote(emu, 'activist_determination', s.id, '2026-12-10');
    const done = expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'determine_activist',
        meetingRef: '支委会记录',
        voteId,
      }),
    );
    expect(done.stage).toBe('activist');
    expect(done.warnings.join()).toContain('晚于申请后一个月（2026-12-02）');
    const record = (await emu.server.db.collection('pipeline_records').find({ caseId: s.caseId, kind: 'step' }))[0] as {
      text: string;
    };
    expect(record.text).toContain('属党组织逾期');
  });
});

const INTRODUCER = 'p_2022010105';
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('A8 at 预审, A4/A7 filing, A11 leaving and A18 the oath on one case under 2014', () => {
  let s: { id: string; who: string; caseId: string };
  let day: string;
  beforeAll(async () => {
    s = await applyAs('2026019971', '2014', '2026-09-07');
    day = await toCandidate(emu, s.caseId, s.id, '2026-09-07');
  });

  it('the committee acknowledges the filings; the branch cannot, nor twice; 2026 发展对象 are agreed, not filed', async () => {
    const ack = (decision: 'activist' | 'candidate') => ({ caseId: s.caseId, decision });
    await refused(SECRETARY, 'pipeline.acknowledgeFiling', ack('activist'), 'NOT_COMMITTEE', s.id);
    await refused('league_admin', 'pipeline.acknowledgeFiling', ack('activist'), 'OUT_OF_SCOPE', s.id);
    await refused(s.who, 'pipeline.acknowledgeFiling', ack('activist'), 'NOT_COMMITTEE', s.id);
    const r = expectOk(await emu.call('party_admin', 'pipeline.acknowledgeFiling', ack('activist')));
    const rec = await emu.server.db.collection('pipeline_records').findOne({ _id: r.recordId });
    expect(rec).toMatchObject({ kind: 'filing', byName: '李红梅' });
    await refused('party_admin', 'pipeline.acknowledgeFiling', ack('activist'), 'FILING_ACKNOWLEDGED', s.id);
    const y = await applyAs('2026019972', '2026.05', day);
    await refused(
      'party_admin',
      'pipeline.acknowledgeFiling',
      { caseId: y.caseId, decision: 'candidate' },
      'FILING_NOT_REQUIRED',
      y.id,
    );
    await refused(
      'party_admin',
      'pipeline.acknowledgeFiling',
      { caseId: y.caseId, decision: 'activist' },
      'STEP_OUT_OF_ORDER',
      y.id,
    );
    expectOk(await emu.call('party_admin', 'pipeline.setRuleVersion', { ruleVersion: '2014' }));
  });

  it('预审 refuses an introducer the committee has put under 留党察看, until rights are restored (A8)', async () => {
    at(emu, day);
    const reason = '经党委会研究决定给予留党察看处分';
    expectOk(
      await emu.call('party_admin', 'pipeline.recordDiscipline', {
        personId: INTRODUCER,
        change: 'impose' as const,
        on: day,
        reason,
      }),
    );
    const res = await refused(
      'sport_officer',
      'pipeline.takeStep',
      { caseId: s.caseId, step: 'pre_examine', meetingRef: '预审' },
      'GATE_NOT_MET',
      s.id,
    );
    expect(!res.ok && res.error.fields).toMatchObject({ rule: 'A8' });
    expect(!res.ok && res.error.fields?.missing).toContain('留党察看');
    day = plusDays(day, 1);
    at(emu, day);
    expectOk(
      await emu.call('party_admin', 'pipeline.recordDiscipline', {
        personId: INTRODUCER,
        change: 'restore' as const,
        on: day,
        reason: '经党委会研究恢复党员权利',
      }),
    );
  });

  it('预审 warns of an unacknowledged filing and of a candidate leaving within three months, and goes through', async () => {
    at(emu, day);
    const leaves = new Date(`${day}T00:00:00Z`);
    leaves.setUTCMonth(leaves.getUTCMonth() + 2);
    await preExamBothLevels(emu, s.caseId, day);
    const pre = expectOk(
      await emu.call('sport_officer', 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'pre_examine',
        meetingRef: '预审',
        leavesOn: leaves.toISOString().slice(0, 10),
      }),
    );
    expect(pre.warnings.join()).toContain('确定发展对象的决定尚未经上级党委确认备案');
    expect(pre.warnings.join()).toContain('一般不予发展');
    expectOk(await emu.call('party_admin', 'pipeline.acknowledgeFiling', { caseId: s.caseId, decision: 'candidate' }));
  });

  it('the oath comes after approval, by the branch, once, and conversion waits for it (A18)', async () => {
    const oath = (on: string) => ({ caseId: s.caseId, on, place: '学院党员活动室', leaderName: '何静' });
    // The case page offers the oath form exactly when the action would take it (a branch officer, its time).
    const mayOath = async (who: string) => expectOk(await emu.call(who, 'pipeline.get', { caseId: s.caseId })).may.oath;
    expect(await mayOath(SECRETARY)).toBe(false);
    await refused(SECRETARY, 'pipeline.recordOath', oath(day), 'STEP_OUT_OF_ORDER', s.id);
    const voteId = await passVote(emu, 'acceptance', s.id, day);
    expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'branch_accept',
        meetingRef: '支部大会记录',
        voteId,
        formIssuedOn: day,
      }),
    );
    expectOk(
      await emu.call('party_admin', 'pipeline.recordTalk', {
        caseId: s.caseId,
        kind: 'before_approval',
        on: day,
        topics: '审批前谈话',
        content: '谈话',
        opinion: '同意',
      }),
    );
    const approveDay = plusDays(day, 3);
    at(emu, approveDay);
    expectOk(
      await emu.call('party_admin', 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'approve_acceptance',
        meetingRef: '党委会',
      }),
    );
    expect([await mayOath(SECRETARY), await mayOath('party_admin'), await mayOath(s.who)]).toEqual([
      true,
      false,
      false,
    ]);
    // Dated before the approval (within the grace): refused.
    await refused(SECRETARY, 'pipeline.recordOath', oath(day), 'RECORD_BACKDATED', s.id);
    await refused('party_admin', 'pipeline.recordOath', oath(approveDay), 'NOT_BRANCH_OFFICER', s.id);
    await refused(s.who, 'pipeline.recordOath', oath(approveDay), 'NOT_BRANCH_OFFICER', s.id);
    // A year on, with the talk before conversion and the vote, the meeting is refused on the oath alone.
    const end = new Date(`${day}T00:00:00Z`);
    end.setUTCFullYear(end.getUTCFullYear() + 1);
    const endDay = end.toISOString().slice(0, 10);
    at(emu, endDay);
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordTalk', {
        caseId: s.caseId,
        kind: 'before_conversion',
        on: endDay,
        topics: '转正前谈话',
        content: '谈话',
        opinion: '同意',
      }),
    );
    const conv = await passVote(emu, 'conversion', s.id, endDay);
    const res = await refused(
      SECRETARY,
      'pipeline.takeStep',
      { caseId: s.caseId, step: 'branch_convert', meetingRef: '支部大会记录', voteId: conv },
      'GATE_NOT_MET',
      s.id,
    );
    expect(!res.ok && res.error.fields).toMatchObject({ rule: 'A18' });
    expectOk(await emu.call(SECRETARY, 'pipeline.recordOath', oath(endDay)));
    await refused(SECRETARY, 'pipeline.recordOath', oath(endDay), 'OATH_RECORDED', s.id);
    expect(await mayOath(SECRETARY)).toBe(false);
    expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'branch_convert',
        meetingRef: '支部大会记录',
        voteId: conv,
      }),
    );
  });
});

describe('A1: a birth date entered wrongly is corrected only by the committee, with a reason', () => {
  it('refuses the League committee, the same date and a risky reason; the correction reaches the case', async () => {
    const s = await applyAs('2026019981', '2014', '2026-09-07', { birthDate: '2006-05-01' });
    const fix = (birthDate: string, reason = '学籍档案核实，原登记有误') => ({ personId: s.id, birthDate, reason });
    await refused('league_admin', 'pipeline.correctBirthDate', fix('2006-05-10'), 'OUT_OF_SCOPE', s.id);
    await refused(s.who, 'pipeline.correctBirthDate', fix('2006-05-10'), 'OUT_OF_SCOPE', s.id);
    await refused('party_admin', 'pipeline.correctBirthDate', fix('2006-05-01'), 'BIRTH_DATE_UNCHANGED', s.id);
    await refused(
      'party_admin',
      'pipeline.correctBirthDate',
      fix('2006-05-10', '违禁词更正'),
      'CONTENT_REJECTED',
      s.id,
    );
    const fixed = expectOk(await emu.call('party_admin', 'pipeline.correctBirthDate', fix('2006-05-10')));
    expect(fixed.ageGate).toMatchObject({ rule: 'A1', state: 'pass', missing: null });
    expect((await personOf(s.id)).birthDate).toBe('2006-05-10');
    const c = (await emu.server.db.collection('pipeline_cases').findOne({ _id: s.caseId })) as {
      subject: { birthDate: string };
    };
    expect(c.subject.birthDate).toBe('2006-05-10');
    expect((await personOf(s.id)).birthDateCorrections).toEqual([
      expect.objectContaining({ from: '2006-05-01', to: '2006-05-10', reason: '学籍档案核实，原登记有误' }),
    ]);
    expect(
      await emu.server.db.collection('audit').count({ action: 'pipeline.correctBirthDate', target: `people/${s.id}` }),
    ).toBe(1);
  });
});

describe('A1: a corrected birth date re-runs the age check of the application already made', () => {
  /** The application talk, a member's recommendation and the branch's vote a month after applying: an activist. */
  async function toActivist(s: { id: string; caseId: string }, appliedOn: string, activistOn: string) {
    at(emu, appliedOn);
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordTalk', {
        caseId: s.caseId,
        kind: 'application',
        on: appliedOn,
        topics: '提纲',
        content: '内容',
        opinion: '同意',
      }),
    );
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordRecommendation', {
        caseId: s.caseId,
        on: appliedOn,
        recommenderIds: ['p_2022010103'],
        content: '推荐',
      }),
    );
    const voteId = await passVote(emu, 'activist_determination', s.id, activistOn);
    return expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'determine_activist',
        meetingRef: '支委会记录',
        voteId,
      }),
    );
  }
  const fix = (personId: string, birthDate: string) => ({ personId, birthDate, reason: '学籍档案核实，原登记有误' });
  const a1Gate = async (caseId: string) =>
    expectOk(await emu.call(SECRETARY, 'pipeline.get', { caseId })).gates.find((g) => g.rule === 'A1');

  it('a date that still makes the applicant 18 on the application day (the 18th birthday itself) leaves the case going', async () => {
    const s = await applyAs('2026019983', '2014', '2026-09-07', { birthDate: '2006-05-01' });
    at(emu, '2026-09-08');
    const fixed = expectOk(await emu.call('party_admin', 'pipeline.correctBirthDate', fix(s.id, '2008-09-07')));
    expect(fixed.ageGate).toMatchObject({ rule: 'A1', state: 'pass' });
    expect(await a1Gate(s.caseId)).toMatchObject({ state: 'pass', missing: null });
    const done = await toActivist(s, '2026-09-08', '2026-10-08');
    expect(done.stage).toBe('activist');
  });

  it('a date that makes the applicant 17 on the application day stops every later step until the person, 18, applies again', async () => {
    const s = await applyAs('2026019984', '2014', '2026-09-07', { birthDate: '2006-05-01' });
    await toActivist(s, '2026-09-07', '2026-10-08');
    at(emu, '2026-10-09');
    const missing =
      '申请日 2026-09-07 未满十八周岁（2026-12-01 年满十八周岁），该申请无效，须年满十八周岁后由本人重新递交入党申请';
    const fixed = expectOk(await emu.call('party_admin', 'pipeline.correctBirthDate', fix(s.id, '2008-12-01')));
    expect(fixed.ageGate).toMatchObject({ rule: 'A1', state: 'fail', missing });
    // The case's copy followed in the same transaction, on the trail with the age found.
    const stored = (await emu.server.db.collection('pipeline_cases').findOne({ _id: s.caseId })) as {
      subject: { birthDate: string };
    };
    expect(stored.subject.birthDate).toBe('2008-12-01');
    expect(
      await emu.server.db
        .collection('audit')
        .count({ action: 'pipeline.caseBirthDate', target: `pipeline_cases/${s.caseId}` }),
    ).toBe(1);
    expect(await a1Gate(s.caseId)).toMatchObject({ state: 'fail', missing });
    // The person is offered a new application on 我的入党历程; the branch's officers are not.
    expect(expectOk(await emu.call(s.who, 'pipeline.mine', {}))?.mayReapply).toBe(true);
    expect(expectOk(await emu.call(SECRETARY, 'pipeline.get', { caseId: s.caseId })).mayReapply).toBe(false);

    // Every later step is refused on A1, whatever else is in order; nothing is written.
    const res = await refused(
      SECRETARY,
      'pipeline.takeStep',
      { caseId: s.caseId, step: 'determine_candidate', meetingRef: '支委会记录' },
      'GATE_NOT_MET',
      s.id,
    );
    expect(!res.ok && res.error.fields).toMatchObject({ rule: 'A1', missing });
    // A second application before the 18th birthday is refused too; another person with a case may not reapply.
    const again = { branchId: BRANCH, statement: '年满十八周岁后重新申请入党' };
    const early = await refused(s.who, 'pipeline.apply', again, 'GATE_NOT_MET', s.id);
    expect(!early.ok && early.error.fields).toMatchObject({ rule: 'A1' });

    // On the 18th birthday the person applies again: the case restarts as an applicant from that day.
    at(emu, '2026-12-01');
    const view = expectOk(await emu.call(s.who, 'pipeline.apply', again));
    expect(view).toMatchObject({ caseId: s.caseId, stage: 'applicant', appliedOn: '2026-12-01' });
    expect(view.gates.find((g) => g.rule === 'A1')).toMatchObject({ state: 'pass' });
    expect(view.mayReapply).toBe(false);
    expect((await personOf(s.id)).status).toBe('party_applicant');
    expect(await emu.server.db.collection('audit').count({ action: 'pipeline.reapply' })).toBe(1);
    await refused(s.who, 'pipeline.apply', again, 'CASE_EXISTS', s.id);
    // The first run's records stay in the dossier; the activist file it opened is kept when the branch decides again.
    const records = expectOk(await emu.call(SECRETARY, 'pipeline.get', { caseId: s.caseId })).records;
    expect(records.filter((r) => r.kind === 'application').map((r) => r.on)).toEqual(['2026-09-07', '2026-12-01']);
    const done = await toActivist(s, '2026-12-01', '2027-01-05');
    expect(done.stage).toBe('activist');
    expect(await emu.server.db.collection('activist_files').count({ personId: s.id })).toBe(1);
  });
});
