/** Loaders of activist files: get-or-throw with an error code, the branch's setting, and a file's evidence. */
import type { Person } from '../../../typings/domain';
import { PEOPLE } from '../../actor';
import { DEFAULT_GRADING, type GradingSettings, inSemester } from '../../domain/activists';
import type { Store } from '../../store';
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
} from '../trainings/docs';
import { loadHoursLedger, sessionsOf } from '../trainings/load';
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
  REPORTS,
  type ReportDoc,
  SETTINGS,
} from './docs';

export async function requireFile(store: Store, personId: string): Promise<FileDoc> {
  return store.require<FileDoc>(FILES, fileId(personId), 'ACTIVIST_FILE_NOT_FOUND');
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

/** What the trainings module says of a person, over a period (all of it without `range`). */
export interface TrainingEvidence {
  present: number;
  onLeave: number;
  absent: number;
  hours: number;
  exams: { programId: string; title: string; score: number; total: number; passed: boolean }[];
}

/**
 * A person's attendance, hours and exams from the trainings module: hours through its one ledger function
 * (`loadHoursLedger`), sessions missed from its attendance and leave records, exams from its submissions.
 */
export async function trainingEvidence(
  store: Store,
  person: Person,
  today: string,
  now: Date,
  range: { start: string; end: string } | null,
): Promise<TrainingEvidence> {
  const within = (date: string) => range === null || inSemester(range, date);
  const [ledger, attendance, leaves, examRows, enrolments] = await Promise.all([
    loadHoursLedger(store, person, today),
    store.all<AttendanceDoc>(ATTENDANCE, { personId: person._id }),
    store.all<LeaveDoc>(LEAVES, { personId: person._id }),
    store.all<ExamSubmissionDoc>(EXAMS, { personId: person._id }),
    store.all<EnrolmentDoc>(ENROLMENTS, { personId: person._id, state: 'enrolled' }),
  ]);
  const ended = (await Promise.all(enrolments.map((e) => sessionsOf(store, e.programId))))
    .flat()
    .filter((s) => Date.parse(s.end) < now.getTime() && within(s.date));
  const presentIds = new Set(attendance.filter((a) => a.checkedInAt).map((a) => a.sessionId));
  const leaveIds = new Set(leaves.filter((l) => l.state === 'approved').map((l) => l.sessionId));
  const presentSessions = [...ledger.sessions.values()].filter((s) => presentIds.has(s._id) && within(s.date));
  const hours = presentSessions.reduce((sum, s) => sum + (ledger.hours.get(s._id) ?? 0), 0);
  const exams = examRows.filter((x) => within(x.submittedAt));
  const programs = await store.byIds<ProgramDoc>(
    PROGRAMS,
    exams.map((x) => x.programId),
  );
  return {
    present: presentSessions.length,
    onLeave: ended.filter((s) => !presentIds.has(s._id) && leaveIds.has(s._id)).length,
    absent: ended.filter((s) => !presentIds.has(s._id) && !leaveIds.has(s._id)).length,
    hours: Math.round(hours * 10) / 10,
    exams: exams.map((x) => ({
      programId: x.programId,
      title: programs.get(x.programId)?.title ?? '',
      score: x.score,
      total: x.total,
      passed: x.passed,
    })),
  };
}

/** Whether a person attended any session of a program (the first lesson). */
export async function attendedProgram(store: Store, programId: string, personId: string): Promise<boolean> {
  const rows = await store.find<AttendanceDoc>(ATTENDANCE, { programId, personId }, { limit: 20 });
  return rows.some((a) => a.checkedInAt !== null);
}
