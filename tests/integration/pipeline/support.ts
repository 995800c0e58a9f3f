/**
 * The development pipeline's tests: students inserted straight into the demo roster, the branch's real votes run
 * through the api (create, open, check in, cast, close), and the facts other suites test on their own — a League
 * branch's 推优 decision and attendance at candidate training — written straight into the store.
 */
import type { Person } from '../../../typings/domain';
import { expectOk, type TestEmulator } from '../support';

export const BRANCH = 'u_sport_pb';
export const SECRETARY = 'sport_pb_sec';
export const COMMITTEE_MEMBER = 'sport_pb_cm';
/** The branch's formal members (all bound): the voters. */
export const VOTERS = ['sport_pb_sec', 'sport_pb_cm', 'sport_full1', 'sport_full2', 'sport_full3'];

export function at(emu: TestEmulator, day: string, time = '09:00'): void {
  emu.host.setClock(`${day}T${time}:00+08:00`);
}

/** A student of the sports college on the roster, bound, with no party record yet. */
export async function addStudent(
  emu: TestEmulator,
  no: string,
  opts: {
    birthDate?: string | null;
    league?: boolean;
    name?: string;
    memberOf?: string[];
    extra?: Partial<Person>;
  } = {},
): Promise<{ id: string; who: string }> {
  const memberOf = ['u_sport', ...(opts.league ? ['u_sport_lb1'] : []), ...(opts.memberOf ?? [])];
  const person: Person = {
    _id: `p_${no}`,
    openid: `o_${no}`,
    name: opts.name ?? '林小满',
    studentNo: no,
    collegeId: 'u_sport',
    homePartyBranchId: null,
    homeLeagueBranchId: opts.league ? 'u_sport_lb1' : null,
    status: opts.league ? 'league_member' : 'masses',
    statusHistory: [{ status: opts.league ? 'league_member' : 'masses', since: '2020-05-04' }],
    memberOf,
    reach: [...new Set([...memberOf, 'u_party', 'u_league', 'u_school', 'u_fed', 'u_as_bball'])],
    positions: [],
    ...(opts.birthDate === null ? {} : { birthDate: opts.birthDate ?? '2006-05-01' }),
    ...opts.extra,
  };
  await emu.server.db.collection('people').insertOne(person);
  return { id: person._id, who: `openid:${person.openid}` };
}

/** Runs a vote of the home branch on `day` in which every member votes yes; returns its id. */
export async function passVote(
  emu: TestEmulator,
  kind:
    | 'activist_determination'
    | 'development_candidate_determination'
    | 'acceptance'
    | 'conversion'
    | 'extension'
    | 'cancellation',
  candidateId: string,
  day: string,
  opts: { ruleVersion?: '2014' | '2026.05'; extensionMonths?: number; no?: boolean } = {},
): Promise<string> {
  at(emu, day, '13:00');
  const { voteId } = expectOk(
    await emu.call(SECRETARY, 'votes.create', {
      unitId: BRANCH,
      kind,
      title: '发展党员表决',
      scheduledStart: `${day}T14:00:00+08:00`,
      candidateIds: [candidateId],
      ruleVersion: opts.ruleVersion ?? '2014',
      ...(opts.extensionMonths ? { extensionMonths: opts.extensionMonths } : {}),
    }),
  );
  at(emu, day, '14:00');
  expectOk(
    await emu.call(SECRETARY, 'votes.open', { voteId, scrutineerIds: ['p_2022010103'], tellerIds: ['p_2022010104'] }),
  );
  // The code on the meeting screen (the test clock stands still, so one slot's code serves the room).
  const { token } = expectOk(await emu.call(SECRETARY, 'votes.checkInToken', { voteId }));
  for (const v of VOTERS) {
    expectOk(await emu.call(v, 'votes.checkIn', { voteId, token }));
    expectOk(await emu.call(v, 'votes.cast', { voteId, marks: [{ candidateId, choice: opts.no ? 'no' : 'yes' }] }));
  }
  expectOk(await emu.call(SECRETARY, 'votes.close', { voteId }));
  at(emu, day, '16:00');
  return voteId;
}

/** A 推优 decision of the student's League branch on `decidedOn`, for `target` (the 推优 flow is tested in votes). */
export async function seedTuiyou(
  emu: TestEmulator,
  personId: string,
  target: 'activist' | 'development_candidate',
  decidedOn: string,
): Promise<void> {
  const voteId = `v_seed_tuiyou_${personId}_${target}`;
  await emu.server.db.collection('votes').insertOne({
    _id: voteId,
    unitId: 'u_sport_lb1',
    kind: 'tuiyou',
    state: 'closed',
    outcome: 'counted',
    scheduledStart: `${decidedOn}T14:00:00+08:00`,
    tuiyouTarget: target,
    title: '推优',
    candidates: [],
  });
  await emu.server.db.collection('vote_decisions').insertOne({
    _id: `d_${voteId}`,
    voteId,
    decidedOn,
    minutesRef: '团支委会记录',
    recordedBy: 'p_2023010104',
    recordedByName: '黄子豪',
    recordedAt: `${decidedOn}T16:00:00+08:00`,
    decision: { type: 'tuiyou', recommended: [personId], declined: [] },
  });
}

/** Attendance at development-candidate training: one session per [day, 学时] (the check-in flow is tested in trainings). */
export async function seedTraining(emu: TestEmulator, personId: string, sessions: [string, number][]): Promise<void> {
  for (const [i, [day, hours]] of sessions.entries()) {
    const sessionId = `ts_seed_${personId}_${i}_${day}`;
    await emu.server.db.collection('training_sessions').insertOne({
      _id: sessionId,
      programId: 'tp_seed_candidates',
      unitScope: ['u_party', 'u_school'],
      level: 'development_candidate',
      hoursMode: 'session',
      title: '发展对象培训',
      start: `${day}T09:00:00+08:00`,
      end: `${day}T17:00:00+08:00`,
      date: day,
      place: '党校',
      online: false,
      hours,
    });
    await emu.server.db.collection('training_attendance').insertOne({
      _id: `ta_${sessionId}`,
      sessionId,
      programId: 'tp_seed_candidates',
      personId,
      checkedInAt: `${day}T09:00:00+08:00`,
      checkedOutAt: null,
      markedBy: null,
      reason: null,
      rated: false,
    });
  }
}

/**
 * What a refused call must leave unchanged: the pipeline's collections, the activist files a step opens, the audit
 * trail and the person's record.
 */
export async function footprint(emu: TestEmulator, personId?: string): Promise<string> {
  const db = emu.server.db;
  const out: unknown[] = [];
  for (const c of ['pipeline_cases', 'pipeline_records', 'pipeline_overrides', 'activist_files', 'audit', 'settings']) {
    out.push(c, await db.collection(c).count());
  }
  out.push(await db.collection('pipeline_cases').find({}));
  if (personId) out.push(await db.collection('people').findOne({ _id: personId }));
  return JSON.stringify(out);
}

/**
 * Takes a student who applied on `appliedOn` through to 发展对象 with every record in time (talks, the members'
 * recommendation, a contact, two half-yearly assessments, the votes), the branch secretary recording; then the
 * introducers, the review and 24 学时 of training, ready for 预审. Returns the day it ends on.
 */
export async function toCandidate(
  emu: TestEmulator,
  caseId: string,
  personId: string,
  appliedOn: string,
  ruleVersion: '2014' | '2026.05' = '2014',
): Promise<string> {
  const plus = (day: string, months: number) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + months);
    return d.toISOString().slice(0, 10);
  };
  const talk = (kind: 'application' | 'before_candidate', on: string) =>
    emu.call(SECRETARY, 'pipeline.recordTalk', { caseId, kind, on, topics: '提纲', content: '内容', opinion: '同意' });
  const activistOn = plus(appliedOn, 1);
  at(emu, appliedOn);
  expectOk(await talk('application', appliedOn));
  expectOk(
    await emu.call(SECRETARY, 'pipeline.recordRecommendation', {
      caseId,
      on: appliedOn,
      recommenderIds: ['p_2022010103'],
      content: '推荐',
    }),
  );
  const v1 = await passVote(emu, 'activist_determination', personId, activistOn, { ruleVersion });
  expectOk(
    await emu.call(SECRETARY, 'pipeline.takeStep', {
      caseId,
      step: 'determine_activist',
      meetingRef: '记录',
      voteId: v1,
    }),
  );
  expectOk(await emu.call(SECRETARY, 'pipeline.setContacts', { caseId, contactIds: ['p_2022010103'], on: activistOn }));
  for (const months of [5, 11]) {
    const on = plus(activistOn, months);
    at(emu, on);
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordAssessment', {
        personId,
        unitId: BRANCH,
        kind: 'assessment',
        on,
        content: '考察',
        opinion: '合格',
      }),
    );
  }
  const year = plus(activistOn, 12);
  at(emu, year);
  expectOk(await talk('before_candidate', year));
  const v2 = await passVote(emu, 'development_candidate_determination', personId, year, { ruleVersion });
  const extra =
    ruleVersion === '2026.05'
      ? { approvalRef: '上级党委同意记录', noticeId: await cleanNotice(emu, personId, year) }
      : {};
  if (ruleVersion === '2026.05') at(emu, plus(year, 1));
  expectOk(
    await emu.call(SECRETARY, 'pipeline.takeStep', {
      caseId,
      step: 'determine_candidate',
      meetingRef: '记录',
      voteId: v2,
      ...extra,
    }),
  );
  const day = ruleVersion === '2026.05' ? plus(year, 1) : year;
  expectOk(
    await emu.call(SECRETARY, 'pipeline.setIntroducers', {
      caseId,
      introducerIds: ['p_2022010103', 'p_2022010105'],
      on: day,
    }),
  );
  expectOk(
    await emu.call(SECRETARY, 'pipeline.recordReview', { caseId, on: day, conclusion: 'qualified', summary: '合格' }),
  );
  await seedTraining(emu, personId, [[day, 24]]);
  return day;
}

/**
 * S7: the two-level pre-examination in writing, both passing on `on` — the college's officer first (陈志强 of the
 * sports college), then the party committee's admin — which the 预审 step requires.
 */
export async function preExamBothLevels(emu: TestEmulator, caseId: string, on: string): Promise<void> {
  for (const [who, level] of [
    ['sport_officer', 'college'],
    ['party_admin', 'school'],
  ] as const) {
    expectOk(
      await emu.call(who, 'pipeline.recordPreExam', {
        caseId,
        level,
        on,
        conclusion: 'passed',
        opinion: '材料齐全，同意',
      }),
    );
  }
}

/** A 发展对象 公示 of the home branch that closed before `day` + 1 month (published long enough before it). */
async function cleanNotice(emu: TestEmulator, personId: string, before: string): Promise<string> {
  // Published three weeks before the step: 5 working days have long ended.
  const start = new Date(Date.parse(`${before}T00:00:00Z`) - 21 * 86_400_000).toISOString().slice(0, 10);
  at(emu, new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
  const { noticeId } = expectOk(
    await emu.call(SECRETARY, 'notices.create', {
      unitId: BRANCH,
      kind: 'development_candidate',
      ruleVersion: '2026.05',
      title: '发展对象公示',
      body: '拟确定下列同志为发展对象。',
      subjects: [{ personId, name: '林小满' }],
      scopeUnitIds: [BRANCH],
      window: { start, length: 5, unit: 'workday' },
    }),
  );
  expectOk(await emu.call(SECRETARY, 'notices.publish', { noticeId }));
  at(emu, before);
  return noticeId;
}
