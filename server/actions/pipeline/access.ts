/**
 * Who may see and act on a development case. A case is seen only by the person, the officers of their home branch,
 * their cultivation contacts and introducers, and the committees above the branch in the party line (the case's
 * stored `scope`): so the League committee, although above the college, never sees it, and neither does a temporary
 * branch (D6), which only sends records home.
 */
import type { Person, Role } from '../../../typings/domain';
import type { PipelineStep } from '../../../typings/vocabulary';
import type { Actor } from '../../actor';
import { DomainError } from '../../domain/errors';
import { positionIsActive } from '../../domain/org/permissions';
import { takenByCommittee } from '../../domain/pipeline';
import type { CaseDoc } from './docs';

const BRANCH_OFFICERS: readonly Role[] = ['branch_secretary', 'branch_committee'];
/** A17: the committees that pre-examine and approve: the school and party committee admins and the college's officers. */
export const COMMITTEE_ROLES: readonly Role[] = ['school_admin', 'party_committee_admin', 'college_officer'];

function active(person: Person | null, today: string) {
  return (person?.positions ?? []).filter((p) => positionIsActive(p, today));
}

/** A secretary or committee member of this branch today. */
export function isBranchOfficer(person: Person | null, branchId: string, today: string): boolean {
  return active(person, today).some((p) => BRANCH_OFFICERS.includes(p.role) && p.unitId === branchId);
}

/** The branches (of any kind) where the person is a secretary or committee member today. */
export function officerBranches(person: Person | null, today: string): string[] {
  return active(person, today)
    .filter((p) => BRANCH_OFFICERS.includes(p.role))
    .map((p) => p.unitId);
}

/** The units where the person holds a committee office today (A17: school, party committee, college). */
export function committeeUnits(person: Person | null, today: string): string[] {
  return active(person, today)
    .filter((p) => COMMITTEE_ROLES.includes(p.role))
    .map((p) => p.unitId);
}

/** A committee above the branch in the party line (the case's scope without the branch itself). */
export function isCommitteeOver(person: Person | null, c: Pick<CaseDoc, 'scope' | 'branchId'>, today: string): boolean {
  return active(person, today).some(
    (p) => COMMITTEE_ROLES.includes(p.role) && p.unitId !== c.branchId && c.scope.includes(p.unitId),
  );
}

export function isContact(person: Person | null, c: Pick<CaseDoc, 'contacts' | 'introducers'>): boolean {
  const id = person?._id;
  return !!id && (c.contacts.some((x) => x.id === id) || c.introducers.some((x) => x.id === id));
}

/** Whether the case is visible to the person (see the module comment). */
export function caseVisibleTo(person: Person | null, c: CaseDoc, today: string): boolean {
  if (!person) return false;
  return (
    person._id === c.personId ||
    isBranchOfficer(person, c.branchId, today) ||
    isContact(person, c) ||
    isCommitteeOver(person, c, today)
  );
}

/** OUT_OF_SCOPE unless the case is visible to the caller. */
export function assertSees(actor: Actor, c: CaseDoc, today: string): void {
  if (!caseVisibleTo(actor.person, c, today)) throw new DomainError('OUT_OF_SCOPE');
}

/**
 * A step is taken by an officer of the home branch, or, for 预审 and approval (A11, A17, A22), by a committee above
 * it in the party line. Someone who cannot see the case is OUT_OF_SCOPE; someone who can but holds no such office is
 * NOT_BRANCH_OFFICER / NOT_COMMITTEE.
 */
export function assertMayTake(actor: Actor, c: CaseDoc, step: PipelineStep, today: string): void {
  assertSees(actor, c, today);
  if (takenByCommittee(step)) {
    if (!isCommitteeOver(actor.person, c, today)) throw new DomainError('NOT_COMMITTEE');
    return;
  }
  if (!isBranchOfficer(actor.person, c.branchId, today)) throw new DomainError('NOT_BRANCH_OFFICER');
}

/** Records of the home branch (contacts, introducers, review, recommendation): its officers or a committee above. */
export function assertMayManage(actor: Actor, c: CaseDoc, today: string): void {
  assertSees(actor, c, today);
  if (!isBranchOfficer(actor.person, c.branchId, today) && !isCommitteeOver(actor.person, c, today)) {
    throw new DomainError('NOT_BRANCH_OFFICER');
  }
}

/** Talks: the home branch's officers, the committees (A16), and the cultivation contacts (定期谈话). */
export function assertMayTalk(actor: Actor, c: CaseDoc, today: string): void {
  assertSees(actor, c, today);
  if (actor.person?._id === c.personId) throw new DomainError('NOT_BRANCH_OFFICER');
  if (
    !isBranchOfficer(actor.person, c.branchId, today) &&
    !isCommitteeOver(actor.person, c, today) &&
    !isContact(actor.person, c)
  ) {
    throw new DomainError('NOT_BRANCH_OFFICER');
  }
}

/** Whether the caller may take the case's next step (for the page's buttons). */
export function mayAct(person: Person | null, c: CaseDoc, step: PipelineStep | null, today: string): boolean {
  if (!step) return false;
  return takenByCommittee(step) ? isCommitteeOver(person, c, today) : isBranchOfficer(person, c.branchId, today);
}
