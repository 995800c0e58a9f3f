/** Entity shapes shared by the cloud functions and the mini-program (type-only on the mini-program side). */

export {
  DEFAULT_RULE_VERSION,
  PERMISSIONS,
  type Permission,
  POLITICAL_STATUS_LABELS,
  POLITICAL_STATUSES,
  type PoliticalStatus,
  ROLE_LABELS,
  ROLES,
  type Role,
  RULE_VERSION_LABELS,
  RULE_VERSIONS,
  type RuleVersion,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type UnitKind,
} from './vocabulary';

import type { PoliticalStatus, Role, UnitKind } from './vocabulary';

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
  /**
   * The unit and the units above it in the unit's own lines of authority, copied at assignment (positions.end reads
   * the unit again, so terms assigned before the lines of authority are checked in their line too).
   */
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
  /** YYYY-MM-DD. From the roster import, or entered once with the application (A1 needs it); never changed after. */
  birthDate?: string | null;
  /** 留党察看 (A8): since when, and the day rights were restored (null while in force). Absent: none recorded. */
  partyDiscipline?: {
    since: string;
    restoredOn: string | null;
    /** The committee's reasons and who recorded them (pipeline.recordDiscipline; absent on imported records). */
    reason?: string;
    byName?: string;
    restoreReason?: string;
    restoredByName?: string;
  } | null;
  /** A1: corrections of the birth date by the committee (pipeline.correctBirthDate), oldest first. */
  birthDateCorrections?: { from: string | null; to: string; reason: string; byName: string; at: string }[];
}

/** 'revoked': an officer unbound the account after approval (the student may bind again). */
export type BindingState = 'pending' | 'approved' | 'rejected' | 'revoked';

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
