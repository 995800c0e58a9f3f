/**
 * Stored shapes, collection names and derived ids of the development pipeline.
 *
 *   pipeline_cases/pc_<personId>   one case per person, owned by their home party branch (never a temporary branch,
 *                                  D6). It carries what its gates read (dates of the stages, the required talks, the
 *                                  assessments, contacts and introducers, the review, confirmed overrides), the party
 *                                  line scope of the branch (who may see it, copied at opening), and the next item with
 *                                  its due day (`nextDue`, the list's sort key), so a list and a case page are one query
 *                                  each and a step's gates need no read of the records.
 *   pipeline_records/pr_…          every record in order: the application, steps with their evidence, talks,
 *                                  contacts, introducers, assessments and activity records (from the home branch or
 *                                  flowing home from a temporary branch), recommendations, the political review,
 *                                  overrides. Inserted once, never rewritten.
 *   pipeline_overrides/po_…        a special case asked for by one officer and confirmed by another (A10, A17).
 */
import type * as z from 'zod';
import type { Evaluations } from '../../../typings/actions/dossier';
import type { PoliticalStatus, RuleVersion } from '../../../typings/domain';
import type {
  PipelineRecordKind,
  PipelineStage,
  PipelineStep,
  PipelineTodoKind,
  PreExamConclusion,
  PreExamLevel,
  RecommendationSource,
  TalkKind,
} from '../../../typings/vocabulary';
import { caseIdOfPerson } from '../../../typings/vocabulary';
import { type CaseFacts, nextItem } from '../../domain/pipeline';

export const CASES = 'pipeline_cases';
export const RECORDS = 'pipeline_records';
export const OVERRIDES = 'pipeline_overrides';

/** One case per person: the id is derived, so a second application is refused by the database. */
export const caseIdFor = caseIdOfPerson;

/** Sorts after every date: a case with nothing due goes last in due order. */
export const NO_DUE = '9999-12-31';

export interface Named {
  id: string;
  name: string;
}

export interface CaseDoc extends CaseFacts {
  _id: string;
  personId: string;
  personName: string;
  branchId: string;
  branchName: string;
  /** The branch and the units above it in the party line (A17: the committees that pre-examine and approve). */
  scope: string[];
  /** What the gates read of the person, copied at application (B1: League membership; A1/B1: the birth date). */
  subject: { birthDate: string | null; homeLeagueBranchId: string | null };
  ruleVersion: RuleVersion;
  stage: PipelineStage;
  contacts: Named[];
  introducers: Named[];
  recommendation: { source: RecommendationSource; on: string } | null;
  review: { conclusion: 'qualified' | 'unqualified'; on: string } | null;
  /** A20: extensions of probation (at most one). */
  extensions: number;
  /** Rules with a confirmed special-case override not yet used by a step. */
  overridden: string[];
  /** The responsibility chain, names as recorded. */
  chain: {
    introducedBy: string[];
    cultivatedBy: string[];
    talkedBy: string[];
    reviewedBy: string[];
    approvedBy: string[];
    /** S6: who recorded assessments with the three evaluations (absent on cases opened before). */
    evaluatedBy?: string[];
    /** S7: who pre-examined, at which level (absent on cases opened before). */
    preExaminedBy?: string[];
  };
  /** S7: the latest conclusion of each level of the two-level pre-examination (absent until one is recorded). */
  preExams?: Partial<Record<PreExamLevel, { on: string; conclusion: PreExamConclusion; byName: string }>>;
  /** A1: the day the person applied again after an application found made under 18 (absent otherwise). */
  reappliedOn?: string;
  nextKind: PipelineTodoKind | null;
  /** YYYY-MM-DD, or NO_DUE. */
  nextDue: string;
  nextNotBefore: string | null;
  openedAt: string;
  updatedAt: string;
}

export interface RecordDoc {
  _id: string;
  caseId: string;
  personId: string;
  kind: PipelineRecordKind;
  /** The day it happened (YYYY-MM-DD). */
  on: string;
  step: PipelineStep | null;
  talkKind: TalkKind | null;
  title: string;
  text: string | null;
  byId: string;
  byName: string;
  fromUnitId: string;
  fromUnitName: string;
  attachments: string[];
  meetingRef: string | null;
  voteId: string | null;
  noticeId: string | null;
  /** The political status the record put the person in, and since when (an application or a step). */
  statusChange?: { status: PoliticalStatus; since: string } | null;
  /** S6: the three evaluations of an assessment, as entered. */
  evaluations?: z.output<typeof Evaluations> | null;
  /** S7: one level of the pre-examination. */
  preExam?: { level: PreExamLevel; conclusion: PreExamConclusion } | null;
  /** ISO +08:00: when it was entered. */
  enteredAt: string;
}

export interface OverrideDoc {
  _id: string;
  caseId: string;
  rule: 'A10' | 'A17';
  reason: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  confirmedBy: string | null;
  confirmedByName: string | null;
  confirmedAt: string | null;
}

/** The settings document holding the rule version new cases open under (A0). */
export const SETTINGS = 'settings';
export const PIPELINE_SETTINGS_ID = 'pipeline_rules';

export interface PipelineSettingsDoc {
  _id: string;
  ruleVersion: RuleVersion;
  setBy: string;
  setAt: string;
}

/** The case with its next item and due day brought up to date (the list sorts and filters on them). */
export function withNext(c: CaseDoc, nowIso: string): CaseDoc {
  const item = nextItem(c);
  return {
    ...c,
    nextKind: item?.kind ?? null,
    nextDue: item?.due ?? NO_DUE,
    nextNotBefore: item?.notBefore ?? null,
    updatedAt: nowIso,
  };
}
