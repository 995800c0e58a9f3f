/** Stored shapes, collection names and derived ids of activist files, their semester grades, and freshmen (四早). */
import type { FreshmanView } from '../../../typings/actions/activists';
import type { ActivistGrade, GradeComponent, ReportMark } from '../../../typings/vocabulary';
import type { GradingSettings } from '../../domain/activists';
import type { CaseDoc } from '../pipeline/docs';

/** activist_files/af_<personId>: one file per activist, kept by the home party branch. */
export const FILES = 'activist_files';
export const REPORTS = 'activist_reports';
export const CONTRIBUTIONS = 'activist_contributions';
export const NOTES = 'activist_notes';
/** activist_grades/ag_<term>_<personId>: one grade per activist and term. */
export const GRADES = 'activist_grades';
/** activist_grade_sheets/ags_<branchId>_<term>: the branch's tally for the term (the quota is checked on it). */
export const GRADE_SHEETS = 'activist_grade_sheets';
/** freshmen/fr_<collegeId>_<studentNo>: one row per freshman and college. */
export const FRESHMEN = 'freshmen';
export const SETTINGS = 'settings';

/**
 * The file of an activist. Opened in the transaction of the pipeline step that determines the activist (or, for a
 * development that began on paper, with the case carried over). The cultivation contacts are not stored here: they
 * are the development case's (`pipeline_cases/pc_<personId>`, named by `pipeline.setContacts`), read with the file.
 */
export interface FileDoc {
  _id: string;
  personId: string;
  name: string;
  branchId: string;
  branchName: string;
  /** The home branch and the units above it in the party line: whose officers and committees see and keep it. */
  branchScope: string[];
  openedAt: string;
  openedOn: string;
  openedBy: string;
}

/** A file as read: with the cultivation contacts of the person's development case. */
export interface OpenFile extends FileDoc {
  contacts: { id: string; name: string }[];
}

/** The file a development case opens (the case's party-line scope is the file's: both are the home branch's). */
export function fileOfCase(
  c: Pick<CaseDoc, 'personId' | 'personName' | 'branchId' | 'branchName' | 'scope'>,
  openedBy: string,
  nowIso: string,
  today: string,
): FileDoc {
  return {
    _id: fileId(c.personId),
    personId: c.personId,
    name: c.personName,
    branchId: c.branchId,
    branchName: c.branchName,
    branchScope: c.scope,
    openedAt: nowIso,
    openedOn: today,
    openedBy,
  };
}

export interface ReportDoc {
  _id: string;
  personId: string;
  branchId: string;
  branchScope: string[];
  term: string;
  title: string;
  text: string;
  /** The content check answered "review": accepted and flagged. */
  textNeedsReview: boolean;
  submittedAt: string;
  submittedOn: string;
  review: { mark: ReportMark; comment: string; by: string; byName: string; at: string; on: string } | null;
}

export interface ContributionDoc {
  _id: string;
  personId: string;
  branchId: string;
  term: string;
  title: string;
  description: string;
  evidence: string[];
  points: number;
  on: string;
  recordedBy: string;
  recordedAt: string;
}

export interface NoteDoc {
  _id: string;
  personId: string;
  text: string;
  by: string;
  byName: string;
  at: string;
}

export interface GradeDecision {
  grade: ActivistGrade;
  reason: string;
  by: string;
  at: string;
  on: string;
}

export interface GradeDoc {
  _id: string;
  personId: string;
  name: string;
  branchId: string;
  branchScope: string[];
  term: string;
  components: Record<GradeComponent, number | null>;
  weights: Record<GradeComponent, number>;
  score: number;
  computed: ActivistGrade;
  computedAt: string;
  decision: GradeDecision | null;
  appeal: {
    reason: string;
    at: string;
    on: string;
    answer: { text: string; by: string; at: string; on: string; changedTo: ActivistGrade | null } | null;
  } | null;
}

export interface GradeSheetDoc {
  _id: string;
  branchId: string;
  term: string;
  graded: number;
  excellentShare: number | null;
  excellentLimit: number | null;
  /** Decided grades, and how many of them are 优秀 (moved in the same transaction as each decision). */
  decided: number;
  excellentDecided: number;
  computedAt: string;
}

/** settings/activist_grading_<branchId>. */
export interface GradingSettingsDoc extends GradingSettings {
  _id: string;
  branchId: string;
  updatedAt: string;
  updatedBy: string;
}

/** settings/first_lesson_<collegeId>. */
export interface FirstLessonDoc {
  _id: string;
  collegeId: string;
  programId: string;
  title: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * The row the college imported, as its officers see it (FreshmanView's facts), with who marked the
 * student to watch and when. The view adds the first lesson's attendance, read from the trainings ledger.
 */
export interface FreshmanDoc extends Omit<FreshmanView, 'id' | 'watch' | 'firstLessonAttended'> {
  _id: string;
  collegeId: string;
  watch: (NonNullable<FreshmanView['watch']> & { by: string; at: string }) | null;
  importedAt: string;
}

export const fileId = (personId: string) => `af_${personId}`;
export const gradeId = (term: string, personId: string) => `ag_${term}_${personId}`;
export const gradeSheetId = (branchId: string, term: string) => `ags_${branchId}_${term}`;
export const gradingSettingsId = (branchId: string) => `activist_grading_${branchId}`;
export const firstLessonId = (collegeId: string) => `first_lesson_${collegeId}`;
export const freshmanId = (collegeId: string, studentNo: string) => `fr_${collegeId}_${studentNo}`;
