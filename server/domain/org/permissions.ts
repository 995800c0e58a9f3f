/**
 * Who may do what. A role is held in a unit and reaches that unit and every unit below it
 * (a unit's `ancestors` list includes the units it is registered under, so an association is in
 * scope both for its federation and for its guidance college).
 */
import { PERMISSIONS, type Permission, type Position, type Role } from '../../../typings/domain';

export { PERMISSIONS, type Permission };

const ALL: readonly Permission[] = PERMISSIONS;
/** Officers run everything in their unit except reading the school-wide audit trail and setting school-wide rules. */
const OFFICER: readonly Permission[] = PERMISSIONS.filter((p) => p !== 'audit.read' && p !== 'rules.configure');

/** The one table of role grants. A new permission is added here and nowhere else. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  school_admin: ALL,
  party_committee_admin: ALL,
  league_committee_admin: ALL,
  college_officer: OFFICER,
  federation_officer: ['people.read', 'notice.manage', 'notice.handleObjection', 'training.manage'],
  branch_secretary: ['people.read', 'notice.manage', 'notice.handleObjection', 'vote.manage', 'training.manage'],
  branch_committee: ['people.read'],
  association_president: ['people.read'],
  advisor: ['people.read'],
  backbone: [],
};

/** A position counts on `today` (YYYY-MM-DD) if it has started and not ended before today. */
export function positionIsActive(position: Position, today: string): boolean {
  return position.start <= today && (position.end === null || position.end >= today);
}

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Holds `permission` somewhere: the coarse gate every permissioned action passes before its handler runs. */
export function holdsAnywhere(positions: readonly Position[], permission: Permission, today: string): boolean {
  return positions.some((p) => positionIsActive(p, today) && roleGrants(p.role, permission));
}

/**
 * Holds `permission` over a target whose scope is `targetScope` (the target's unit id followed by its ancestors):
 * some active position grants it in one of those units.
 */
export function holdsOver(
  positions: readonly Position[],
  permission: Permission,
  targetScope: readonly string[],
  today: string,
): boolean {
  return positions.some(
    (p) => positionIsActive(p, today) && roleGrants(p.role, permission) && targetScope.includes(p.unitId),
  );
}

/** The unit ids where the actor holds `permission` (to build scoped queries: "units in scope = these or below"). */
export function unitsWherePermitted(positions: readonly Position[], permission: Permission, today: string): string[] {
  return [
    ...new Set(
      positions.filter((p) => positionIsActive(p, today) && roleGrants(p.role, permission)).map((p) => p.unitId),
    ),
  ];
}

/** Every permission the person holds in some unit today (what the mini-program may offer as entries). */
export function capabilitiesOf(positions: readonly Position[], today: string): Permission[] {
  return PERMISSIONS.filter((perm) => holdsAnywhere(positions, perm, today));
}
