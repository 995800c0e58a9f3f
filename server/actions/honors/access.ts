/**
 * Who may act on honors and posts. Scope checks go through the actor's permission helpers (server/actor.ts,
 * server/domain/org/permissions.ts) so that the lines of authority decided there apply here unchanged.
 */
import type { Role, Unit } from '../../../typings/domain';
import type { Actor } from '../../actor';
import { DomainError } from '../../domain/errors';
import { type Permission, positionIsActive } from '../../domain/org/permissions';
import type { Store } from '../../store';
import { lineScopeOf } from '../org/authority';
import type { HonorDoc, PostDoc } from './docs';

/**
 * The officers of an awarding unit are those who publish its 公示 (an honor's 公示 comes from the awarding unit, C7):
 * the permission that grants that, held in the unit or above it in its line.
 */
export const OFFICER_PERMISSION: Permission = 'notice.manage';

/** An association's own officers: its president and its advisor (held in the association itself). */
export const ASSOCIATION_OFFICER_ROLES: readonly Role[] = ['association_president', 'advisor'];

/**
 * The scope an honor of `unit` is acted on in: the awarding unit and the units above it in its own lines (an
 * honor's business is the awarding unit's). For the kinds that award (committees, federation, college) this is
 * the unit and all its ancestors; the one place to switch to a line-scope helper (`lineScopeOf(store, unit, 'own')`).
 */
export async function awardingScopeOf(store: Store, unit: Unit): Promise<string[]> {
  return lineScopeOf(store, unit, 'own');
}

/** The scope of the federation's business (the association line): the federation and the units above it. */
export async function federationScopeOf(store: Store, federation: Unit): Promise<string[]> {
  return lineScopeOf(store, federation, 'association');
}

/** Awarding in `scope` (awardingScopeOf): OUT_OF_SCOPE unless the actor is the unit's officer or above it in its line. */
export function assertMayAward(actor: Actor, scope: readonly string[]): void {
  actor.authorize(OFFICER_PERMISSION, scope);
}

/** Revoking and reading a revocation's reason: officers of the awarding unit. */
export function isHonorOfficer(actor: Actor, honor: Pick<HonorDoc, 'awardingScope'>): boolean {
  return actor.holdsOver(OFFICER_PERMISSION, honor.awardingScope);
}

/**
 * The federation's officers (and those above it in its line), given the federation's scope (federationScopeOf):
 * publish without review, review others' posts.
 */
export function isFederationOfficer(actor: Actor, federationScope: readonly string[]): boolean {
  return actor.holdsOver(OFFICER_PERMISSION, federationScope);
}

/** An officer of this association itself (never of another one). */
export function isAssociationOfficer(actor: Actor, associationId: string): boolean {
  return (actor.person?.positions ?? []).some(
    (p) => p.unitId === associationId && ASSOCIATION_OFFICER_ROLES.includes(p.role) && positionIsActive(p, actor.today),
  );
}

/**
 * Publishing a post for `association` (null: the federation's own post). A federation officer may post for any
 * association under the federation; an association officer only for their own. Returns whether it is the
 * federation's (no review needed).
 */
export function assertMayPost(
  actor: Actor,
  federationScope: readonly string[],
  association: Unit | null,
): { byFederation: boolean } {
  if (isFederationOfficer(actor, federationScope)) return { byFederation: true };
  if (association && isAssociationOfficer(actor, association._id)) return { byFederation: false };
  throw new DomainError(association ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
}

/** Reviewing: a federation officer over the post's federation. */
export function assertMayReview(actor: Actor, post: Pick<PostDoc, 'federationScope'>): void {
  actor.authorize(OFFICER_PERMISSION, post.federationScope);
}

/** The author, a reviewer or the association's officers see a post before it is public. */
export function maySeeUnlisted(actor: Actor, post: PostDoc): boolean {
  if (post.authorId === actor.personId) return true;
  if (actor.holdsOver(OFFICER_PERMISSION, post.federationScope)) return true;
  return post.associationId !== null && isAssociationOfficer(actor, post.associationId);
}
