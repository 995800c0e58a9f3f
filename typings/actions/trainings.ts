/**
 * Trainings: the training project system and the five-level network, the rotating check-in, class hours against
 * the requirements, exams and ratings. Inputs (zod, strict) and the views they return. Labels: typings/vocabulary.ts.
 */
import * as z from 'zod';
import {
  ADMISSION_MODES,
  type AdmissionMode,
  type AttendanceState,
  CHECKIN_PURPOSES,
  type CheckinPurpose,
  type EnrolmentState,
  HOURS_MODES,
  type HoursMode,
  type HoursRequirementId,
  type LeaveState,
  QUESTION_KINDS,
  type QuestionKind,
  TRAINER_KINDS,
  TRAINING_CATEGORIES,
  TRAINING_LEVELS,
  type TrainerKind,
  type TrainingCategory,
  type TrainingLevel,
} from '../vocabulary';
import { Id, type Page, PageInput } from './common';

const Instant = z.iso.datetime({ offset: true, error: '时间格式不正确' });
const Title = z.string().trim().min(2, '标题至少 2 个字').max(60, '标题不超过 60 字');
const Score = z.number().int().min(1, '评分为 1–5 分').max(5, '评分为 1–5 分');

const Question = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, '题目编号格式不正确'),
  kind: z.enum(QUESTION_KINDS),
  text: z.string().trim().min(1, '请填写题干').max(500),
  /** True/false questions take ['正确', '错误']. */
  options: z.array(z.string().trim().min(1).max(200)).min(2).max(8),
  /** Indexes of the right options. */
  answer: z.array(z.number().int().min(0).max(7)).min(1).max(8),
  points: z.number().int().min(1).max(100),
});

export const trainingsSchemas = {
  /** A trainer of the unit's training team, with a profile; may be a person of the school. */
  'trainings.createTrainer': z.strictObject({
    unitId: Id,
    name: z.string().trim().min(2, '姓名至少 2 个字').max(20),
    kind: z.enum(TRAINER_KINDS),
    profile: z.string().trim().max(500).default(''),
    personId: Id.optional(),
  }),
  'trainings.listTrainers': z.strictObject({ unitId: Id }),
  'trainings.createProgram': z.strictObject({
    unitId: Id,
    title: Title,
    description: z.string().trim().max(1000).default(''),
    level: z.enum(TRAINING_LEVELS),
    category: z.enum(TRAINING_CATEGORIES),
    /** e.g. 2026-2027-1 (学年-学期). */
    term: z.string().regex(/^\d{4}-\d{4}-[12]$/, '学期格式应为 2026-2027-1'),
    capacity: z.number().int().min(1).max(2000),
    /** Places on the waitlist beyond capacity (0: none). */
    waitlistLimit: z.number().int().min(0).max(2000).default(0),
    admission: z.enum(ADMISSION_MODES),
    /** The invitation list (admission 'invite'). */
    inviteeIds: z.array(Id).max(2000).default([]),
    hoursMode: z.enum(HOURS_MODES).default('session'),
  }),
  'trainings.addSession': z.strictObject({
    programId: Id,
    title: Title,
    start: Instant,
    end: Instant,
    place: z.string().trim().max(100).default(''),
    online: z.boolean().default(false),
    /** 学时 this session gives. */
    hours: z.number().min(0.5).max(24).multipleOf(0.5),
    trainerId: Id.optional(),
  }),
  /** What the create form offers: the units I may organise in, and the levels, categories and modes with labels. */
  'trainings.createOptions': z.strictObject({}),
  /** Programs open to me: in a unit I belong to (or above it), or that invite me. */
  'trainings.listOpen': z.strictObject({ ...PageInput }),
  /** Programs I organise (training.manage over their unit). */
  'trainings.listManaged': z.strictObject({ ...PageInput }),
  'trainings.get': z.strictObject({ programId: Id }),
  'trainings.signUp': z.strictObject({ programId: Id }),
  'trainings.withdraw': z.strictObject({ programId: Id }),
  /** Decides a sign-up under review. */
  'trainings.review': z.strictObject({ programId: Id, personId: Id, approve: z.boolean() }),
  'trainings.enrolment': z.strictObject({ programId: Id }),
  /** The organiser's rotating code for the session screen (fetch again after `refreshInMs`). */
  'trainings.checkinToken': z.strictObject({ sessionId: Id, purpose: z.enum(CHECKIN_PURPOSES) }),
  /** Check in or out with a scanned code; `sessionId` when the scanner is on that session's page. */
  'trainings.checkIn': z.strictObject({ token: z.string().min(1).max(200), sessionId: Id.optional() }),
  /** A hand mark by the organiser, with a reason (audited). */
  'trainings.mark': z.strictObject({
    sessionId: Id,
    personId: Id,
    present: z.boolean(),
    reason: z.string().max(200).default(''),
  }),
  'trainings.requestLeave': z.strictObject({
    sessionId: Id,
    reason: z.string().trim().min(2, '请填写请假理由').max(200),
  }),
  'trainings.decideLeave': z.strictObject({ sessionId: Id, personId: Id, approve: z.boolean() }),
  'trainings.attendance': z.strictObject({ sessionId: Id }),
  'trainings.setExam': z.strictObject({
    programId: Id,
    questions: z.array(Question).max(100).default([]),
    passMark: z.number().int().min(0).max(10_000),
    deadline: Instant,
    /** Scores entered by the organiser instead of an online paper. */
    offline: z.boolean().default(false),
    /** Total points of an offline exam. */
    offlineTotal: z.number().int().min(1).max(10_000).optional(),
  }),
  /** The paper without its key, and my result once submitted. */
  'trainings.exam': z.strictObject({ programId: Id }),
  'trainings.submitExam': z.strictObject({
    programId: Id,
    answers: z
      .array(z.strictObject({ questionId: z.string().max(16), choice: z.array(z.number().int()).max(8) }))
      .max(100),
  }),
  'trainings.recordScores': z.strictObject({
    programId: Id,
    scores: z
      .array(z.strictObject({ personId: Id, score: z.number().min(0).max(10_000) }))
      .min(1)
      .max(2000),
  }),
  'trainings.rate': z.strictObject({
    sessionId: Id,
    content: Score,
    delivery: Score,
    usefulness: Score,
    comment: z.string().trim().max(300).default(''),
  }),
  'trainings.report': z.strictObject({ programId: Id }),
  /** The report as an .xlsx file in cloud storage, handed back as a temporary link. */
  'trainings.reportExport': z.strictObject({ programId: Id }),
  /** My class hours against each requirement that applies to me. */
  'trainings.myHours': z.strictObject({}),
  /**
   * A person's training record (hours against requirements, attendance, scores): part of a backbone's file, visible
   * to them, their branch secretary and their association's officers (people.read over a unit they belong to).
   */
  'trainings.record': z.strictObject({ personId: Id.optional() }),
  /**
   * My ratings as a trainer (a person the training team's profile names): per session and per program, aggregates
   * only, never who said what, and none from fewer than 3 ratings.
   */
  'trainings.myRatings': z.strictObject({}),
  /** The associations whose backbones I look after (their guidance officers, temporary branches and committees in line). */
  'trainings.backboneAssociations': z.strictObject({}),
  /** An association's backbones (president, backbones, its temporary branches' officers), each with a 培训档案 link. */
  'trainings.backbones': z.strictObject({ associationId: Id }),
};

export interface TrainerView {
  id: string;
  name: string;
  kind: TrainerKind;
  kindLabel: string;
  profile: string;
}

export interface ProgramCardView {
  id: string;
  title: string;
  level: TrainingLevel;
  levelLabel: string;
  category: TrainingCategory;
  categoryLabel: string;
  unitId: string;
  unitName: string;
  term: string;
  admission: AdmissionMode;
  admissionLabel: string;
  capacity: number;
  remaining: number;
  sessions: number;
  hoursOffered: number;
}

export interface SessionView {
  id: string;
  title: string;
  start: string;
  end: string;
  place: string;
  online: boolean;
  hours: number;
  trainerName: string | null;
  /** My attendance (null when I am not enrolled). */
  mine: {
    state: AttendanceState;
    stateLabel: string;
    checkedInAt: string | null;
    checkedOutAt: string | null;
    leave: LeaveState | null;
    leaveLabel: string | null;
    rated: boolean;
  } | null;
}

export interface ProgramView extends ProgramCardView {
  description: string;
  hoursMode: HoursMode;
  hoursModeLabel: string;
  enrolled: number;
  waitlistLimit: number;
  waitlistLength: number;
  sessionList: SessionView[];
  me: {
    state: EnrolmentState | null;
    stateLabel: string | null;
    /** 1-based place on the waitlist. */
    waitlistPosition: number | null;
    /** Whether the sign-up button applies (not enrolled, invited where needed, a seat or waitlist place left). */
    canSignUp: boolean;
  };
  exam: { deadline: string; passMark: number; total: number; offline: boolean; questions: number } | null;
  canManage: boolean;
}

export interface EnrolmentRow {
  personId: string;
  name: string;
  state: EnrolmentState;
  stateLabel: string;
  waitlistPosition: number | null;
}

export interface EnrolmentView {
  programId: string;
  capacity: number;
  remaining: number;
  enrolled: EnrolmentRow[];
  waitlist: EnrolmentRow[];
  pending: EnrolmentRow[];
}

export interface CheckinTokenView {
  token: string;
  purpose: CheckinPurpose;
  /** Fetch the next code after this many ms (the start of the next slot). */
  refreshInMs: number;
  slotMs: number;
}

export interface AttendanceRow {
  personId: string;
  name: string;
  state: AttendanceState;
  stateLabel: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  hours: number;
  handMarked: boolean;
  leaveReason: string | null;
  leave: LeaveState | null;
}

export interface AttendanceView {
  sessionId: string;
  title: string;
  start: string;
  end: string;
  hours: number;
  enrolled: number;
  present: number;
  onLeave: number;
  noShows: number;
  rows: AttendanceRow[];
}

export interface ExamQuestionView {
  id: string;
  kind: QuestionKind;
  kindLabel: string;
  text: string;
  options: string[];
  points: number;
}

export interface ExamView {
  programId: string;
  deadline: string;
  passMark: number;
  total: number;
  offline: boolean;
  /** Without the key. Empty for offline exams and once I have submitted. */
  questions: ExamQuestionView[];
  mine: { score: number; passed: boolean; submittedAt: string } | null;
}

export interface RatingAggregateView {
  n: number;
  content: number;
  delivery: number;
  usefulness: number;
  overall: number;
}

export interface ReportView {
  programId: string;
  title: string;
  enrolled: number;
  waitlisted: number;
  sessionsHeld: number;
  /** Percent, one decimal; null before any session was held. */
  attendanceRate: number | null;
  /** 学时 delivered: the sum over attendances. */
  hoursDelivered: number;
  exam: {
    submitted: number;
    passed: number;
    /** Percent, one decimal. */
    passRate: number | null;
    total: number;
    bands: { label: string; count: number }[];
  } | null;
  /** Satisfaction per session and per trainer; `rating` is null under 3 ratings (hidden). */
  sessions: {
    sessionId: string;
    title: string;
    present: number;
    ratings: number;
    rating: RatingAggregateView | null;
  }[];
  trainers: { trainerId: string; name: string; ratings: number; rating: RatingAggregateView | null }[];
  /** Comments without their authors, in no particular order; only from 3 ratings of the session. */
  comments: { sessionId: string; texts: string[] }[];
  minRatingsShown: number;
}

export interface HoursLineView {
  id: HoursRequirementId;
  label: string;
  rule: string;
  source: string;
  required: number;
  requiredDays: number | null;
  earned: number;
  days: number;
  met: boolean;
  shortfall: number;
  yearly: boolean;
  sessions: { sessionId: string; title: string; date: string; hours: number }[];
}

export interface HoursView {
  year: string;
  lines: HoursLineView[];
}

export interface TrainingRecordView {
  personId: string;
  name: string;
  hours: HoursView;
  attendance: { present: number; absent: number; onLeave: number };
  exams: { programId: string; title: string; score: number; total: number; passed: boolean }[];
}

export interface TrainerRatingsView {
  /** The trainer profiles that name me (one per unit's team I teach for). */
  trainers: { id: string; name: string; kindLabel: string }[];
  /** Programs I taught in, newest first; `rating` is null under `minRatingsShown` ratings (hidden). */
  programs: {
    programId: string;
    title: string;
    unitName: string;
    ratings: number;
    rating: RatingAggregateView | null;
    sessions: {
      sessionId: string;
      title: string;
      start: string;
      ratings: number;
      rating: RatingAggregateView | null;
    }[];
  }[];
  minRatingsShown: number;
}

export interface OptionView {
  value: string;
  label: string;
}

export interface CreateOptionsView {
  units: OptionView[];
  levels: OptionView[];
  categories: OptionView[];
  admissions: OptionView[];
  hoursModes: OptionView[];
  trainerKinds: OptionView[];
  questionKinds: OptionView[];
}

export interface TrainingsOutputs {
  'trainings.createTrainer': { trainerId: string };
  'trainings.listTrainers': TrainerView[];
  'trainings.createProgram': { programId: string };
  'trainings.createOptions': CreateOptionsView;
  'trainings.addSession': { sessionId: string };
  'trainings.listOpen': Page<ProgramCardView>;
  'trainings.listManaged': Page<ProgramCardView>;
  'trainings.get': ProgramView;
  'trainings.signUp': { state: EnrolmentState; waitlistPosition: number | null };
  'trainings.withdraw': { state: 'withdrawn'; promoted: number };
  'trainings.review': { state: EnrolmentState };
  'trainings.enrolment': EnrolmentView;
  'trainings.checkinToken': CheckinTokenView;
  /** `already`: this was a second scan and changed nothing. */
  'trainings.checkIn': { sessionId: string; purpose: CheckinPurpose; at: string; already: boolean };
  'trainings.mark': { personId: string; state: AttendanceState };
  'trainings.requestLeave': { state: LeaveState };
  'trainings.decideLeave': { state: LeaveState };
  'trainings.attendance': AttendanceView;
  'trainings.setExam': { questions: number; total: number };
  'trainings.exam': ExamView;
  'trainings.submitExam': { score: number; total: number; passed: boolean };
  'trainings.recordScores': { recorded: number };
  'trainings.rate': { rated: true };
  'trainings.report': ReportView;
  'trainings.reportExport': { fileID: string; url: string; fileName: string; expiresInS: number };
  'trainings.myHours': HoursView;
  'trainings.record': TrainingRecordView;
  'trainings.myRatings': TrainerRatingsView;
  'trainings.backboneAssociations': { id: string; name: string }[];
  'trainings.backbones': BackbonesView;
}

/** An association's backbones: who holds which post in it or its temporary branches today. */
export interface BackbonesView {
  associationId: string;
  associationName: string;
  backbones: {
    personId: string;
    name: string;
    statusLabel: string;
    /** Their posts today, e.g. 社团负责人 · 篮球协会. */
    posts: { roleLabel: string; unitName: string }[];
  }[];
}
