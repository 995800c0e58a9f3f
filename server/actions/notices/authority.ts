/**
 * Who may draft and publish a 公示, from where, and to whom: the owner's scope in the notice's line, the
 * publication origin, the posting scope, and the school's minimum windows.
 */
import type { NoticeKind } from '../../../typings/actions/notices';
import type { Person, Unit } from '../../../typings/domain';
import type { Actor } from '../../actor';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import { checkNoticeOrigin, firstScopeUnitNotAllowed } from '../../domain/notices/origin';
import type { RequirementTable } from '../../domain/notices/requirements';
import { type SchoolWindowTable, withSchoolWindows } from '../../domain/notices/school-windows';
import { kindIndex, withAncestors } from '../org/authority';
import { lineScope, noticeBusiness } from '../../domain/org/lines';
import type { Store } from '../../store';
import { UNITS } from '../org/shared';
import type { NoticeDoc } from './shared';

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

/** The owner's scope in the line of the notice's kind, with the owner's ancestors (for the posting check). */
export async function ownerScopeFor(store: Store, owner: Unit, kind: NoticeKind): Promise<string[]> {
  return lineScope(owner, noticeBusiness(kind), kindIndex(await withAncestors(store, [owner])));
}

/**
 * notice.manage over a stored notice, in its line, read from the owner unit now (a notice drafted before the lines of
 * authority stored its owner's whole ancestry).
 */
export async function assertManages(store: Store, actor: Actor, n: Pick<NoticeDoc, 'unitId' | 'kind'>): Promise<void> {
  const owner = await store.get<Unit>(UNITS, n.unitId);
  const scope = owner ? await ownerScopeFor(store, owner, n.kind) : [];
  if (!actor.holdsOver('notice.manage', scope)) throw new DomainError('OUT_OF_SCOPE', '您不负责该公示所属组织');
}

/**
 * The publication rules for a draft as it stands: the origin of its kind (checkNoticeOrigin) and the units it is
 * posted to (firstScopeUnitNotAllowed). Returns the scope units with their names.
 */
export async function checkPublication(
  store: Store,
  owner: Unit,
  draft: { kind: NoticeKind; subjects: readonly { personId: string | null }[]; scopeUnitIds: readonly string[] },
): Promise<{ unitId: string; unitName: string }[]> {
  const ids = draft.subjects.map((s) => s.personId).filter((id): id is string => Boolean(id));
  const people = ids.length
    ? new Map(
        (await store.find<Person>(PEOPLE, { _id: store.command.in([...new Set(ids)]) }, { limit: 100 })).map((p) => [
          p._id,
          p,
        ]),
      )
    : new Map<string, Person>();
  const refusal = checkNoticeOrigin(
    draft.kind,
    owner,
    draft.subjects.map((s) => ({ personId: s.personId, person: s.personId ? (people.get(s.personId) ?? null) : null })),
  );
  if (refusal) throw new DomainError(refusal.code, refusal.message);
  const unique = [...new Set(draft.scopeUnitIds)];
  const units = await store.find<Unit>(UNITS, { _id: store.command.in(unique) }, { limit: 100 });
  const byId = new Map(units.map((u) => [u._id, u]));
  const missing = unique.find((id) => !byId.has(id));
  if (missing) throw new DomainError('UNIT_NOT_FOUND', '公示范围中有不存在的组织', { scopeUnitIds: missing });
  const outside = firstScopeUnitNotAllowed(owner, units, [...people.values()], owner.ancestors);
  if (outside) {
    throw new DomainError('OUT_OF_SCOPE', `公示范围只能是${owner.name}及其下级组织，或公示对象所在的团支部、社团`, {
      scopeUnitIds: outside,
    });
  }
  return unique.map((id) => ({ unitId: id, unitName: byId.get(id)!.name }));
}
