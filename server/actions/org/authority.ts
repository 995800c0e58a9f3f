/**
 * Scopes in a line of authority, as the actions need them: a unit's ancestors are ids, so the kinds that decide
 * which of them belong to a line are read once (one query per hundred units).
 */

import type { VoteKind } from '../../../typings/actions/votes';
import type { RuleVersion, Unit, UnitKind } from '../../../typings/domain';
import type { Actor } from '../../actor';
import { DomainError } from '../../domain/errors';
import { type Business, lineScope, voteBusiness } from '../../domain/org/lines';
import { ruleSetFor } from '../../domain/votes';
import type { Store } from '../../store';
import { UNITS } from './docs';
import { allUnits, unitsById } from './load';

/**
 * Every unit by id, in one query per hundred units (a school has hundreds at most): the target, its ancestors and
 * the kinds that place them in lines, and any other unit the action names, without a read per question.
 */
export async function unitIndex(store: Store): Promise<Map<string, Unit>> {
  return new Map((await allUnits(store)).map((u) => [u._id, u]));
}

/** The given units and every unit above them, by id (what `lineScope` needs to know the kinds of). */
export async function withAncestors(store: Store, units: readonly Unit[]): Promise<Map<string, Unit>> {
  const known = new Map(units.map((u) => [u._id, u]));
  const missing = [...new Set(units.flatMap((u) => u.ancestors))].filter((id) => !known.has(id));
  for (const [id, u] of await unitsById(store, missing)) known.set(id, u);
  return known;
}

export function kindIndex(units: Map<string, Unit>): (id: string) => UnitKind | undefined {
  return (id) => units.get(id)?.kind;
}

/** The scope of `unit` in the line of `business` (see lineScope), reading the kinds of its ancestors. */
export async function lineScopeOf(store: Store, unit: Unit, business: Business): Promise<string[]> {
  return lineScope(unit, business, kindIndex(await withAncestors(store, [unit])));
}

/**
 * A vote's scope: its unit and the units above it in the line of its kind (the line its rules' host units share:
 * acceptance → party, 推优 → League, 骨干选举 → association, 评优 → the awarding unit's own lines). Stored on the
 * vote, so every later check on the vote (open, close, decision, publicity) is in that line without a read.
 */
export async function voteScopeOf(store: Store, unit: Unit, kind: VoteKind, version: RuleVersion): Promise<string[]> {
  return lineScopeOf(store, unit, voteBusiness(ruleSetFor(kind, version).hostUnits));
}

/**
 * rules.configure over the units that own a school setting (`kinds`: the school and the committees of the
 * setting's line); UNIT_NOT_FOUND while no such unit has been imported.
 */
export async function authorizeSettingOwners(actor: Actor, store: Store, kinds: readonly string[]): Promise<void> {
  const owners = await store.find<Unit>(UNITS, { kind: store.command.in([...kinds]) }, { limit: 10 });
  if (owners.length === 0) throw new DomainError('UNIT_NOT_FOUND', '尚未建立学校组织，请先导入组织架构');
  actor.authorize(
    'rules.configure',
    owners.map((u) => u._id),
  );
}
