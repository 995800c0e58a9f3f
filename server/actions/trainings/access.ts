/**
 * Who may act on a program: the organising unit's officers in that unit's line (training.manage over the program's
 * unit scope, through the actor's scope helpers), and who may see it: its organisers, the unit's members and anyone
 * it invites or has enrolled.
 */
import type { Person } from '../../../typings/domain';
import type { Actor } from '../../actor';
import { DomainError } from '../../domain/errors';
import type { EnrolmentDoc, ProgramDoc } from './docs';

export function canManage(actor: Actor, target: { unitScope: readonly string[] }): boolean {
  return actor.holdsOver('training.manage', target.unitScope);
}

/** OUT_OF_SCOPE unless the actor holds training.manage over the target's unit. */
export function assertManage(actor: Actor, target: { unitScope: readonly string[] }): void {
  actor.authorize('training.manage', target.unitScope);
}

/** Open to a person: the program's unit is in their reach, or they are invited. */
export function openTo(actor: Actor, program: ProgramDoc): boolean {
  const person = actor.person;
  if (!person) return false;
  if (program.admission === 'invite') return program.invitees.includes(person._id);
  return person.reach.includes(program.unitId) || person.memberOf.includes(program.unitId);
}

export function assertMayRead(actor: Actor, program: ProgramDoc, enrolment: EnrolmentDoc | null): void {
  if (canManage(actor, program) || openTo(actor, program) || enrolment) return;
  throw new DomainError('OUT_OF_SCOPE');
}

/**
 * A person's training record is theirs, and the file of those who look after them: anyone holding people.read over a
 * unit the person belongs to (their branch secretary, their association's advisor and officers, and above).
 */
export function assertMayReadRecord(actor: Actor, person: Person): void {
  if (actor.personId === person._id) return;
  if (actor.holdsOver('people.read', person.reach)) return;
  throw new DomainError('OUT_OF_SCOPE');
}
