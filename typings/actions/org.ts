import * as z from 'zod';
import type { BindingState, Permission, PoliticalStatus, Role, UnitKind } from '../domain';
import { ROLES } from '../domain';
import { DateStr, Id, type Page, PageInput, PersonName, StudentNo } from './common';

export const orgSchemas = {
  'me.get': z.strictObject({}),
  'org.tree': z.strictObject({}),
  'bindings.submit': z.strictObject({ name: PersonName, studentNo: StudentNo, collegeId: Id }),
  'bindings.listPending': z.strictObject({ ...PageInput }),
  'bindings.decide': z.strictObject({
    bindingId: Id,
    approve: z.boolean(),
    reason: z.string().trim().max(200, '理由不超过 200 字').optional(),
  }),
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
}

export interface PersonView {
  id: string;
  name: string;
  studentNo: string;
  status: PoliticalStatus;
  statusLabel: string;
  bound: boolean;
  positions: PositionView[];
}

export interface AuditEntryView {
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
  problems: { kind: string; seq?: number; target?: string; message: string }[];
  /** The checkpoint in cloud storage: moved to the verified head when intact, else the one compared with (null: none). */
  checkpoint: { seq: number; at: string } | null;
}

export interface OrgOutputs {
  'me.get': MeView;
  'org.tree': { units: UnitView[] };
  'bindings.submit': { bindingId: string; state: BindingState };
  'bindings.listPending': Page<BindingView>;
  'bindings.decide': { state: BindingState; personId: string | null };
  'people.list': Page<PersonView>;
  'positions.assign': { positionId: string };
  'positions.end': { positionId: string; end: string };
  'admin.bootstrap': { personId: string };
  'audit.list': Page<AuditEntryView>;
  'audit.verify': AuditVerifyView;
}
