/**
 * Who may draft and publish a 公示, from where, and to whom: the owner's scope in the notice's line, the
 * publication origin, the posting scope, and the school's minimum windows.
 */
import type { NoticeKind } from '../../../typings/actions/notices';
import type { Person, Unit } from '../../../typings/domain';
import { type Actor, PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import { checkNoticeOrigin, firstScopeUnitNotAllowed } from '../../domain/notices/origin';
import type { RequirementTable } from '../../domain/notices/requirements';
import { type SchoolWindowTable, withSchoolWindows } from '../../domain/notices/school-windows';
import { lineScope, noticeBusiness } from '../../domain/org/lines';
import type { Store } from '../../store';
import { kindIndex, unitIndex } from '../org/authority';
import type { NoticeDoc } from './docs';
import { loadNotice } from './load';

export const NOTICE_SETTINGS = 'settings';
export const NOTICE_WINDOWS_ID = 'notice_windows';

export interface NoticeWindowsDoc {
  _id: typeof NOTICE_WINDOWS_ID;
  minimums: SchoolWindowTable;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

export async function loadNoticeWindows(store: Store): Promise<NoticeWindowsDoc | null> {
  return store.get<NoticeWindowsDoc>(NOTICE_SETTINGS, NOTICE_WINDOWS_ID);
}

/** The requirement table in force: the rule versions' with the school's stricter minimums. */
export async function requirementTable(store: Store): Promise<RequirementTable> {
  return withSchoolWindows((await loadNoticeWindows(store))?.minimums ?? {});
}

/** The owner's scope in the line of the notice's kind. `units`: every unit by id (unitIndex). */
export function ownerScopeFor(units: Map<string, Unit>, owner: Unit, kind: NoticeKind): string[] {
  return lineScope(owner, noticeBusiness(kind), kindIndex(units));
}

/** The owning unit of a notice, or UNIT_NOT_FOUND. */
export function ownerOf(units: Map<string, Unit>, n: Pick<NoticeDoc, 'unitId'>): Unit {
  const owner = units.get(n.unitId);
  if (!owner) throw new DomainError('UNIT_NOT_FOUND');
  return owner;
}

/**
 * notice.manage over a stored notice, in its line, computed from the owner unit now (a notice drafted before the
 * lines of authority stored its owner's whole ancestry).
 */
export function assertManages(actor: Actor, n: Pick<NoticeDoc, 'unitId' | 'kind'>, units: Map<string, Unit>): void {
  const owner = units.get(n.unitId);
  const scope = owner ? ownerScopeFor(units, owner, n.kind) : [];
  if (!actor.holdsOver('notice.manage', scope)) throw new DomainError('OUT_OF_SCOPE', '您不负责该公示所属组织');
}

/** A stored notice the actor manages (NOT_FOUND, OUT_OF_SCOPE), with every unit by id for the checks after it. */
export async function loadManagedNotice(
  actor: Actor,
  store: Store,
  noticeId: string,
): Promise<{ notice: NoticeDoc; units: Map<string, Unit> }> {
  const [notice, units] = await Promise.all([loadNotice(store, noticeId), unitIndex(store)]);
  assertManages(actor, notice, units);
  return { notice, units };
}

/**
 * The publication rules for a draft as it stands: the origin of its kind (checkNoticeOrigin) and the units it is
 * posted to (firstScopeUnitNotAllowed). Reads the people it names; returns the scope units with their names.
 */
export async function checkPublication(
  store: Store,
  units: Map<string, Unit>,
  owner: Unit,
  draft: { kind: NoticeKind; subjects: readonly { personId: string | null }[]; scopeUnitIds: readonly string[] },
): Promise<{ unitId: string; unitName: string }[]> {
  const ids = [...new Set(draft.subjects.map((s) => s.personId).filter((id): id is string => Boolean(id)))];
  // A notice names up to 200 people: read in queries of 100.
  const people = await store.byIds<Person>(PEOPLE, ids);
  const refusal = checkNoticeOrigin(
    draft.kind,
    owner,
    draft.subjects.map((s) => ({ personId: s.personId, person: s.personId ? (people.get(s.personId) ?? null) : null })),
  );
  if (refusal) throw new DomainError(refusal.code, refusal.message);
  const unique = [...new Set(draft.scopeUnitIds)];
  const missing = unique.find((id) => !units.has(id));
  if (missing) throw new DomainError('UNIT_NOT_FOUND', '公示范围中有不存在的组织', { scopeUnitIds: missing });
  const scopeUnits = unique.map((id) => units.get(id)!);
  const outside = firstScopeUnitNotAllowed(owner, scopeUnits, [...people.values()], owner.ancestors);
  if (outside) {
    throw new DomainError('OUT_OF_SCOPE', `公示范围只能是${owner.name}及其下级组织，或公示对象所在的团支部、社团`, {
      scopeUnitIds: outside,
    });
  }
  return scopeUnits.map((u) => ({ unitId: u._id, unitName: u.name }));
}
