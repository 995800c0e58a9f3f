/** Who may manage, handle objections on and read a notice, and where a notice may be posted. */
import type { Unit } from '../../../typings/domain';
import type { Actor } from '../../actor';
import { DomainError } from '../../domain/errors';
import type { NoticeDoc } from './docs';

/** Officers holding notice.manage over the owning unit: draft, publish, withdraw. */
export function canManage(actor: Actor, n: Pick<NoticeDoc, 'ownerScope'>): boolean {
  return actor.holdsOver('notice.manage', n.ownerScope);
}

/** The responsible officers: they see objections (real-name ones with the name) and record their handling. */
export function isHandler(actor: Actor, n: Pick<NoticeDoc, 'ownerScope'>): boolean {
  return actor.holdsOver('notice.handleObjection', n.ownerScope);
}

/**
 * "Anyone in scope": a posted notice is for the members of its scope units and of every unit below them. A person's
 * `reach` is their units plus all units above those, so the notice is theirs when one of its scope units is in it.
 */
export function inScope(actor: Actor, n: Pick<NoticeDoc, 'posted' | 'scopeUnitIds'>): boolean {
  const reach = actor.person?.reach ?? [];
  return n.posted && n.scopeUnitIds.some((u) => reach.includes(u));
}

/** A draft exists only for its officers (NOT_FOUND to others); a posted notice out of one's scope is OUT_OF_SCOPE. */
export function requireReadable(actor: Actor, n: NoticeDoc): void {
  if (canManage(actor, n) || isHandler(actor, n) || inScope(actor, n)) return;
  if (!n.posted) throw new DomainError('NOT_FOUND', '找不到该公示');
  throw new DomainError('OUT_OF_SCOPE', '该公示不在您所在组织的公示范围内');
}

/**
 * Where a notice may be posted: its own unit or units below it. The owning unit's officers answer objections,
 * so every reader must be within their reach; a branch secretary posts to their branch, a college officer to the
 * college or any unit in it, never above.
 */
export function scopeUnitsFor(owner: Unit, scopeUnitIds: string[], units: Map<string, Unit>) {
  return [...new Set(scopeUnitIds)].map((id) => {
    const u = units.get(id);
    if (!u) throw new DomainError('UNIT_NOT_FOUND', '公示范围中有不存在的组织', { scopeUnitIds: id });
    if (u._id !== owner._id && !u.ancestors.includes(owner._id)) {
      throw new DomainError('OUT_OF_SCOPE', `公示范围只能是${owner.name}或其下级组织`, { scopeUnitIds: id });
    }
    return { unitId: u._id, unitName: u.name };
  });
}
