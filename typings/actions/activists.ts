/**
 * The activist file (积极分子档案) and its semester grade, and early identification of freshmen (四早): action inputs
 * and the views the mini-program shows. Labels and limits live in the zod-free vocabulary (typings/vocabulary.ts).
 */
import * as z from 'zod';
import {
  ACTIVIST_GRADES,
  ACTIVIST_LIMITS,
  type ActivistGrade,
  type GradeComponent,
  REPORT_MARKS,
  type ReportMark,
} from '../vocabulary';
import { DateStr, FreeText, Id, type Page, PageInput, Text } from './common';

/** A term: 2026-2027-1 (autumn) or 2026-2027-2 (spring). */
export const SemesterTerm = z.string().regex(/^\d{4}-\d{4}-[12]$/, '学期格式应为 2026-2027-1');

const CloudFile = z
  .string()
  .min(1)
  .max(300)
  .regex(/^cloud:\/\/[A-Za-z0-9._/-]+$/, '应为云存储文件');

const Percent = z.number().int('应为整数').min(0, '不能小于 0').max(100, '不能大于 100');

export const activistsSchemas = {
  /**
   * Files are opened by the pipeline's 确定入党积极分子 step. This opens the file of an activist or 发展对象 whose
   * development began before the system (the roster says so and there is no case): the case is carried over at that
   * stage, and its contacts are then named with `pipeline.setContacts` (A5).
   */
  'activists.open': z.strictObject({ personId: Id }),
  /** One activist's file: the activist, the home branch's officers, the contacts and the party-line committees. */
  'activists.file': z.strictObject({ personId: Id }),
  /** The files of a branch with their grades in `term` (the semester grading page). */
  /** Without `term`: the semester of today. */
  'activists.branchFiles': z.strictObject({ branchId: Id, term: SemesterTerm.optional() }),
  /** An ideological report, written by the activist in the mini-program. */
  'activists.submitReport': z.strictObject({
    title: Text('标题', ACTIVIST_LIMITS.reportTitleMax),
    text: Text('正文', ACTIVIST_LIMITS.reportTextMax, ACTIVIST_LIMITS.reportTextMin),
  }),
  /** The contact's review of a report: a quality mark and a comment. */
  'activists.reviewReport': z.strictObject({
    reportId: Id,
    mark: z.enum(REPORT_MARKS),
    comment: FreeText('评语', ACTIVIST_LIMITS.commentMax).default(''),
  }),
  /** A special contribution with its evidence (cloud files uploaded by the officer) and the points it is worth. */
  'activists.recordContribution': z.strictObject({
    personId: Id,
    title: Text('事项', ACTIVIST_LIMITS.contributionTitleMax),
    description: Text('说明', ACTIVIST_LIMITS.contributionTextMax),
    evidence: z.array(CloudFile).min(1, '请上传证明材料').max(ACTIVIST_LIMITS.evidenceFiles),
    points: z.number().int().min(1).max(100),
    /** The date it happened (defaults to today): it counts in that date's semester. */
    on: DateStr.optional(),
  }),
  /** An officer's note on the file (seen by officers and contacts, not by the activist). */
  'activists.addNote': z.strictObject({ personId: Id, text: Text('记录', ACTIVIST_LIMITS.noteMax) }),
  'activists.gradingSettings': z.strictObject({ branchId: Id }),
  /** The party branches whose files I may read (the grading page's choice). */
  'activists.branches': z.strictObject({}),
  /** The branch's weights (whole percentages adding up to 100), its 优秀 share (null: none) and bands. */
  'activists.setGradingSettings': z.strictObject({
    branchId: Id,
    weights: z.strictObject({ attendance: Percent, reports: Percent, exams: Percent, contributions: Percent }),
    excellentShare: Percent.nullable(),
    reportsExpected: z.number().int().min(1).max(12),
    bands: z.strictObject({ excellent: Percent, good: Percent, pass: Percent }),
  }),
  /** Computes every file's grade of the term (refused once the committee has decided one: GRADES_DECIDED). */
  'activists.computeGrades': z.strictObject({ branchId: Id, term: SemesterTerm.optional() }),
  /** The committee's decision, beside the computed grade; a different grade needs a reason. */
  'activists.decideGrade': z.strictObject({
    gradeId: Id,
    grade: z.enum(ACTIVIST_GRADES),
    reason: FreeText('理由', ACTIVIST_LIMITS.reasonMax).default(''),
  }),
  /** The activist's one appeal against their decided grade. */
  'activists.appeal': z.strictObject({ gradeId: Id, reason: Text('申诉理由', ACTIVIST_LIMITS.reasonMax) }),
  /** The officer's answer on record; `grade` changes the decided grade (within the quota). */
  'activists.answerAppeal': z.strictObject({
    gradeId: Id,
    answer: Text('答复', ACTIVIST_LIMITS.reasonMax),
    grade: z.enum(ACTIVIST_GRADES).optional(),
  }),

  /** A college's freshmen from a workbook in cloud storage (sheet 新生名单); `check` validates without writing. */
  'freshmen.import': z.strictObject({ collegeId: Id, fileID: CloudFile, check: z.boolean().default(false) }),
  'freshmen.list': z.strictObject({ collegeId: Id, watchedOnly: z.boolean().default(false), ...PageInput }),
  /** Marks a freshman to watch (早选苗), with the reason, or clears the mark. */
  'freshmen.watch': z.strictObject({
    freshmanId: Id,
    watch: z.boolean(),
    reason: FreeText('理由', ACTIVIST_LIMITS.reasonMax).default(''),
  }),
  /** The training program that is the college's "first lesson" on joining the party (早教育). */
  'freshmen.setFirstLesson': z.strictObject({ collegeId: Id, programId: Id }),
  /** The freshmen workbook template, as a temporary download link. */
  'freshmen.template': z.strictObject({ collegeId: Id }),
};

export interface GradeComponentView {
  component: GradeComponent;
  label: string;
  /** 0–100, or null when there was nothing to measure (its weight went to the others). */
  score: number | null;
  weight: number;
}

export interface SemesterGradeView {
  id: string;
  term: string;
  termLabel: string;
  components: GradeComponentView[];
  score: number;
  computed: ActivistGrade;
  computedLabel: string;
  decision: { grade: ActivistGrade; label: string; reason: string; on: string } | null;
  appeal: {
    reason: string;
    on: string;
    answer: { text: string; on: string; changedTo: string | null } | null;
  } | null;
  /** The activist may appeal now (their own, decided, not yet appealed). */
  mayAppeal: boolean;
}

export interface IdeologicalReportView {
  id: string;
  title: string;
  text: string;
  submittedOn: string;
  term: string;
  review: { mark: ReportMark; markLabel: string; comment: string; by: string; on: string } | null;
  /** The caller is a contact who may review it now. */
  mayReview: boolean;
}

export interface ActivistFileView {
  personId: string;
  name: string;
  branchId: string;
  branchName: string;
  openedOn: string;
  contacts: { personId: string; name: string }[];
  attendance: { present: number; onLeave: number; absent: number; hours: number };
  firstLesson: { programId: string; title: string; attended: boolean } | null;
  reports: IdeologicalReportView[];
  exams: { programId: string; title: string; score: number; total: number; passed: boolean }[];
  contributions: { id: string; title: string; description: string; points: number; on: string; evidence: string[] }[];
  /** Officers' notes: only for officers and contacts (null for the activist). */
  notes: { text: string; by: string; on: string }[] | null;
  grades: SemesterGradeView[];
  /** A6/D6: the half-yearly assessments and activity records of the development case, oldest first. */
  assessments: FileAssessmentView[];
  /** What the caller may do here. */
  can: { self: boolean; review: boolean; manage: boolean };
}

/** An assessment or activity record of the development case, from the home branch or a temporary branch (D6). */
export interface FileAssessmentView {
  id: string;
  kind: 'assessment' | 'activity';
  kindLabel: string;
  on: string;
  text: string;
  by: string;
  fromUnitName: string;
  /** Submitted by a temporary branch the activist belongs to (records flow home). */
  fromTemporary: boolean;
}

export interface BranchFileRow {
  personId: string;
  name: string;
  reports: number;
  /** A6: assessments recorded in the term, and the day of the latest one (any term). */
  assessments: number;
  lastAssessedOn: string | null;
  grade: SemesterGradeView | null;
}

export interface BranchFilesView {
  branchId: string;
  branchName: string;
  term: string;
  termLabel: string;
  files: BranchFileRow[];
  graded: number;
  /** The most 优秀 the branch may decide this term (null: no quota), and how many it has decided. */
  excellentLimit: number | null;
  excellentDecided: number;
  /** The caller keeps the branch's files (computes, decides, answers appeals). */
  mayManage: boolean;
}

export interface GradingSettingsView {
  branchId: string;
  weights: Record<GradeComponent, number>;
  excellentShare: number | null;
  reportsExpected: number;
  bands: { excellent: number; good: number; pass: number };
  /** Whether the branch set these (false: the defaults). */
  own: boolean;
}

export interface FreshmanView {
  id: string;
  studentNo: string;
  name: string;
  gender: string;
  className: string;
  enrolYear: number | null;
  politicalStatus: string;
  origin: string;
  offices: string;
  remark: string;
  watch: { reason: string; on: string } | null;
  /** Whether the student attended the college's first lesson (null: none set, or not yet bound). */
  firstLessonAttended: boolean | null;
}

export interface FreshmenImportView {
  checked: number;
  written: number;
  problems: { sheet: string; row: number; column: string; message: string }[];
}

export interface ActivistsOutputs {
  'activists.open': ActivistFileView;
  'activists.file': ActivistFileView;
  'activists.branchFiles': BranchFilesView;
  'activists.submitReport': IdeologicalReportView;
  'activists.reviewReport': IdeologicalReportView;
  'activists.recordContribution': { id: string };
  'activists.addNote': { id: string };
  'activists.gradingSettings': GradingSettingsView;
  'activists.branches': { id: string; name: string }[];
  'activists.setGradingSettings': GradingSettingsView;
  'activists.computeGrades': BranchFilesView;
  'activists.decideGrade': SemesterGradeView;
  'activists.appeal': SemesterGradeView;
  'activists.answerAppeal': SemesterGradeView;
  'freshmen.import': FreshmenImportView;
  'freshmen.list': Page<FreshmanView>;
  'freshmen.watch': FreshmanView;
  'freshmen.setFirstLesson': { collegeId: string; programId: string; title: string };
  'freshmen.template': { fileID: string; url: string; fileName: string; expiresInS: number };
}
