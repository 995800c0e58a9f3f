import {
  holdsAnywhere,
  holdsOver,
  positionIsActive,
  unitsWherePermitted,
} from '../../../server/domain/org/permissions';
import { roleAllowedInUnit } from '../../../server/domain/org/roles';
import type { Position } from '../../../typings/domain';

const pos = (p: Partial<Position>): Position => ({
  id: 'pos_1',
  role: 'college_officer',
  unitId: 'u_sport',
  unitScope: ['u_sport', 'u_party', 'u_league', 'u_school'],
  start: '2026-09-01',
  end: null,
  ...p,
});

describe('a role holds in its unit and every unit below it', () => {
  const officer = [pos({})];
  it('reaches the college’s own branch (the branch lists the college among its ancestors)', () => {
    expect(
      holdsOver(officer, 'binding.approve', ['u_sport_pb', 'u_sport', 'u_party', 'u_league', 'u_school'], '2026-11-23'),
    ).toBe(true);
  });
  it('reaches an association registered under the federation but guided by the college', () => {
    expect(
      holdsOver(
        officer,
        'people.read',
        ['u_as_bball', 'u_fed', 'u_league', 'u_school', 'u_sport', 'u_party'],
        '2026-11-23',
      ),
    ).toBe(true);
  });
  it('does not reach another college’s branch', () => {
    expect(
      holdsOver(officer, 'binding.approve', ['u_info_pb', 'u_info', 'u_party', 'u_league', 'u_school'], '2026-11-23'),
    ).toBe(false);
  });
  it('does not reach upwards to the school', () => {
    expect(holdsOver(officer, 'binding.approve', ['u_school'], '2026-11-23')).toBe(false);
  });
  it('does not grant what the role lacks', () => {
    expect(holdsOver(officer, 'audit.read', ['u_sport', 'u_school'], '2026-11-23')).toBe(false);
  });
});

describe('terms of office', () => {
  it('counts a position from its first day through its last day', () => {
    const p = pos({ start: '2026-09-01', end: '2026-11-22' });
    expect(positionIsActive(p, '2026-08-31')).toBe(false);
    expect(positionIsActive(p, '2026-09-01')).toBe(true);
    expect(positionIsActive(p, '2026-11-22')).toBe(true);
    expect(positionIsActive(p, '2026-11-23')).toBe(false);
  });
  it('gives an ended secretary no rights after handover', () => {
    const ended = [pos({ role: 'branch_secretary', unitId: 'u_sport_pb', end: '2026-11-22' })];
    expect(holdsAnywhere(ended, 'vote.manage', '2026-11-23')).toBe(false);
    expect(unitsWherePermitted(ended, 'vote.manage', '2026-11-22')).toEqual(['u_sport_pb']);
  });
});

describe('which roles fit which units', () => {
  it('puts a secretary in a branch, never in a college', () => {
    expect(roleAllowedInUnit('branch_secretary', 'temp_party_branch')).toBe(true);
    expect(roleAllowedInUnit('branch_secretary', 'college')).toBe(false);
  });
  it('keeps the system administrator at the school', () => {
    expect(roleAllowedInUnit('school_admin', 'school')).toBe(true);
    expect(roleAllowedInUnit('school_admin', 'college')).toBe(false);
  });
});
