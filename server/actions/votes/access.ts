/** Who may manage and who may see a vote and its results. */
import type { Person } from '../../../typings/domain';
import type { Actor } from '../../actor';
import { DomainError } from '../../domain/errors';
import type { Store } from '../../store';
import type { VoteDoc } from './docs';
import { requireVote } from './load';

export function canManage(actor: Actor, vote: Pick<VoteDoc, 'unitScope'>): boolean {
  return actor.holdsOver('vote.manage', vote.unitScope);
}

/** The vote, when the caller manages it (vote.manage over its unit): NOT_FOUND, else OUT_OF_SCOPE. */
export async function requireManagedVote(actor: Actor, store: Store, voteId: string): Promise<VoteDoc> {
  const vote = await requireVote(store, voteId);
  if (!canManage(actor, vote)) throw new DomainError('OUT_OF_SCOPE');
  return vote;
}

export function onRoster(vote: VoteDoc, personId: string | null): boolean {
  return personId !== null && (vote.roster?.voters.includes(personId) ?? false);
}

/** A member of the vote's unit (registered there or at home there). */
export function memberOfUnit(person: Person | null, unitId: string): boolean {
  if (!person) return false;
  return (
    person.memberOf.includes(unitId) || person.homePartyBranchId === unitId || person.homeLeagueBranchId === unitId
  );
}

/** Who may see a vote: its managers, the unit's members and anyone on its roster. */
export function assertMayRead(actor: Actor, vote: VoteDoc): void {
  if (canManage(actor, vote) || onRoster(vote, actor.personId) || memberOfUnit(actor.person, vote.unitId)) return;
  throw new DomainError('OUT_OF_SCOPE');
}

/** Results and the resolution: after the close, to the roster and the managers only. */
export function assertMayReadResults(actor: Actor, vote: VoteDoc): void {
  if (canManage(actor, vote) || onRoster(vote, actor.personId)) return;
  throw new DomainError('OUT_OF_SCOPE');
}
