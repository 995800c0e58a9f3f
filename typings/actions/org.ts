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
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  target: string;
  hash: string;
}

export interface OrgOutputs {
  'me.get': MeView;
  'org.tree': { units: UnitView[] };
  'bindings.submit': { bindingId: string; state: BindingState };
  'bindings.listPending': Page<BindingView>;
  'bindings.decide': { state: BindingState; personId: string | null };
  'people.list': Page<PersonView>;
  /** `handedOver`: the outgoing holders of a one-holder role whose term this assignment ended (handover). */
  'positions.assign': { positionId: string; handedOver: string[] };
  'positions.end': { positionId: string; end: string };
  'admin.bootstrap': { personId: string };
  'audit.list': Page<AuditEntryView>;
  'audit.verify': { ok: boolean; checked: number; firstBroken: number | null };
}
