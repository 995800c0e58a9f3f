/** Lines of authority and eligibility for office, on the demo school's units (no database). */
import { buildPeople, buildUnits } from '../../../emulator/demo/school';
import { handoverEnd, holderEligibility, isLeagueMember } from '../../../server/domain/org/eligibility';
import { type Business, lineScope, noticeBusiness, voteBusiness } from '../../../server/domain/org/lines';
import { holdsOver } from '../../../server/domain/org/permissions';
import { ruleSetFor } from '../../../server/domain/votes';
import type { Person, Position, Role } from '../../../typings/domain';

const units = buildUnits();
const byId = new Map(units.map((u) => [u._id, u]));
const people = buildPeople(units);
const kindOf = (id: string) => byId.get(id)?.kind;
const scope = (unitId: string, business: Business) => lineScope(byId.get(unitId)!, business, kindOf);
const TODAY = '2026-11-23';
const held = (role: Role, unitId: string): Position[] => [
  { id: 'x', role, unitId, unitScope: [], start: '2026-09-01', end: null },
];
const reaches = (role: Role, unitId: string, target: string, business: Business) =>
  holdsOver(held(role, unitId), 'people.read', scope(target, business), TODAY);

describe('a role reaches down its own line', () => {
  it('the party committee reaches party branches and temporary party branches, never League business', () => {
    expect(reaches('party_committee_admin', 'u_party', 'u_sport_pb', 'party')).toBe(true);
    expect(reaches('party_committee_admin', 'u_party', 'u_as_bball_tpb', 'party')).toBe(true);
    expect(reaches('party_committee_admin', 'u_party', 'u_sport_lb1', 'league')).toBe(false);
    expect(reaches('party_committee_admin', 'u_party', 'u_as_bball', 'association')).toBe(false);
  });

  it('the League committee reaches League branches, the federation and associations, never party business', () => {
    expect(reaches('league_committee_admin', 'u_league', 'u_sport_lb1', 'league')).toBe(true);
    expect(reaches('league_committee_admin', 'u_league', 'u_as_bball_tlb', 'league')).toBe(true);
    expect(reaches('league_committee_admin', 'u_league', 'u_as_bball', 'association')).toBe(true);
    expect(reaches('league_committee_admin', 'u_league', 'u_sport_pb', 'party')).toBe(false);
    expect(reaches('league_committee_admin', 'u_league', 'u_as_bball_tpb', 'party')).toBe(false);
  });

  it('the federation reaches associations and temporary League branches’ association business only', () => {
    expect(reaches('federation_officer', 'u_fed', 'u_as_bball', 'association')).toBe(true);
    expect(reaches('federation_officer', 'u_fed', 'u_as_bball_tlb', 'association')).toBe(true);
    expect(reaches('federation_officer', 'u_fed', 'u_as_bball_tlb', 'league')).toBe(false);
    expect(reaches('federation_officer', 'u_fed', 'u_as_bball_tpb', 'party')).toBe(false);
    expect(reaches('federation_officer', 'u_fed', 'u_as_bball_tpb', 'own')).toBe(false);
  });

  it('a college officer reaches both lines inside the college and nothing in the other college', () => {
    for (const [target, business] of [
      ['u_sport_pb', 'party'],
      ['u_sport_lb1', 'league'],
      ['u_as_bball', 'association'],
      ['u_as_bball_tpb', 'party'],
    ] as const) {
      expect(reaches('college_officer', 'u_sport', target, business)).toBe(true);
    }
    expect(reaches('college_officer', 'u_sport', 'u_info_pb', 'party')).toBe(false);
  });

  it('the school administrator reaches every unit in every line', () => {
    for (const u of units) expect(reaches('school_admin', 'u_school', u._id, 'own')).toBe(true);
  });

  it('leaves out an ancestor whose kind is unknown (fails closed)', () => {
    expect(lineScope({ _id: 'x', kind: 'party_branch', ancestors: ['ghost', 'u_party'] }, 'party', kindOf)).toEqual([
      'x',
      'u_party',
    ]);
  });
});

describe('the line of a piece of business', () => {
  it('follows the units a vote kind may be held in', () => {
    expect(voteBusiness(ruleSetFor('acceptance').hostUnits)).toBe('party');
    expect(voteBusiness(ruleSetFor('party_evaluation').hostUnits)).toBe('party');
    expect(voteBusiness(ruleSetFor('tuiyou').hostUnits)).toBe('league');
    expect(voteBusiness(ruleSetFor('league_branch_election').hostUnits)).toBe('league');
    expect(voteBusiness(ruleSetFor('backbone_election').hostUnits)).toBe('association');
    expect(voteBusiness(ruleSetFor('honor').hostUnits)).toBe('own');
  });

  it('follows the kind of a 公示', () => {
    expect(noticeBusiness('conversion')).toBe('party');
    expect(noticeBusiness('tuiyou')).toBe('league');
    expect(noticeBusiness('backbone')).toBe('association');
    expect(noticeBusiness('honor')).toBe('own');
  });
});

describe('who may hold an office', () => {
  const person = (no: string): Person => people.find((p) => p.studentNo === no)!;
  const unit = (id: string) => byId.get(id)!;

  it('a party branch secretary or committee member is a formal member of that branch', () => {
    expect(holderEligibility('branch_secretary', unit('u_sport_pb'), person('2022010105'))).toBeNull();
    expect(holderEligibility('branch_committee', unit('u_sport_pb'), person('2023010101'))?.code).toBe(
      'HOLDER_NOT_ELIGIBLE',
    ); // probationary
    expect(holderEligibility('branch_committee', unit('u_sport_pb'), person('2022020104'))?.code).toBe(
      'HOLDER_NOT_ELIGIBLE',
    ); // formal, but of the other college's branch
  });

  it('a League branch secretary is a League member of that branch; a party member still registered there counts', () => {
    expect(isLeagueMember(person('2023010108'))).toBe(true);
    expect(isLeagueMember(person('2023010101'))).toBe(true); // probationary party member, home League branch kept
    expect(isLeagueMember(person('2023010110'))).toBe(false); // 群众
    expect(isLeagueMember(person('2022010105'))).toBe(false); // party member with no League branch
    expect(holderEligibility('branch_secretary', unit('u_sport_lb1'), person('2023010108'))).toBeNull();
    expect(holderEligibility('branch_secretary', unit('u_sport_lb1'), person('2024020202'))?.code).toBe(
      'HOLDER_NOT_ELIGIBLE',
    );
  });

  it('staff roles need no membership; association posts need the association', () => {
    expect(holderEligibility('advisor', unit('u_as_bball'), person('T0103'))).toBeNull();
    expect(holderEligibility('backbone', unit('u_as_bball'), person('2023010109'))?.code).toBe('HOLDER_NOT_ELIGIBLE');
  });

  it('hands over the day before the new term, unless the old term would end before it began', () => {
    const old: Position = {
      id: 'o',
      role: 'branch_secretary',
      unitId: 'u',
      unitScope: [],
      start: '2026-09-01',
      end: null,
    };
    expect(handoverEnd(old, '2026-11-23')).toBe('2026-11-22');
    expect(handoverEnd(old, '2026-09-01')).toBeNull();
  });
});
