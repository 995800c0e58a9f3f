/** Which roles can be held in which kinds of unit. */
import type { Role, UnitKind } from '../../../typings/domain';

export const ROLE_UNIT_KINDS: Record<Role, readonly UnitKind[]> = {
  school_admin: ['school'],
  party_committee_admin: ['party_committee'],
  league_committee_admin: ['league_committee'],
  college_officer: ['college'],
  federation_officer: ['federation'],
  branch_secretary: ['party_branch', 'league_branch', 'temp_party_branch', 'temp_league_branch'],
  branch_committee: ['party_branch', 'league_branch', 'temp_party_branch', 'temp_league_branch'],
  association_president: ['association'],
  advisor: ['association'],
  backbone: ['association', 'temp_party_branch', 'temp_league_branch'],
};

export function roleAllowedInUnit(role: Role, kind: UnitKind): boolean {
  return ROLE_UNIT_KINDS[role].includes(kind);
}
