/** Loaders of activist files: get-or-throw with an error code, the branch's setting, and a file's evidence. */
import type { Person } from '../../../typings/domain';
import { PEOPLE } from '../../actor';
import { DEFAULT_GRADING, type GradingSettings, inSemester } from '../../domain/activists';
import type { Store } from '../../store';
import { CASES, type CaseDoc, caseIdFor, RECORDS, type RecordDoc } from '../pipeline/docs';
import {
  ATTENDANCE,
  type AttendanceDoc,
  ENROLMENTS,
  type EnrolmentDoc,
  EXAMS,
  type ExamSubmissionDoc,
  LEAVES,
  type LeaveDoc,
  PROGRAMS,
  type ProgramDoc,
  SESSIONS,
  type SessionDoc,
} from '../trainings/docs';
import { loadHoursLedger } from '../trainings/load';
import {
  FILES,
  type FileDoc,
  type FirstLessonDoc,
  fileId,
  firstLessonId,
  GRADES,
  type GradeDoc,
  type GradingSettingsDoc,
  gradingSettingsId,
  type OpenFile,
  REPORTS,
  type ReportDoc,
  SETTINGS,
} from './docs';

export async function requireFile(store: Store, personId: string): Promise<FileDoc> {
  return store.require<FileDoc>(FILES, fileId(personId), 'ACTIVIST_FILE_NOT_FOUND');
}

/**
 * The file with its cultivation contacts, read from the person's development case (A5: the case is where they are
 * named), in one round of two reads.
 */
export async function requireOpenFile(store: Store, personId: string): Promise<OpenFile> {
  const [file, c] = await Promise.all([requireFile(store, personId), store.get<CaseDoc>(CASES, caseIdFor(personId))]);
  return { ...file, contacts: c?.contacts ?? [] };
}

/**
 * A6/D6: the assessments and activity records of people's development cases, from the pipeline's records (those a
 * temporary branch submitted included: records flow home), oldest first — one query per hundred people.
 */
export async function assessmentsOf(store: Store, personIds: readonly string[]): Promise<RecordDoc[]> {
  const rows = await allIn<RecordDoc>(
    store,
    RECORDS,
    'caseId',
    personIds.map((id) => caseIdFor(id)),
    { kind: store.command.in(['assessment', 'activity']) },
  );
  return rows.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.enteredAt < b.enteredAt ? -1 : 1));
}

export async function requirePerson(store: Store, personId: string): Promise<Person> {
  return store.require<Person>(PEOPLE, personId, ['NOT_FOUND', '找不到该人员']);
}

export function requireGrade(store: Store, id: string): Promise<GradeDoc> {
  return store.require<GradeDoc>(GRADES, id, 'GRADE_NOT_FOUND');
}

export function requireReport(store: Store, id: string): Promise<ReportDoc> {
  return store.require<ReportDoc>(REPORTS, id, 'REPORT_NOT_FOUND');
}

/** The branch's grading setting, or the defaults. */
export async function loadGradingSettings(
  store: Store,
  branchId: string,
): Promise<{ settings: GradingSettings; own: boolean }> {
  const doc = await store.get<GradingSettingsDoc>(SETTINGS, gradingSettingsId(branchId));
  if (!doc) return { settings: DEFAULT_GRADING, own: false };
  const { weights, excellentShare, reportsExpected, bands } = doc;
  return { settings: { weights, excellentShare, reportsExpected, bands }, own: true };
}

export function loadFirstLesson(store: Store, collegeId: string): Promise<FirstLessonDoc | null> {
  return store.get<FirstLessonDoc>(SETTINGS, firstLessonId(collegeId));
}

/** What the trainings module says of a person over a period: sessions present, on leave and missed, and exams. */
export interface TrainingCounts {
  present: number;
  onLeave: number;
  absent: number;
  exams: { programId: string; title: string; score: number; total: number; passed: boolean }[];
}

/** Every document of `collection` whose `field` is one of `values` (100 to a query). */
async function allIn<T extends { _id: string }>(
  store: Store,
  collection: string,
  field: string,
  values: readonly string[],
  where: Record<string, unknown> = {},
): Promise<T[]> {
  const unique = [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    out.push(...(await store.all<T>(collection, { ...where, [field]: store.command.in(unique.slice(i, i + 100)) })));
  }
  return out;
}

/**
 * The training record of several people at once, from the trainings module's own records: attendance (present),
 * approved leaves, the ended sessions of the programs they are enrolled in (missed when neither), and exam
 * submissions — a constant number of queries whatever the number of people (a branch's grading reads it once).
 */
export async function trainingCountsOf(
  store: Store,
  personIds: readonly string[],
  now: Date,
  range: { start: string; end: string } | null,
): Promise<Map<string, TrainingCounts>> {
  const within = (date: string) => range === null || inSemester(range, date);
  const out = new Map<string, TrainingCounts>(
    personIds.map((id) => [id, { present: 0, onLeave: 0, absent: 0, exams: [] }]),
  );
  if (personIds.length === 0) return out;
  const [attendance, leaves, examRows, enrolments] = await Promise.all([
    allIn<AttendanceDoc>(store, ATTENDANCE, 'personId', personIds),
    allIn<LeaveDoc>(store, LEAVES, 'personId', personIds, { state: 'approved' }),
    allIn<ExamSubmissionDoc>(store, EXAMS, 'personId', personIds),
    allIn<EnrolmentDoc>(store, ENROLMENTS, 'personId', personIds, { state: 'enrolled' }),
  ]);
  const programSessions = await allIn<SessionDoc>(
    store,
    SESSIONS,
    'programId',
    enrolments.map((e) => e.programId),
  );
  const sessions = new Map(programSessions.map((x) => [x._id, x]));
  const unknown = attendance.map((a) => a.sessionId).filter((id) => !sessions.has(id));
  if (unknown.length) for (const [id, x] of await store.byIds<SessionDoc>(SESSIONS, unknown)) sessions.set(id, x);
  const exams = examRows.filter((x) => within(x.submittedAt));
  const programs = exams.length
    ? await store.byIds<ProgramDoc>(
        PROGRAMS,
        exams.map((x) => x.programId),
      )
    : new Map<string, ProgramDoc>();
  const key = (personId: string, sessionId: string) => `${personId}\u0000${sessionId}`;
  const present = new Set(attendance.filter((a) => a.checkedInAt).map((a) => key(a.personId, a.sessionId)));
  const onLeave = new Set(leaves.map((l) => key(l.personId, l.sessionId)));
  for (const a of attendance) {
    const s = sessions.get(a.sessionId);
    if (a.checkedInAt && s && within(s.date)) out.get(a.personId)!.present += 1;
  }
  for (const e of enrolments) {
    for (const s of programSessions) {
      if (s.programId !== e.programId || Date.parse(s.end) >= now.getTime() || !within(s.date)) continue;
      const k = key(e.personId, s._id);
      if (present.has(k)) continue;
      if (onLeave.has(k)) out.get(e.personId)!.onLeave += 1;
      else out.get(e.personId)!.absent += 1;
    }
  }
  for (const x of exams) {
    out.get(x.personId)!.exams.push({
      programId: x.programId,
      title: programs.get(x.programId)?.title ?? '',
      score: x.score,
      total: x.total,
      passed: x.passed,
    });
  }
  return out;
}

/** One person's training record with the 学时 earned, read through the trainings module's ledger (`loadHoursLedger`). */
export async function trainingEvidence(
  store: Store,
  person: Person,
  today: string,
  now: Date,
  range: { start: string; end: string } | null,
): Promise<TrainingCounts & { hours: number }> {
  const [ledger, counts] = await Promise.all([
    loadHoursLedger(store, person, today),
    trainingCountsOf(store, [person._id], now, range),
  ]);
  let hours = 0;
  for (const [sessionId, h] of ledger.hours) {
    const s = ledger.sessions.get(sessionId);
    if (s && (range === null || inSemester(range, s.date))) hours += h;
  }
  return { ...counts.get(person._id)!, hours: Math.round(hours * 10) / 10 };
}

/** Whether a person attended any session of a program (the first lesson). */
export async function attendedProgram(store: Store, programId: string, personId: string): Promise<boolean> {
  const rows = await store.find<AttendanceDoc>(ATTENDANCE, { programId, personId }, { limit: 20 });
  return rows.some((a) => a.checkedInAt !== null);
}
