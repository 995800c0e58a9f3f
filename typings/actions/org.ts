import * as z from 'zod';
import type { BindingState, Permission, PoliticalStatus, Role, UnitKind } from '../domain';
import { ROLES } from '../domain';
import type { VoteKind } from '../vocabulary';
import { DateStr, FreeText, Id, type Page, PageInput, PersonName, StudentNo, Text } from './common';

/**
 * A second factor the school distributes: the one-time binding code an officer of the college issued (8 letters or
 * digits), or the last digits of the ID number imported with the roster (4 to 6; X for a check digit).
 */
export const SecondFactor = FreeText('核验信息')
  .overwrite((s) => s.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase())
  .regex(/^[A-Z0-9]{4,8}$/, '绑定码或身份证号后几位应为 4–8 位字母或数字');

export const orgSchemas = {
  'me.get': z.strictObject({}),
  'org.tree': z.strictObject({}),
  'bindings.submit': z.strictObject({
    name: PersonName,
    studentNo: StudentNo,
    collegeId: Id,
    /** Required when the roster person has a second factor (a binding code or ID digits). */
    secondFactor: SecondFactor.optional(),
    /** Entered once: kept on the person at approval when the roster has none (A1 reads it); never overwrites it. */
    birthDate: DateStr.optional(),
  }),
  'bindings.listPending': z.strictObject({ ...PageInput }),
  'bindings.decide': z.strictObject({
    bindingId: Id,
    approve: z.boolean(),
    reason: FreeText('理由', 200).optional(),
    /**
     * Approving one of several pending claims for the same student number: the id of the claim chosen (this one),
     * saying the officer has seen the competing claims. The others are then rejected with `reason` (or a default).
     */
    confirmCompeting: Id.optional(),
  }),
  /** Unbinds a student's WeChat account (a wrong approval, a lost phone): the student can then bind again. */
  'bindings.revoke': z.strictObject({ studentNo: StudentNo, reason: Text('撤销理由', 200, 2) }),
  /** Issues a one-time binding code for a roster person who is not bound yet (replaces any earlier code). */
  'bindings.issueCode': z.strictObject({ studentNo: StudentNo }),
  'people.list': z.strictObject({ unitId: Id, ...PageInput }),
  'positions.assign': z.strictObject({ personId: Id, unitId: Id, role: z.enum(ROLES), start: DateStr.optional() }),
  'positions.end': z.strictObject({ personId: Id, positionId: Id, end: DateStr.optional() }),
  'admin.bootstrap': z.strictObject({ code: z.string().min(8).max(128), name: PersonName, studentNo: StudentNo }),
  'audit.list': z.strictObject({ ...PageInput }),
  'audit.verify': z.strictObject({}),
};

export interface UnitView {
  id: string;
  kind: UnitKind;
  kindLabel: string;
  name: string;
  parentId: string | null;
}

export interface PositionView {
  id: string;
  role: Role;
  roleLabel: string;
  unitId: string;
  unitName: string;
  start: string;
  end: string | null;
}

export interface MeView {
  bound: boolean;
  person: {
    id: string;
    name: string;
    studentNo: string;
    collegeId: string;
    collegeName: string;
    status: PoliticalStatus;
    statusLabel: string;
  } | null;
  binding: { id: string; state: BindingState; submittedAt: string; reason: string | null } | null;
  /** Current positions only; history stays on the record. */
  positions: PositionView[];
  /**
   * The organisations the person belongs to besides the college: home party and League branches first, then
   * associations and their temporary branches (one membership registration, two identities: B7).
   */
  units: UnitView[];
  /** Permissions held in some unit today: which officer entries to offer. The server still checks every call. */
  capabilities: Permission[];
  /** Where the person may act as an officer today (the pickers of the management pages); empty when unbound. */
  manages: ManagedUnitsView;
}

/** A unit where the person may run votes, with the kinds of vote it may hold. */
export interface VoteUnitView extends UnitView {
  voteKinds: VoteKind[];
}

export interface ManagedUnitsView {
  /**
   * Every unit where the person holds vote.manage (the unit of such a position and every unit below it) that may
   * hold some kind of vote: position by position, each position's unit first, then nearer units before farther.
   */
  votes: VoteUnitView[];
  /** The units whose notices the person may draft (where a position grants notice.manage), in position order. */
  notices: UnitView[];
  /** The colleges whose 新生信息库 the person keeps (binding.approve over the college): the 我的 entry and its picker. */
  freshmen: UnitView[];
  /**
   * The committees (school, party committee, college) where the person keeps the development pipeline's records beside
   * the cases: 备案确认 (A4/A7), 留党察看 (A8) and birth date corrections (A1); the home tab's entries.
   */
  partyCommittee: UnitView[];
  /**
   * The temporary branches where the person is a secretary or committee member today (D6: they send assessments and
   * activity records home): the 临时支部考察 entry and its picker.
   */
  assessFrom: UnitView[];
}

export interface BindingView {
  id: string;
  name: string;
  studentNo: string;
  collegeId: string;
  collegeName: string;
  submittedAt: string;
  /** Whether a roster entry with this student number and name exists (the usual case) or a new person will be created. */
  rosterMatch: boolean;
  /**
   * Other pending claims for the same student number (ids): someone may be claiming another student's identity.
   * Approving any of them needs `confirmCompeting`.
   */
  competingWith: string[];
  /** The roster person has a second factor and this claim carried the right one ('none': no factor asked). */
  secondFactor: 'verified' | 'missing' | 'none';
}

export interface PersonView {
  id: string;
  name: string;
  /**
   * Student number, political status and its label are shown only to officers of the person's party or League line
   * (their home or temporary branches, the college, the committees); null (and an empty label) to everyone else,
   * e.g. association presidents and federation officers.
   */
  studentNo: string | null;
  status: PoliticalStatus | null;
  statusLabel: string;
  bound: boolean;
  positions: PositionView[];
}

export interface AuditEntryView {
  /** The chain the entry is in: 0 the school chain, 1… a shard chain (its number is per chain). */
  chain: number;
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  target: string;
  hash: string;
}

/** What `audit.verify` found: the chain, its end against the checkpoints, and the records against their seals. */
export interface AuditVerifyView {
  ok: boolean;
  /** Entries whose keyed hash and link were verified. */
  checked: number;
  /** The first entry concerned by a problem (null when none, or when no entry is concerned). */
  firstBroken: number | null;
  /** Each thing found wrong, named: kind, entry, record ("collection/id") and a sentence for the administrator. */
  problems: { kind: string; chain?: number; seq?: number; target?: string; message: string }[];
  /** The checkpoint in cloud storage: moved to the verified head when intact, else the one compared with (null: none). */
  checkpoint: { seq: number; at: string } | null;
}

export interface OrgOutputs {
  'me.get': MeView;
  'org.tree': { units: UnitView[] };
  'bindings.submit': { bindingId: string; state: BindingState };
  'bindings.listPending': Page<BindingView>;
  'bindings.decide': { state: BindingState; personId: string | null; rejectedCompeting: string[] };
  'bindings.revoke': { personId: string; state: 'revoked' };
  'bindings.issueCode': { personId: string; code: string; expiresAt: string };
  'people.list': Page<PersonView>;
  /** `handedOver`: the outgoing holders of a one-holder role whose term this assignment ended (handover). */
  'positions.assign': { positionId: string; handedOver: string[] };
  'positions.end': { positionId: string; end: string };
  'admin.bootstrap': { personId: string };
  'audit.list': Page<AuditEntryView>;
  'audit.verify': AuditVerifyView;
}
