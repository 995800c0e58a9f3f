import {
  type AttendedSession,
  DEFAULT_HOURS_REQUIREMENTS,
  hoursForAttendance,
  hoursLedger,
  requirementsThatApply,
} from '../../../server/domain/trainings';

const req = (id: string) => DEFAULT_HOURS_REQUIREMENTS.find((r) => r.id === id)!;
const s = (sessionId: string, level: AttendedSession['level'], date: string, hours: number): AttendedSession => ({
  sessionId,
  programId: 'tp',
  level,
  date,
  hours,
});
const facts = { status: 'masses' as const, partyBranchOfficer: false, leagueActivist: false };

describe('which requirements apply', () => {
  it('gives a development candidate the A10 training and nothing yearly', () => {
    expect(requirementsThatApply({ ...facts, status: 'development_candidate' }).map((r) => r.id)).toEqual([
      'candidate_training',
    ]);
  });
  it('gives party members (probationary included) 32 学时 a year and branch officers 56 instead (D7)', () => {
    expect(requirementsThatApply({ ...facts, status: 'probationary_member' }).map((r) => r.hours)).toEqual([32]);
    expect(requirementsThatApply({ ...facts, status: 'full_member' }).map((r) => r.hours)).toEqual([32]);
    expect(
      requirementsThatApply({ ...facts, status: 'full_member', partyBranchOfficer: true }).map((r) => r.hours),
    ).toEqual([56]);
  });
  it('gives a League activist 8 学时 of 团课 (B6) and the masses nothing otherwise', () => {
    expect(requirementsThatApply({ ...facts, leagueActivist: true }).map((r) => [r.rule, r.hours])).toEqual([
      ['B6', 8],
    ]);
    expect(requirementsThatApply(facts)).toEqual([]);
  });
  it('carries each requirement with its rule and source', () => {
    for (const r of DEFAULT_HOURS_REQUIREMENTS) {
      expect(r.source).toMatch(/《.+》/);
      expect(['A10', 'B6', 'D7']).toContain(r.rule);
    }
  });
});

describe('the hours ledger', () => {
  it('meets A10 at exactly 24 学时 and falls short by the rest at 23.5', () => {
    const at24 = hoursLedger(
      [req('candidate_training')],
      [s('a', 'development_candidate', '2026-05-01', 24)],
      '2026-06-01',
    );
    expect(at24[0]).toMatchObject({ earned: 24, met: true, shortfall: 0, sessionIds: ['a'] });
    const short = hoursLedger(
      [req('candidate_training')],
      [s('a', 'development_candidate', '2026-05-01', 23.5)],
      '2026-06-01',
    );
    expect(short[0]).toMatchObject({ earned: 23.5, met: false, shortfall: 0.5 });
  });
  it('meets A10 with 3 training days even under 24 学时, not with 2', () => {
    const three = ['01', '02', '03'].map((d) => s(`d${d}`, 'development_candidate', `2026-05-${d}`, 4));
    expect(hoursLedger([req('candidate_training')], three, '2026-06-01')[0]).toMatchObject({
      earned: 12,
      days: 3,
      met: true,
    });
    expect(hoursLedger([req('candidate_training')], three.slice(0, 2), '2026-06-01')[0]).toMatchObject({
      days: 2,
      met: false,
      shortfall: 16,
    });
  });
  it('counts only the levels of the requirement: a 团课 does not count for A10', () => {
    const line = hoursLedger([req('candidate_training')], [s('x', 'league_class', '2026-05-01', 30)], '2026-06-01');
    expect(line[0]).toMatchObject({ earned: 0, met: false, sessionIds: [] });
  });
  it('meets B6 at 8 学时 of 团课, short at 7', () => {
    expect(hoursLedger([req('league_class')], [s('a', 'league_class', '2025-03-01', 8)], '2026-06-01')[0].met).toBe(
      true,
    );
    expect(
      hoursLedger([req('league_class')], [s('a', 'league_class', '2025-03-01', 7)], '2026-06-01')[0].shortfall,
    ).toBe(1);
  });
  it('counts D7 per calendar year: last year’s hours do not count this year', () => {
    const attended = [s('old', 'party_member', '2025-12-31', 40), s('new', 'party_member', '2026-01-01', 31)];
    expect(hoursLedger([req('member_yearly')], attended, '2026-06-01')[0]).toMatchObject({
      earned: 31,
      met: false,
      shortfall: 1,
      sessionIds: ['new'],
    });
    const officer = hoursLedger(
      [req('officer_yearly')],
      [s('a', 'secretary_rotation', '2026-02-01', 56)],
      '2026-06-01',
    );
    expect(officer[0]).toMatchObject({ met: true, shortfall: 0 });
  });
  it('lists the counting sessions in date order', () => {
    const attended = [s('b', 'party_member', '2026-03-02', 2), s('a', 'backbone', '2026-03-01', 2)];
    expect(hoursLedger([req('member_yearly')], attended, '2026-06-01')[0].sessionIds).toEqual(['a', 'b']);
  });
});

describe('hours one attendance earns', () => {
  const inAt = '2026-05-01T09:00:00+08:00';
  it('is the session’s figure when the program counts by session, check-out or not', () => {
    expect(hoursForAttendance('session', 3, inAt, null)).toBe(3);
    expect(hoursForAttendance('session', 3, null, null)).toBe(0);
  });
  it('is measured in half class periods of 45 minutes, capped at the session’s figure, nothing without check-out', () => {
    expect(hoursForAttendance('measured', 3, inAt, '2026-05-01T10:30:00+08:00')).toBe(2);
    expect(hoursForAttendance('measured', 3, inAt, '2026-05-01T09:22:00+08:00')).toBe(0);
    expect(hoursForAttendance('measured', 3, inAt, '2026-05-01T09:23:00+08:00')).toBe(0.5);
    expect(hoursForAttendance('measured', 3, inAt, '2026-05-01T17:00:00+08:00')).toBe(3);
    expect(hoursForAttendance('measured', 3, inAt, null)).toBe(0);
  });
});
