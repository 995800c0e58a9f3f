/**
 * Who may hold which office (positions.assign). Appointing someone never makes them a member of anything:
 * membership comes from the roster and the binding; an office is held by someone who already belongs.
 */

import type { Person, PoliticalStatus, Position, Role, Unit } from '../../../typings/domain';
import type { ErrorCode } from '../../../typings/errors';
import { addDays } from '../time';

/** Statuses past League membership in the development pipeline (a student keeps the League membership meanwhile). */
const PIPELINE: readonly PoliticalStatus[] = [
  'party_applicant',
  'activist',
  'development_candidate',
  'probationary_member',
  'full_member',
];

/**
 * A League member: status 共青团员, or further along the party pipeline and still registered in a home League
 * branch (a party member keeps the League membership until 28 and is then registered there; B1: young people join
 * the party from among League members). A person with no home League branch past 共青团员 is not taken for one.
 */
export function isLeagueMember(person: Pick<Person, 'status' | 'homeLeagueBranchId'>): boolean {
  return person.status === 'league_member' || (PIPELINE.includes(person.status) && person.homeLeagueBranchId !== null);
}

/** Roles a unit has one holder of at a time: assigning a new holder hands over (ends the old term). */
export const SINGLE_HOLDER_ROLES: readonly Role[] = ['branch_secretary', 'association_president'];

export type Ineligible = { code: Extract<ErrorCode, 'HOLDER_NOT_ELIGIBLE'>; message: string };

/**
 * Whether `person` may hold `role` in `unit`:
 * - party branch secretary and committee: a formal member of that branch (A15, 党章 第七条: probationary members
 *   have no right to elect or be elected); in a temporary party branch a formal member attached to it (D6: appointed
 *   by the approving organisation from the members it groups);
 * - League branch secretary and committee: a League member of that branch, or attached to that temporary League
 *   branch (团的基层组织选举工作条例 第六条: League members elect and are elected);
 * - association president and backbone: a member of that association or branch (D5);
 * - committee, college and federation officers and advisors are staff: no membership condition.
 */
export function holderEligibility(
  role: Role,
  unit: Pick<Unit, '_id' | 'kind'>,
  person: Pick<Person, 'status' | 'homePartyBranchId' | 'homeLeagueBranchId' | 'memberOf'>,
): Ineligible | null {
  const attached = person.memberOf.includes(unit._id);
  const fail = (message: string): Ineligible => ({ code: 'HOLDER_NOT_ELIGIBLE', message });
  if (role === 'branch_secretary' || role === 'branch_committee') {
    switch (unit.kind) {
      case 'party_branch':
        if (person.status !== 'full_member' || person.homePartyBranchId !== unit._id) {
          return fail('党支部书记、委员须为本支部的正式党员');
        }
        return null;
      case 'temp_party_branch':
        if (person.status !== 'full_member' || !attached) return fail('临时党支部书记、委员须为编入该支部的正式党员');
        return null;
      case 'league_branch':
        if (!isLeagueMember(person) || person.homeLeagueBranchId !== unit._id) {
          return fail('团支部书记、委员须为本支部的共青团员');
        }
        return null;
      case 'temp_league_branch':
        if (!isLeagueMember(person) || !attached) return fail('临时团支部书记、委员须为编入该支部的共青团员');
        return null;
      default:
        return null;
    }
  }
  if ((role === 'association_president' || role === 'backbone') && !attached) {
    return fail('社团负责人、骨干须为该组织的成员');
  }
  return null;
}

/**
 * Handover of a one-holder role: the outgoing term ends the day before the new one starts. Null when the outgoing
 * term would end before it began (it started on or after the new start): that is a correction, not a handover,
 * and is done by ending that term first.
 */
export function handoverEnd(outgoing: Position, newStart: string): string | null {
  const end = addDays(newStart, -1);
  return end >= outgoing.start ? end : null;
}

/** The terms of `role` in `unitId` still running on or after `start` (they would overlap a new term from `start`). */
export function termsRunningFrom(
  positions: readonly Position[],
  role: Role,
  unitId: string,
  start: string,
): Position[] {
  return positions.filter((p) => p.role === role && p.unitId === unitId && (p.end === null || p.end >= start));
}
