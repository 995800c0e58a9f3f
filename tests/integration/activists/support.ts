/** Shared pieces of the activist-file integration tests: the demo people they act as, and what the trainings module stores. */
import { expectOk, type TestEmulator } from '../support';

/** 黄子豪 (sport_lb_sec), an activist of 体育学院学生党支部. */
export const HUANG = 'p_2023010104';
/** 谢天宇 (bball_backbone), an activist of the same branch. */
export const XIE = 'p_2023010105';
/** 邓凯 (sport_full3), a formal member of the branch: the contact. */
export const DENG = 'p_2022010105';
/** 韩冬 (sport_full1), a formal member who is nobody's contact. */
export const HAN = 'p_2022010103';
/** 冯晨 (sport_prob1), a probationary member. */
export const FENG = 'p_2023010101';
/** 蒋文博 (sport_league1), a League member, not an activist. */
export const JIANG = 'p_2023010108';

export const COLLECTIONS = [
  'activist_files',
  'activist_reports',
  'activist_contributions',
  'activist_notes',
  'activist_grades',
  'activist_grade_sheets',
  'freshmen',
  'settings',
  'pipeline_cases',
  'pipeline_records',
  'audit',
];

/**
 * The file of a roster activist (their development began on paper): the branch carries the case over and opens the
 * file (activists.open), then names the contacts on the case (pipeline.setContacts, A5), dated `on`.
 */
export async function openFile(emu: TestEmulator, personId: string, contactIds: string[], on = '2026-12-20') {
  expectOk(await emu.call('sport_pb_sec', 'activists.open', { personId }));
  expectOk(await emu.call('sport_pb_sec', 'pipeline.setContacts', { caseId: `pc_${personId}`, contactIds, on }));
}

/** Document counts of everything an activist or freshmen action can write, to show that a refusal wrote nothing. */
export async function footprint(emu: TestEmulator): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of COLLECTIONS) out[c] = await emu.server.db.collection(c).count();
  return out;
}

/** A refusal: the error code, and not one document written anywhere an activist action writes. */
export async function refused(emu: TestEmulator, who: string, action: string, input: unknown, code: string) {
  const before = await footprint(emu);
  const res = await emu.as(who, action, input);
  expect(res.ok ? null : res.error.code).toBe(code);
  expect(await footprint(emu)).toEqual(before);
  return res;
}

/**
 * What the trainings module stores when a person attends: a program of 体育学院 with `sessions` sessions (ended, on
 * the given dates), the person enrolled, checked in at the first `present` of them, and an exam submission.
 */
export async function seedTraining(
  emu: TestEmulator,
  id: string,
  personId: string,
  opts: { title?: string; dates: string[]; present: number; exam?: { score: number; total: number; on: string } },
): Promise<string> {
  const db = emu.server.db;
  const programId = `tp_${id}`;
  const unitScope = ['u_sport', 'u_party', 'u_league', 'u_school'];
  await db.collection('training_programs').insertOne({
    _id: programId,
    title: opts.title ?? `培训${id}`,
    description: '',
    level: 'activist',
    category: 'ideology',
    unitId: 'u_sport',
    unitName: '体育学院',
    unitScope,
    term: '2026秋',
    capacity: 100,
    waitlistLimit: 0,
    admission: 'open',
    invitees: [],
    hoursMode: 'session',
    enrolled: 1,
    waitlist: [],
    sessionCount: opts.dates.length,
    hoursOffered: 2 * opts.dates.length,
    exam: null,
    createdBy: 'p_T0101',
    createdAt: `${opts.dates[0]}T08:00:00+08:00`,
  });
  await db.collection('training_enrolments').insertOne({
    _id: `te_${programId}_${personId}`,
    programId,
    personId,
    personName: '',
    level: 'activist',
    state: 'enrolled',
    at: `${opts.dates[0]}T08:00:00+08:00`,
    decidedBy: null,
  });
  for (const [i, date] of opts.dates.entries()) {
    const sessionId = `ts_${id}_${i}`;
    await db.collection('training_sessions').insertOne({
      _id: sessionId,
      programId,
      unitScope,
      level: 'activist',
      hoursMode: 'session',
      title: `第${i + 1}讲`,
      start: `${date}T14:00:00+08:00`,
      end: `${date}T16:00:00+08:00`,
      date,
      place: '报告厅',
      online: false,
      hours: 2,
      trainerId: null,
      trainerName: null,
    });
    if (i < opts.present) {
      await db.collection('training_attendance').insertOne({
        _id: `ta_${sessionId}_${personId}`,
        sessionId,
        programId,
        personId,
        checkedInAt: `${date}T13:55:00+08:00`,
        checkedOutAt: null,
        markedBy: null,
        reason: null,
        rated: false,
      });
    }
  }
  if (opts.exam) {
    await db.collection('training_exams').insertOne({
      _id: `tx_${programId}_${personId}`,
      programId,
      personId,
      score: opts.exam.score,
      total: opts.exam.total,
      passed: opts.exam.score * 10 >= opts.exam.total * 6,
      submittedAt: `${opts.exam.on}T10:00:00+08:00`,
      offline: false,
      recordedBy: personId,
    });
  }
  return programId;
}
