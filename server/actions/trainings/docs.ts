/**
 * Stored shapes and collection names of the trainings actions. Every collection is closed to clients
 * (database/indexes.json); only the api function reads them.
 *
 *   training_programs/tp_<hex>            a program, with its seat count and waitlist (in order) and its exam key.
 *   training_sessions/ts_<hex>            a session of a program: time, place, 学时, trainer.
 *   trainers/tt_<hex>                     a trainer of a unit's training team.
 *   training_enrolments/te_<prog>_<person> one per person and program (the id makes a second sign-up impossible).
 *   training_attendance/ta_<sess>_<person> created by the first check-in scan (or a hand mark): a second scan
 *                                          cannot create another. Carries `rated` once the person has rated.
 *   training_leaves/tl_<sess>_<person>    a leave request before the session and its decision.
 *   training_exams/tx_<prog>_<person>     one submission (or offline score) per person and program.
 *   training_ratings/tr_<sess>             the rating totals of a session: sums and count, comments in text order —
 *                                          never a rater. Who has rated is the attendance record's `rated` flag.
 * New ids come from `newId` (server/store.ts).
 */
import type {
  AdmissionMode,
  EnrolmentState,
  HoursMode,
  LeaveState,
  TrainerKind,
  TrainingCategory,
  TrainingLevel,
} from '../../../typings/vocabulary';
import type { ExamQuestion, RatingTotals } from '../../domain/trainings';

export const PROGRAMS = 'training_programs';
export const SESSIONS = 'training_sessions';
export const TRAINERS = 'trainers';
export const ENROLMENTS = 'training_enrolments';
export const ATTENDANCE = 'training_attendance';
export const LEAVES = 'training_leaves';
export const EXAMS = 'training_exams';
export const RATINGS = 'training_ratings';

/** Subscribe-message template for "you have a place now" (the real id is configured per mini-program). */
export const PROMOTED_TEMPLATE_ID = process.env.LINGYAN_TEMPLATE_TRAINING_PROMOTED ?? 'training_waitlist_promoted';

export interface ExamDef {
  questions: ExamQuestion[];
  passMark: number;
  total: number;
  deadline: string;
  offline: boolean;
}

export interface ProgramDoc {
  _id: string;
  title: string;
  description: string;
  level: TrainingLevel;
  category: TrainingCategory;
  unitId: string;
  unitName: string;
  /** The unit and every unit above it: what training.manage must reach. */
  unitScope: string[];
  term: string;
  capacity: number;
  waitlistLimit: number;
  admission: AdmissionMode;
  invitees: string[];
  hoursMode: HoursMode;
  /** Seats taken. */
  enrolled: number;
  /** Person ids waiting, first come first. */
  waitlist: string[];
  sessionCount: number;
  hoursOffered: number;
  exam: ExamDef | null;
  createdBy: string;
  createdAt: string;
}

export interface SessionDoc {
  _id: string;
  programId: string;
  unitScope: string[];
  level: TrainingLevel;
  /** The program's (fixed at its creation), so a ledger needs no program read. */
  hoursMode: HoursMode;
  title: string;
  start: string;
  end: string;
  /** YYYY-MM-DD (Shanghai) of the start. */
  date: string;
  place: string;
  online: boolean;
  hours: number;
  trainerId: string | null;
  trainerName: string | null;
}

export interface TrainerDoc {
  _id: string;
  unitId: string;
  unitScope: string[];
  name: string;
  kind: TrainerKind;
  profile: string;
  personId: string | null;
  createdAt: string;
}

export interface EnrolmentDoc {
  _id: string;
  programId: string;
  personId: string;
  personName: string;
  /** The program's level, so a person's ledger finds their 团课 without reading the programs. */
  level: TrainingLevel;
  state: EnrolmentState;
  at: string;
  decidedBy: string | null;
}

export interface AttendanceDoc {
  _id: string;
  sessionId: string;
  programId: string;
  personId: string;
  /** null: marked absent by hand. */
  checkedInAt: string | null;
  checkedOutAt: string | null;
  /** Who recorded it by hand, and why (null for a scan). */
  markedBy: string | null;
  reason: string | null;
  rated: boolean;
}

export interface LeaveDoc {
  _id: string;
  sessionId: string;
  programId: string;
  personId: string;
  personName: string;
  reason: string;
  state: LeaveState;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface ExamSubmissionDoc {
  _id: string;
  programId: string;
  personId: string;
  score: number;
  total: number;
  passed: boolean;
  submittedAt: string;
  offline: boolean;
  recordedBy: string;
}

export interface RatingTotalsDoc extends RatingTotals {
  _id: string;
  sessionId: string;
  programId: string;
  trainerId: string | null;
  comments: string[];
}

export const enrolmentId = (programId: string, personId: string) => `te_${programId}_${personId}`;
export const attendanceId = (sessionId: string, personId: string) => `ta_${sessionId}_${personId}`;
export const leaveId = (sessionId: string, personId: string) => `tl_${sessionId}_${personId}`;
export const examId = (programId: string, personId: string) => `tx_${programId}_${personId}`;
export const ratingsId = (sessionId: string) => `tr_${sessionId}`;
