/**
 * Who sees and keeps an activist's file. A file belongs to the party line (developing members is the party's
 * business): its scope is the home party branch and the units above it in the party line (the college, the party
 * committee, the school), so the League committee and the federation never reach it. The file is visible to the
 * activist, their cultivation contacts, and whoever reads people in that scope (the branch's secretary and committee
 * members, the college's officers, the party committee); it is kept (files opened, contributions and notes recorded,
 * grades computed and decided, appeals answered) by those who run the branch's votes in that scope.
 */
import type { Unit } from '../../../typings/domain';
import type { Actor } from '../../actor';
import { DomainError } from '../../domain/errors';
import type { Permission } from '../../domain/org/permissions';
import type { Store } from '../../store';
import { lineScopeOf } from '../org/authority';
import type { FileDoc, OpenFile } from './docs';

/** Keeping a file: the branch's officers who run its votes (the branch committee decides activists, A4). */
export const KEEPER_PERMISSION: Permission = 'vote.manage';
/** Reading a file: whoever reads the people of the branch in the party line. */
export const READER_PERMISSION: Permission = 'people.read';
/** A college's freshmen roster: the officers who approve the college's real-name bindings. */
export const FRESHMEN_PERMISSION: Permission = 'binding.approve';

/** The scope of a home party branch's files: the branch and the units above it in the party line. */
export function branchScopeOf(store: Store, branch: Unit): Promise<string[]> {
  return lineScopeOf(store, branch, 'party');
}

/** A college's roster scope: the college and every unit above it (a college belongs to every line). */
export function collegeScopeOf(store: Store, college: Unit): Promise<string[]> {
  return lineScopeOf(store, college, 'own');
}

export function isKeeper(actor: Actor, scope: readonly string[]): boolean {
  return actor.holdsOver(KEEPER_PERMISSION, scope);
}

export function assertKeeper(actor: Actor, scope: readonly string[]): void {
  actor.authorize(KEEPER_PERMISSION, scope);
}

/** A5: one of the activist's cultivation contacts, as the development case names them (read with the file). */
export function isContact(actor: Actor, file: Pick<OpenFile, 'contacts'>): boolean {
  return actor.personId !== null && file.contacts.some((c) => c.id === actor.personId);
}

/** Officers and committees of the party line over the branch (not the activist, not a contact as such). */
export function isOfficer(actor: Actor, file: Pick<FileDoc, 'branchScope'>): boolean {
  return actor.holdsOver(READER_PERMISSION, file.branchScope);
}

/** OUT_OF_SCOPE unless the actor is the activist, a contact, or an officer of the party line over the branch. */
export function assertMayReadFile(actor: Actor, file: OpenFile): void {
  if (actor.personId === file.personId || isContact(actor, file) || isOfficer(actor, file)) return;
  throw new DomainError('OUT_OF_SCOPE');
}
