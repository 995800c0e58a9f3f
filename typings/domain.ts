/** Entity shapes shared by the cloud functions and the mini-program (type-only on the mini-program side). */

export const UNIT_KINDS = [
  'school',
  'party_committee',
  'league_committee',
  'federation',
  'college',
  'party_branch',
  'league_branch',
  'association',
  'temp_party_branch',
  'temp_league_branch',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  school: '学校',
  party_committee: '党委',
  league_committee: '团委',
  federation: '社团联合会',
  college: '学院',
  party_branch: '党支部',
  league_branch: '团支部',
  association: '学生社团',
  temp_party_branch: '临时党支部',
  temp_league_branch: '临时团支部',
};

export const POLITICAL_STATUSES = [
  'masses',
  'league_member',
  'party_applicant',
  'activist',
  'development_candidate',
  'probationary_member',
  'full_member',
] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = {
  masses: '群众',
  league_member: '共青团员',
  party_applicant: '入党申请人',
  activist: '入党积极分子',
  development_candidate: '发展对象',
  probationary_member: '预备党员',
  full_member: '正式党员',
};

export const ROLES = [
  'school_admin',
  'party_committee_admin',
  'league_committee_admin',
  'college_officer',
  'federation_officer',
  'branch_secretary',
  'branch_committee',
  'association_president',
  'advisor',
  'backbone',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  school_admin: '系统管理员',
  party_committee_admin: '党委管理员',
  league_committee_admin: '团委管理员',
  college_officer: '学院党团干部',
  federation_officer: '社联干部',
  branch_secretary: '支部书记',
  branch_committee: '支部委员',
  association_president: '社团负责人',
  advisor: '指导老师',
  backbone: '骨干',
};

/**
 * What a role may do. The grants per role live on the server (server/domain/org/permissions.ts);
 * the mini-program only sees which of these the current user holds somewhere (MeView.capabilities).
 */
export const PERMISSIONS = [
  'binding.approve',
  'people.read',
  'position.assign',
  'audit.read',
  'notice.manage',
  'notice.handleObjection',
  'vote.manage',
  /** Run a unit's training programs: sessions, trainers, enrolment, attendance, exams, the report. */
  'training.manage',
  /** School-wide settings (the vote thresholds a school sets within the rules). */
  'rules.configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** An organisation unit. `ancestors` lists every unit above it (parent line plus any unit it is also registered under). */
export interface Unit {
  _id: string;
  kind: UnitKind;
  name: string;
  parentId: string | null;
  /** Extra units this one is registered under, e.g. an association's guidance college. */
  alsoUnder: string[];
  ancestors: string[];
}

export interface StatusChange {
  status: PoliticalStatus;
  /** YYYY-MM-DD, Asia/Shanghai. */
  since: string;
}

/** A term of office. Ended positions stay, so handover keeps history. */
export interface Position {
  id: string;
  role: Role;
  unitId: string;
  /** The unit and every unit above it, copied at assignment so a permission check needs no extra read. */
  unitScope: string[];
  start: string;
  end: string | null;
}

export interface Person {
  _id: string;
  openid: string | null;
  name: string;
  studentNo: string;
  collegeId: string;
  homePartyBranchId: string | null;
  homeLeagueBranchId: string | null;
  status: PoliticalStatus;
  statusHistory: StatusChange[];
  /** Units this person belongs to as a member: college, home branches, associations and their temporary branches. */
  memberOf: string[];
  /**
   * Every unit whose members-only content this person may read: each unit in memberOf plus all units above it.
   * Kept in step with memberOf on every write so that a scoped list is one query.
   */
  reach: string[];
  positions: Position[];
}

export type BindingState = 'pending' | 'approved' | 'rejected';

export interface Binding {
  _id: string;
  name: string;
  studentNo: string;
  collegeId: string;
  state: BindingState;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  personId: string | null;
}

/**
 * Rule-set versions of 《中国共产党发展党员工作细则》 (A0): the 2014 text, and the reported
 * May 2026 revision whose primary text is not yet verified. Every case stores the version it was decided under.
 */
export const RULE_VERSIONS = ['2014', '2026.05'] as const;
export type RuleVersion = (typeof RULE_VERSIONS)[number];

export const RULE_VERSION_LABELS: Record<RuleVersion, string> = {
  '2014': '细则（2014）',
  '2026.05': '细则（2026年5月修订，原文待核）',
};
