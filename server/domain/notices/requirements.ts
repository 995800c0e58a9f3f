/**
 * Which steps need a 公示 and for how long, per rule version (E2: "a per-step publicity table per
 * rule version"). The table holds the national defaults Lingyan ships with; local rules that differ (E2 lists
 * several) are passed in as another table by the caller, from the unit's settings.
 */

import type { NoticeKind, WindowUnit } from '../../../typings/actions/notices';
import type { RuleVersion } from '../../../typings/domain';
import type { ErrorCode } from '../../../typings/errors';
import { officialCalendar, type WorkCalendar } from './calendar';
import { type PublicityWindow, windowLengthIn } from './window';

export interface PublicityRequirement {
  /** Whether the step may not proceed without a completed publicity. */
  required: boolean;
  /** The shortest window allowed whenever such a notice is published; null = no minimum found. */
  minimum: { length: number; unit: WindowUnit } | null;
  /** Where the requirement comes from (rule code and strength). */
  source: string;
}

export type RequirementTable = Record<RuleVersion, Record<NoticeKind, PublicityRequirement>>;

const FIVE_WORKDAYS = { length: 5, unit: 'workday' } as const;

/** What both versions share: the League's and the associations' own rules do not change with the 细则. */
const common = {
  /** B5: the 推优 list is published ≥ 5 working days before League committee approval [L, national text UNCERTAIN]. */
  tuiyou: { required: true, minimum: FIVE_WORKDAYS, source: 'B5 [L]' },
  /** D4: star rating is published for 3 days [L]; "3 天" read as calendar days. Other honors follow it by default. */
  honor: { required: true, minimum: { length: 3, unit: 'calendar_day' }, source: 'D4 [L]' },
  /** S1: backbone selection includes "考察公示"; no length is given, so none is imposed. */
  backbone: { required: true, minimum: null, source: 'S1' },
  other: { required: false, minimum: null, source: '—' },
} satisfies Partial<Record<NoticeKind, PublicityRequirement>>;

/**
 * E1/A24: the 2014 细则 has no 公示 step. Local practice publicises activists, 发展对象, acceptance and conversion
 * for ≥ 5 working days (tccu, E2) or acceptance and conversion for 7 days (hlxy, E2): a school enables those in
 * its own table.
 */
const v2014: Record<NoticeKind, PublicityRequirement> = {
  activist: { required: false, minimum: null, source: 'E1/A24 (细则 2014: none)' },
  development_candidate: { required: false, minimum: null, source: 'E1/A24 (细则 2014: none)' },
  acceptance: { required: false, minimum: null, source: 'E1/A24 (细则 2014: none)' },
  conversion: { required: false, minimum: null, source: 'E1/A24 (细则 2014: none)' },
  ...common,
};

/** A7/E1: the reported 2026 第十三条 adds a 公示 of at least 5 working days for 发展对象 [C, UNCERTAIN]. */
const v202605: Record<NoticeKind, PublicityRequirement> = {
  ...v2014,
  development_candidate: { required: true, minimum: FIVE_WORKDAYS, source: 'A7/E1 (细则 2026.05 第十三条) [C]' },
};

export const PUBLICITY_REQUIREMENTS: RequirementTable = { '2014': v2014, '2026.05': v202605 };

/** E2: the publicity a step needs under a rule version. */
export function minimumWindowFor(
  kind: NoticeKind,
  ruleVersion: RuleVersion,
  table: RequirementTable = PUBLICITY_REQUIREMENTS,
): PublicityRequirement {
  return table[ruleVersion][kind];
}

/**
 * E2 with A7/B5/D4: a published window must be at least the minimum, measured in the minimum's unit over the
 * days the window counts (so 7 calendar days from a Monday satisfy "5 working days"; 5 working days across a
 * weekend satisfy "3 days"). A provisional window is measured with the data at hand.
 */
export function checkWindowMeetsMinimum(
  window: PublicityWindow,
  requirement: PublicityRequirement,
  calendar: WorkCalendar = officialCalendar,
): Extract<ErrorCode, 'WINDOW_TOO_SHORT'> | null {
  const min = requirement.minimum;
  if (!min) return null;
  return windowLengthIn(window, min.unit, calendar) >= min.length ? null : 'WINDOW_TOO_SHORT';
}

/**
 * A7 ("a completed publicity window of at least 5 working days that ends before dev_object_date") and B5
 * ("before league_committee_approval_date"): whether a step dated `stepDate` may proceed, given the window of
 * its publicity (null if there was none). The outcome of objections is a separate check (see `publicityRaisesNoBar`).
 */
export function checkStepPublicity(args: {
  kind: NoticeKind;
  ruleVersion: RuleVersion;
  window: PublicityWindow | null;
  stepDate: string;
  table?: RequirementTable;
  calendar?: WorkCalendar;
}): Extract<ErrorCode, 'PUBLICITY_REQUIRED' | 'WINDOW_TOO_SHORT' | 'PUBLICITY_NOT_FINISHED'> | null {
  const requirement = minimumWindowFor(args.kind, args.ruleVersion, args.table);
  if (!args.window) return requirement.required ? 'PUBLICITY_REQUIRED' : null;
  const short = checkWindowMeetsMinimum(args.window, requirement, args.calendar);
  if (short) return short;
  return args.window.end < args.stepDate ? null : 'PUBLICITY_NOT_FINISHED';
}
