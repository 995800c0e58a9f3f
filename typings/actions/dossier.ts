/**
 * The dossier of a development case (发展档案): every record of the journey in order with the evidence the other
 * modules hold (the votes' resolutions, the 公示 texts and outcomes), the paper forms generated from it as .docx, and
 * the records of the review and evaluation rings: the three evaluations of an assessment and the two-level
 * pre-examination. Labels live in the zod-free vocabulary (typings/vocabulary.ts).
 */
import * as z from 'zod';
import type { RuleVersion } from '../domain';
import {
  DOSSIER_FORMS,
  type DossierForm,
  EVALUATION_RESULTS,
  type EvaluationKind,
  PIPELINE_LIMITS,
  type PipelineRecordKind,
  type PipelineStage,
  type PipelineStep,
  PRE_EXAM_CONCLUSIONS,
  PRE_EXAM_LEVELS,
  type PreExamConclusion,
  type PreExamLevel,
} from '../vocabulary';
import { DateStr, Id, Text } from './common';

/**
 * Files the mini-program uploaded to cloud storage (wx.cloud.uploadFile): their fileIDs. A name may keep its Chinese
 * characters (the secretary's 支委会决议.pdf); the server checks each against the case's folder and the stored file.
 */
export const AttachmentFileId = z
  .string()
  .min(1)
  .max(300)
  .regex(/^cloud:\/\/[A-Za-z0-9._/\u4e00-\u9fff（）-]+$/, '附件应为云存储文件');
export const Attachments = z.array(AttachmentFileId).max(PIPELINE_LIMITS.attachmentsMax).default([]);

const Evaluation = (label: string) =>
  z.strictObject({
    result: z.enum(EVALUATION_RESULTS),
    opinion: Text(label, PIPELINE_LIMITS.textMax),
  });

/** S6: the three evaluations of an assessment, all three together. */
export const Evaluations = z.strictObject({
  representatives: Evaluation('师生代表评议意见'),
  democratic: Evaluation('民主评议情况'),
  self: Evaluation('个人自评'),
});

export const dossierSchemas = {
  /** The dossier: every record in order with its resolution and 公示, the responsibility chain, the forms. */
  'pipeline.dossier': z.strictObject({ caseId: Id }),
  /** One paper form generated from the dossier as .docx, stored in cloud storage, handed back as a link. */
  'pipeline.dossierForm': z.strictObject({ caseId: Id, form: z.enum(DOSSIER_FORMS) }),
  /** S7: one level of the two-level pre-examination (the college's, then the school's), in writing. */
  'pipeline.recordPreExam': z.strictObject({
    caseId: Id,
    level: z.enum(PRE_EXAM_LEVELS),
    on: DateStr,
    conclusion: z.enum(PRE_EXAM_CONCLUSIONS),
    opinion: Text('预审意见', PIPELINE_LIMITS.textMax),
    attachments: Attachments,
  }),
};

export interface EvaluationView {
  kind: EvaluationKind;
  label: string;
  resultLabel: string;
  opinion: string;
}

/** What the branch meeting resolved about this person (F4: aggregates only; other candidates are left out). */
export interface DossierResolutionView {
  voteId: string;
  title: string;
  kindLabel: string;
  unitName: string;
  date: string;
  method: string;
  expected: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  invalid: number;
  /** 通过 / 未通过 for this person; null when the vote was not counted. */
  outcomeLabel: string | null;
}

/** The 公示 of a step: its text, window and how it ended (objections as counts, never who raised them). */
export interface DossierPublicityView {
  noticeId: string;
  title: string;
  body: string;
  unitName: string;
  subjects: string[];
  start: string | null;
  end: string | null;
  stateLabel: string;
  outcomeLabel: string | null;
  objections: number;
  upheld: number;
}

export interface DossierEntryView {
  id: string;
  kind: PipelineRecordKind | 'tuiyou';
  label: string;
  on: string;
  title: string;
  byName: string;
  fromUnitName: string;
  text: string | null;
  meetingRef: string | null;
  attachments: string[];
  /** A step's own name (程序步骤), null for other records. */
  step: PipelineStep | null;
  /** A talk's parts as recorded (谈话记录). */
  talk: { kindLabel: string; topics: string; content: string; opinion: string } | null;
  /** An assessment's or activity record's parts (考察表). */
  assessment: { content: string; opinion: string } | null;
  evaluations: EvaluationView[];
  /** S6: an evaluation came out 较差: the branch helps the person (帮扶). */
  helpNeeded: boolean;
  preExam: { level: PreExamLevel; levelLabel: string; conclusion: PreExamConclusion; conclusionLabel: string } | null;
  resolution: DossierResolutionView | null;
  publicity: DossierPublicityView | null;
}

export interface DossierFormOption {
  form: DossierForm;
  label: string;
  /** Whether the dossier holds what the form needs; when not, `missing` says what. */
  ready: boolean;
  missing: string | null;
}

export interface DossierView {
  caseId: string;
  personName: string;
  studentNo: string;
  branchName: string;
  stage: PipelineStage;
  stageLabel: string;
  ruleVersion: RuleVersion;
  ruleVersionLabel: string;
  /** The dates of the journey (YYYY-MM-DD or null), in order. */
  milestones: { label: string; on: string | null }[];
  chain: ChainView;
  entries: DossierEntryView[];
  forms: DossierFormOption[];
}

/** The responsibility chain of a case: who introduced, cultivated, talked, reviewed, approved, evaluated, pre-examined. */
export interface ChainView {
  introducedBy: string[];
  cultivatedBy: string[];
  talkedBy: string[];
  reviewedBy: string[];
  approvedBy: string[];
  /** S6: who recorded assessments with the three evaluations, and from which unit. */
  evaluatedBy: string[];
  /** S7: who pre-examined, at which level. */
  preExaminedBy: string[];
}

/** What recording something on a case answers. */
export interface RecordResultView {
  recordId: string;
  caseId: string;
}

export interface DossierFileView {
  fileID: string;
  url: string;
  fileName: string;
  expiresInS: number;
}

export interface DossierOutputs {
  'pipeline.dossier': DossierView;
  'pipeline.dossierForm': DossierFileView;
  'pipeline.recordPreExam': RecordResultView;
}
