/**
 * 公示 (public notices): the vocabulary, the action inputs and the views. The server domain
 * (server/domain/notices) imports the vocabulary from here so both sides spell it the same way.
 */
import * as z from 'zod';
import { RULE_VERSIONS, type RuleVersion } from '../domain';
import { DateStr, FreeText, Id, type Page, PageInput, PersonName, Text } from './common';

export {
  MAX_WINDOW_LENGTH,
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  NOTICE_OUTCOME_LABELS,
  NOTICE_OUTCOMES,
  NOTICE_STATE_LABELS,
  NOTICE_STATES,
  type NoticeKind,
  type NoticeOutcome,
  type NoticeState,
  OBJECTION_MAX_LENGTH,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_OUTCOMES,
  type ObjectionOutcome,
  WINDOW_COUNTING_LABELS,
  WINDOW_COUNTINGS,
  WINDOW_UNIT_LABELS,
  WINDOW_UNITS,
  type WindowCounting,
  type WindowUnit,
} from '../vocabulary';

import {
  MAX_WINDOW_LENGTH,
  NOTICE_KINDS,
  NOTICE_STATES,
  type NoticeKind,
  type NoticeOutcome,
  type NoticeState,
  OBJECTION_MAX_LENGTH,
  OBJECTION_OUTCOMES,
  type ObjectionOutcome,
  WINDOW_COUNTINGS,
  WINDOW_UNITS,
  type WindowCounting,
  type WindowUnit,
} from '../vocabulary';

const NoticeTitle = Text('标题', 60);
const NoticeBody = Text('公示内容', 5000);

/** A person named in the notice. `personId` links a roster entry when there is one. */
const NoticeSubject = z.strictObject({ personId: Id.optional(), name: PersonName });

const WindowSpecInput = z.strictObject({
  start: DateStr,
  length: z.number().int('天数应为整数').min(1, '至少 1 天').max(MAX_WINDOW_LENGTH, `不超过 ${MAX_WINDOW_LENGTH} 天`),
  unit: z.enum(WINDOW_UNITS),
  counting: z.enum(WINDOW_COUNTINGS).default('inclusive'),
});

const NoticeFields = {
  kind: z.enum(NOTICE_KINDS),
  title: NoticeTitle,
  body: NoticeBody,
  subjects: z.array(NoticeSubject).max(200, '公示对象不超过 200 人'),
  /** The units whose members may read the notice (where it is posted). */
  scopeUnitIds: z.array(Id).min(1, '请选择公示范围').max(20, '公示范围不超过 20 个组织'),
  window: WindowSpecInput,
};

export const noticesSchemas = {
  /** Creates a draft owned by `unitId`; the rule version defaults to the unit's setting. */
  'notices.create': z.strictObject({ unitId: Id, ruleVersion: z.enum(RULE_VERSIONS).optional(), ...NoticeFields }),
  /** Only a draft can be edited; send the fields that change. */
  'notices.update': z
    .strictObject({
      noticeId: Id,
      kind: NoticeFields.kind.optional(),
      title: NoticeFields.title.optional(),
      body: NoticeFields.body.optional(),
      subjects: NoticeFields.subjects.optional(),
      scopeUnitIds: NoticeFields.scopeUnitIds.optional(),
      window: NoticeFields.window.optional(),
    })
    .refine((v) => Object.keys(v).length > 1, { message: '没有需要修改的内容' }),
  'notices.publish': z.strictObject({ noticeId: Id }),
  /** A blank or missing reason is refused with WITHDRAW_REASON_REQUIRED (the rule lives in the domain). */
  'notices.withdraw': z.strictObject({
    noticeId: Id,
    reason: FreeText('理由', 200).default(''),
  }),
  /** `visible`: notices posted to my units; `managed`: notices of units I manage, drafts included. */
  'notices.list': z.strictObject({
    scope: z.enum(['visible', 'managed']),
    unitId: Id.optional(),
    state: z.enum(NOTICE_STATES).optional(),
    ...PageInput,
  }),
  'notices.get': z.strictObject({ noticeId: Id }),
  /**
   * The length rule (1–OBJECTION_MAX_LENGTH characters after trimming) lives in the domain so that the caller gets
   * OBJECTION_EMPTY / OBJECTION_TOO_LONG rather than a generic BAD_INPUT; the pipeline's input cap bounds the rest.
   */
  'notices.object': z.strictObject({
    noticeId: Id,
    text: FreeText('异议内容').describe(`异议内容，去除首尾空白后 1–${OBJECTION_MAX_LENGTH} 字`),
    anonymous: z.boolean(),
  }),
  'notices.myObjections': z.strictObject({ ...PageInput }),
  'notices.objections': z.strictObject({ noticeId: Id, ...PageInput }),
  'notices.handleObjection': z.strictObject({
    objectionId: Id,
    /** Blank is refused with OBJECTION_INVESTIGATION_REQUIRED (domain rule). */
    investigation: FreeText('调查核实情况', 1000).default(''),
    outcome: z.enum(OBJECTION_OUTCOMES),
  }),
  'notices.closeReport': z.strictObject({ noticeId: Id }),
  /** The minimum 公示 window per kind: each rule version's, the school's own, and what is in force. */
  'notices.windowSettings': z.strictObject({}),
  /**
   * Sets the school's minimum window for a kind (null: follow the rule version). Only stricter than every rule
   * version's minimum (RULE_OVERRIDE_LOOSER otherwise); the party committee sets the development steps, the League
   * committee 推优, either the rest, the school administrator all. Applies to notices published afterwards.
   */
  'notices.setWindowSettings': z.strictObject({
    kind: z.enum(NOTICE_KINDS),
    minimum: z
      .strictObject({
        length: z
          .number()
          .int('天数应为整数')
          .min(1, '至少 1 天')
          .max(MAX_WINDOW_LENGTH, `不超过 ${MAX_WINDOW_LENGTH} 天`),
        unit: z.enum(WINDOW_UNITS),
      })
      .nullable(),
  }),
};

/** One kind's minimum 公示 window: per rule version as the rules set it, the school's, and in force. */
export interface NoticeWindowSettingView {
  kind: NoticeKind;
  kindLabel: string;
  school: { length: number; unit: WindowUnit } | null;
  versions: {
    ruleVersion: RuleVersion;
    national: { length: number; unit: WindowUnit } | null;
    nationalRequired: boolean;
    source: string;
    inForce: { length: number; unit: WindowUnit } | null;
    required: boolean;
  }[];
}

/** A window as shown. Times are ISO-8601 with +08:00. */
export interface NoticeWindowView {
  start: string;
  /** Last day of publicity, inclusive. */
  end: string;
  length: number;
  unit: WindowUnit;
  counting: WindowCounting;
  opensAt: string;
  /** 00:00 +08:00 of the day after `end`. */
  closesAt: string;
  /** True when the window touches a year whose State Council holiday notice is not in the calendar data yet. */
  provisional: boolean;
}

/** Days left, in the window's own unit; present while scheduled or open. */
export interface NoticeCountdownView {
  remaining: number;
  unit: WindowUnit;
}

export interface NoticeCardView {
  id: string;
  kind: NoticeKind;
  kindLabel: string;
  title: string;
  unitId: string;
  unitName: string;
  state: NoticeState;
  stateLabel: string;
  window: NoticeWindowView;
  countdown: NoticeCountdownView | null;
  publishedAt: string | null;
  /** How the publicity ended (无异议 / 有异议（已处理/待处理）); null until it closes. */
  closed: { at: string; outcome: NoticeOutcome; outcomeLabel: string } | null;
  /** Objections still waiting for an investigation: on the officers' list (scope `managed`) only, else null. */
  pendingObjections: number | null;
}

export interface NoticeDetailView extends NoticeCardView {
  body: string;
  ruleVersion: RuleVersion;
  subjects: { name: string }[];
  scope: { unitId: string; unitName: string }[];
  withdrawn: { at: string; reason: string } | null;
  /** What the reader may do now; the server decides. */
  can: { edit: boolean; publish: boolean; withdraw: boolean; object: boolean; handleObjections: boolean };
  /** Counts for officers of the notice's unit; null for everyone else. */
  objectionCounts: { total: number; pending: number } | null;
  /** How many objections the reader submitted to this notice. */
  myObjectionCount: number;
  /**
   * What changed in the published window once the year's holiday notice was out, oldest first (e.g.
   * 国务院办公厅节假日安排公布后重新计算：公示期结束日由2027-01-04改为2027-01-05). Absent or empty when nothing did.
   */
  windowNotes?: string[];
}

export interface ObjectionHandlingView {
  investigation: string;
  outcome: ObjectionOutcome;
  outcomeLabel: string;
  handledAt: string;
  handledByName: string;
}

/** An objection as its own author sees it. */
export interface MyObjectionView {
  id: string;
  noticeId: string;
  noticeTitle: string;
  text: string;
  anonymous: boolean;
  submittedAt: string;
  handling: ObjectionHandlingView | null;
}

/** An objection as a responsible officer sees it: no identity when anonymous. */
export interface OfficerObjectionView {
  id: string;
  text: string;
  anonymous: boolean;
  objector: { personId: string; name: string } | null;
  /** ISO-8601 +08:00; for an anonymous objection only the day, YYYY-MM-DD (as in the archive). */
  submittedAt: string;
  /** The content check asked for a manual look (msgSecCheck "review"): accepted, but read it with care. */
  needsReview: boolean;
  handling: ObjectionHandlingView | null;
}

/** The filed record of a closed or withdrawn notice (E2: notice text, scope, start, end, objections, handling). */
export interface NoticeArchiveView {
  noticeId: string;
  kind: NoticeKind;
  kindLabel: string;
  ruleVersion: RuleVersion;
  title: string;
  body: string;
  subjects: { name: string }[];
  scopeUnitIds: string[];
  window: NoticeWindowView | null;
  publishedAt: string | null;
  withdrawn: { at: string; reason: string } | null;
  closed: { at: string; outcome: NoticeOutcome; outcomeLabel: string } | null;
  /** 1 as filed; each objection handled after filing files a new revision (every one is kept). */
  revision: number;
  /** The outcome when the record was first filed (e.g. 有异议（待处理）), whatever `closed` says now. */
  filedOutcomeLabel: string | null;
  objections: {
    no: number;
    anonymous: boolean;
    objector: { personId: string; name: string } | null;
    text: string;
    /** ISO-8601 +08:00; for an anonymous objection only the day, YYYY-MM-DD. */
    submittedAt: string;
    handling: ObjectionHandlingView | null;
  }[];
}

export interface NoticesOutputs {
  'notices.create': { noticeId: string; window: NoticeWindowView };
  'notices.update': { noticeId: string; window: NoticeWindowView };
  'notices.publish': { noticeId: string; state: NoticeState; window: NoticeWindowView };
  'notices.withdraw': { noticeId: string; state: NoticeState };
  'notices.list': Page<NoticeCardView>;
  'notices.get': NoticeDetailView;
  'notices.object': { objectionId: string; submittedAt: string };
  'notices.myObjections': Page<MyObjectionView>;
  'notices.objections': Page<OfficerObjectionView>;
  'notices.handleObjection': { objectionId: string; outcome: ObjectionOutcome; noticeOutcome: NoticeOutcome | null };
  'notices.closeReport': NoticeArchiveView;
  'notices.windowSettings': { kinds: NoticeWindowSettingView[]; updatedAt: string | null; updatedBy: string | null };
  'notices.setWindowSettings': NoticeWindowSettingView;
}
