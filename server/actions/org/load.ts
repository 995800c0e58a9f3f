/** Loaders of units: get-or-throw, every unit, the units within a reach, units by id. */
import type { Unit } from '../../../typings/domain';
import type { Store } from '../../store';
import { UNITS } from './docs';

export function requireUnit(store: Store, id: string): Promise<Unit> {
  return store.require<Unit>(UNITS, id, 'UNIT_NOT_FOUND');
}

/** Every unit (schools have hundreds at most). */
export function allUnits(store: Store): Promise<Unit[]> {
  return store.all<Unit>(UNITS, {});
}

/** Units that are any of `roots` or below one of them (all of them: a school admin's reach is the whole school). */
export async function unitsWithin(store: Store, roots: string[]): Promise<Unit[]> {
  if (roots.length === 0) return [];
  const _ = store.command;
  return store.all<Unit>(UNITS, _.or([{ _id: _.in(roots) }, { ancestors: _.in(roots) }]));
}

/** Names for a set of unit ids, in one read. */
export async function unitNames(store: Store, ids: string[]): Promise<Map<string, string>> {
  return new Map([...(await unitsById(store, ids))].map(([id, u]) => [id, u.name]));
}

/** The units with these ids (any number, in queries of at most 100). */
export function unitsById(store: Store, ids: readonly string[]): Promise<Map<string, Unit>> {
  return store.byIds<Unit>(UNITS, ids);
}
