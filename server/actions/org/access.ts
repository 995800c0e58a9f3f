/**
 * Scope and reach: what a permission must reach to act on something in a unit, and which units a person's
 * membership covers. Every capability's access checks are built on these two.
 */
import type { Person, Unit } from '../../../typings/domain';

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
