/**
 * Class-hours requirements and the hours ledger: for each requirement that applies to a person, whether it is met,
 * by how much it falls short and which attended sessions count. Other capabilities (the member pipeline, the backbone
 * record) read a person's training standing through `hoursLedger` alone.
 */
import type { PoliticalStatus } from '../../../typings/domain';
import type { HoursRequirementId, TrainingLevel } from '../../../typings/vocabulary';

/** One requirement as a setting: its figures and where they come from. */
export interface HoursRequirement {
  id: HoursRequirementId;
  /** Rule code this requirement implements. */
  rule: 'A10' | 'B6' | 'D7';
  /** The regulation and article, as a person would cite it. */
  source: string;
  /** 学时 required. */
  hours: number;
  /** Alternatively, this many distinct training days (A10: "3 days or 24 学时"); null when only hours count. */
  days: number | null;
  /** Program levels whose sessions count towards it. */
  levels: readonly TrainingLevel[];
  /** Counted per calendar year (D7), or over the whole record (A10, B6). */
  yearly: boolean;
}

const PARTY_EDUCATION: readonly TrainingLevel[] = [
  'probationary_member',
  'party_member',
  'secretary_rotation',
  'backbone',
];

/** The defaults, from the rules. A school may raise them (never lower: they are minimums). */
export const DEFAULT_HOURS_REQUIREMENTS: readonly HoursRequirement[] = [
  {
    // A10: 发展对象 get short centralized training of at least 3 days or at least 24 学时.
    id: 'candidate_training',
    rule: 'A10',
    source: '《中国共产党发展党员工作细则》（2014）发展对象培训条款',
    hours: 24,
    days: 3,
    levels: ['development_candidate'],
    yearly: false,
  },
  {
    // B6: 入团积极分子 attend at least 8 学时 of League classes.
    id: 'league_class',
    rule: 'B6',
    source: '《中国共产主义青年团发展团员工作细则》（2023）入团积极分子培养条款',
    hours: 8,
    days: null,
    levels: ['league_class'],
    yearly: false,
  },
  {
    // D7: party members study at least 32 学时 a year.
    id: 'member_yearly',
    rule: 'D7',
    source: '《全国党员教育培训工作规划》党员每年集中学习培训学时要求',
    hours: 32,
    days: null,
    levels: PARTY_EDUCATION,
    yearly: true,
  },
  {
    // D7: secretaries and committee members of grassroots party organisations at least 56 学时 a year.
    id: 'officer_yearly',
    rule: 'D7',
    source: '《全国党员教育培训工作规划》基层党组织书记和班子成员每年培训学时要求',
    hours: 56,
    days: null,
    levels: PARTY_EDUCATION,
    yearly: true,
  },
];

/** What decides which requirements apply to a person (the caller derives it from the person and their positions). */
export interface PersonTrainingFacts {
  status: PoliticalStatus;
  /** Holds a secretary or committee position in a party branch today. */
  partyBranchOfficer: boolean;
  /** Being cultivated for the League: enrolled in a 团课 program and not yet a League or party member. */
  leagueActivist: boolean;
}

/**
 * Which requirements apply: A10 to development candidates, B6 to League activists, D7 to party members (probationary
 * members included) — the 56-学时 line instead of the 32 for party branch secretaries and committee members.
 */
export function requirementsThatApply(
  facts: PersonTrainingFacts,
  settings: readonly HoursRequirement[] = DEFAULT_HOURS_REQUIREMENTS,
): HoursRequirement[] {
  const member = facts.status === 'probationary_member' || facts.status === 'full_member';
  const applies: Record<HoursRequirementId, boolean> = {
    candidate_training: facts.status === 'development_candidate',
    league_class: facts.leagueActivist,
    member_yearly: member && !facts.partyBranchOfficer,
    officer_yearly: member && facts.partyBranchOfficer,
  };
  return settings.filter((r) => applies[r.id]);
}

/** One attended session as the ledger sees it (hours already worked out by `hoursForAttendance`). */
export interface AttendedSession {
  sessionId: string;
  programId: string;
  level: TrainingLevel;
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  hours: number;
}

export interface LedgerLine {
  requirement: HoursRequirement;
  /** 学时 counted. */
  earned: number;
  /** Distinct training days counted. */
  days: number;
  met: boolean;
  /** 学时 still missing (0 when met). */
  shortfall: number;
  /** Sessions that count, in date order. */
  sessionIds: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The hours ledger: for each requirement, the sessions that count (of its levels; in `today`'s year for yearly ones),
 * the 学时 and days they add up to, whether it is met (hours reached, or days reached where days count) and the
 * shortfall in 学时.
 */
export function hoursLedger(
  requirements: readonly HoursRequirement[],
  attended: readonly AttendedSession[],
  today: string,
): LedgerLine[] {
  const year = today.slice(0, 4);
  return requirements.map((requirement) => {
    const counting = attended
      .filter((a) => requirement.levels.includes(a.level) && (!requirement.yearly || a.date.startsWith(year)))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sessionId < b.sessionId ? -1 : 1));
    const earned = round1(counting.reduce((s, a) => s + a.hours, 0));
    const days = new Set(counting.filter((a) => a.hours > 0).map((a) => a.date)).size;
    const met = earned >= requirement.hours || (requirement.days !== null && days >= requirement.days);
    return {
      requirement,
      earned,
      days,
      met,
      shortfall: met ? 0 : round1(requirement.hours - earned),
      sessionIds: counting.map((a) => a.sessionId),
    };
  });
}

/** Minutes in one 学时 (a class period), for hours measured between check-in and check-out. */
export const MINUTES_PER_CLASS_HOUR = 45;

/**
 * The 学时 one attendance earns. 'session': the session's figure for anyone present. 'measured': the time between
 * check-in and check-out in whole half class periods, never more than the session's figure; nothing without a
 * check-out.
 */
export function hoursForAttendance(
  mode: 'session' | 'measured',
  sessionHours: number,
  checkedInAt: string | null,
  checkedOutAt: string | null,
): number {
  if (!checkedInAt) return 0;
  if (mode === 'session') return sessionHours;
  if (!checkedOutAt) return 0;
  const minutes = (Date.parse(checkedOutAt) - Date.parse(checkedInAt)) / 60_000;
  if (!(minutes > 0)) return 0;
  const halves = Math.floor(minutes / (MINUTES_PER_CLASS_HOUR / 2));
  return Math.min(sessionHours, halves / 2);
}
