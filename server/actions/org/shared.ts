/** Reads and view mappers shared by the organisation actions. */
import { createHash } from 'node:crypto';
import type { PositionView, UnitView } from '../../../typings/actions';
import { type Person, type Position, ROLE_LABELS, UNIT_KIND_LABELS, type Unit } from '../../../typings/domain';
import { DomainError } from '../../domain/errors';
import { positionIsActive } from '../../domain/org/permissions';
import type { Store } from '../../store';

export const UNITS = 'units';
export const ACCOUNTS = 'accounts';
export const BINDINGS = 'bindings';

/** People ids are derived from the student number, so "one person per student number" holds by construction. */
export function personIdFor(studentNo: string): string {
  return `p_${studentNo}`;
}

/** Openids never appear as document ids; their digest does. */
function openidDigest(openid: string): string {
  return createHash('sha256').update(`lingyan:${openid}`).digest('hex').slice(0, 32);
}

/** accounts/<id> exists once per bound openid: inserting it in the binding transaction makes a double bind impossible. */
export function accountIdFor(openid: string): string {
  return `o_${openidDigest(openid)}`;
}

/** One binding application per openid (resubmission after rejection reuses it). */
export function bindingIdFor(openid: string): string {
  return `b_${openidDigest(openid)}`;
}

/** A unit and every unit above it: what a permission must reach to act on something in this unit. */
export function scopeOf(unit: Unit): string[] {
  return [unit._id, ...unit.ancestors];
}

/** A person's reach: the units they belong to and every unit above those (see Person.reach). */
export function reachOf(memberUnits: readonly Unit[]): string[] {
  return [...new Set(memberUnits.flatMap(scopeOf))];
}

/** Adds a unit to a person's memberships, keeping reach in step. */
export function withMembership(person: Person, unit: Unit): Person {
  if (person.memberOf.includes(unit._id)) return person;
  return {
    ...person,
    memberOf: [...person.memberOf, unit._id],
    reach: [...new Set([...person.reach, ...scopeOf(unit)])],
  };
}

export async function requireUnit(store: Store, id: string): Promise<Unit> {
  const unit = await store.get<Unit>(UNITS, id);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND');
  return unit;
}

/** Units matching `where`, in pages of 100 (the cloud-function read limit). Schools have hundreds at most. */
async function unitsWhere(store: Store, where: Record<string, unknown>): Promise<Unit[]> {
  const out: Unit[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await store.find<Unit>(UNITS, where, { orderBy: [['_id', 'asc']], skip, limit: 100 });
    out.push(...page);
    if (page.length < 100) return out;
  }
}

/** Every unit. */
export function allUnits(store: Store): Promise<Unit[]> {
  return unitsWhere(store, {});
}

/** Units that are any of `roots` or below one of them (all of them: a school admin's reach is the whole school). */
export async function unitsWithin(store: Store, roots: string[]): Promise<Unit[]> {
  if (roots.length === 0) return [];
  const _ = store.command;
  return unitsWhere(store, _.or([{ _id: _.in(roots) }, { ancestors: _.in(roots) }]));
}

export function toUnitView(u: Unit): UnitView {
  return { id: u._id, kind: u.kind, kindLabel: UNIT_KIND_LABELS[u.kind], name: u.name, parentId: u.parentId };
}

export function toPositionView(p: Position, unitNames: Map<string, string>): PositionView {
  return {
    id: p.id,
    role: p.role,
    roleLabel: ROLE_LABELS[p.role],
    unitId: p.unitId,
    unitName: unitNames.get(p.unitId) ?? '（已撤销的组织）',
    start: p.start,
    end: p.end,
  };
}

export function currentPositions(person: Person, today: string): Position[] {
  return person.positions.filter((p) => positionIsActive(p, today));
}

/** Names for a set of unit ids, in one read. */
export async function unitNames(store: Store, ids: string[]): Promise<Map<string, string>> {
  return new Map([...(await unitsById(store, ids))].map(([id, u]) => [id, u.name]));
}

/** The units with these ids, in one query (callers name a handful). */
export async function unitsById(store: Store, ids: string[]): Promise<Map<string, Unit>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const units = await store.find<Unit>(UNITS, { _id: store.command.in(unique) }, { limit: 100 });
  return new Map(units.map((u) => [u._id, u]));
}

/** Pagination over a query: fetch one extra row to know whether there is more. */
export function pageOf<T>(rows: T[], page: number, pageSize: number) {
  return { items: rows.slice(0, pageSize), page, pageSize, hasMore: rows.length > pageSize };
}
