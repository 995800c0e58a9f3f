/** What a unit may publish, and where; the school's minimum windows (no database). */
import { checkNoticeOrigin, firstScopeUnitNotAllowed } from '../../../server/domain/notices/origin';
import { PUBLICITY_REQUIREMENTS } from '../../../server/domain/notices/requirements';
import { assertSchoolWindow, atLeastAsStrict, withSchoolWindows } from '../../../server/domain/notices/school-windows';

const home = { personId: 'p1', person: { homePartyBranchId: 'pb' } };

describe('development-step 公示 come only from the home party branch (D6)', () => {
  it('accepts the home party branch naming its own members', () => {
    expect(checkNoticeOrigin('acceptance', { _id: 'pb', kind: 'party_branch' }, [home])).toBeNull();
  });
  it('refuses a temporary party branch, a League branch and another party branch', () => {
    expect(checkNoticeOrigin('acceptance', { _id: 'tpb', kind: 'temp_party_branch' }, [home])?.code).toBe(
      'NOTICE_ORIGIN_INVALID',
    );
    expect(checkNoticeOrigin('conversion', { _id: 'lb', kind: 'league_branch' }, [home])?.code).toBe(
      'NOTICE_ORIGIN_INVALID',
    );
    expect(checkNoticeOrigin('activist', { _id: 'pb2', kind: 'party_branch' }, [home])?.code).toBe(
      'NOTICE_ORIGIN_INVALID',
    );
  });
  it('refuses a subject typed by name only, or none at all', () => {
    const owner = { _id: 'pb', kind: 'party_branch' } as const;
    expect(checkNoticeOrigin('development_candidate', owner, [{ personId: null, person: null }])).not.toBeNull();
    expect(checkNoticeOrigin('development_candidate', owner, [])).not.toBeNull();
  });
});

describe('推优 from the League, backbones from the association line, honors from the awarding unit', () => {
  it('decides by the owner’s kind', () => {
    expect(checkNoticeOrigin('tuiyou', { _id: 'lb', kind: 'league_branch' }, [])).toBeNull();
    expect(checkNoticeOrigin('tuiyou', { _id: 'pb', kind: 'party_branch' }, [])).not.toBeNull();
    expect(checkNoticeOrigin('tuiyou', { _id: 'tlb', kind: 'temp_league_branch' }, [])).not.toBeNull();
    expect(checkNoticeOrigin('backbone', { _id: 'a', kind: 'association' }, [])).toBeNull();
    expect(checkNoticeOrigin('backbone', { _id: 'tpb', kind: 'temp_party_branch' }, [])).not.toBeNull();
    expect(checkNoticeOrigin('honor', { _id: 'tpb', kind: 'temp_party_branch' }, [])).toBeNull();
  });
});

describe('a 公示 reaches the people around the person it names', () => {
  const owner = { _id: 'pb' };
  const candidate = { memberOf: ['college', 'pb', 'lb', 'assoc'] };
  const unit = (id: string, ancestors: string[] = []) => ({ _id: id, ancestors });
  it('allows the candidate’s class League branch and association, refuses units above the owner and elsewhere', () => {
    expect(
      firstScopeUnitNotAllowed(owner, [unit('pb'), unit('lb'), unit('assoc')], [candidate], ['college']),
    ).toBeNull();
    expect(firstScopeUnitNotAllowed(owner, [unit('college')], [candidate], ['college'])).toBe('college');
    expect(firstScopeUnitNotAllowed(owner, [unit('other_lb')], [candidate], ['college'])).toBe('other_lb');
  });
});

describe('the school’s minimum windows only tighten (E2)', () => {
  it('compares working and calendar days safely', () => {
    expect(atLeastAsStrict({ length: 5, unit: 'workday' }, { length: 5, unit: 'workday' })).toBe(true);
    expect(atLeastAsStrict({ length: 3, unit: 'workday' }, { length: 3, unit: 'calendar_day' })).toBe(true);
    expect(atLeastAsStrict({ length: 7, unit: 'calendar_day' }, { length: 5, unit: 'workday' })).toBe(false);
    expect(atLeastAsStrict({ length: 4, unit: 'workday' }, { length: 5, unit: 'workday' })).toBe(false);
  });
  it('refuses a minimum looser than any rule version, accepts one where the rules set none', () => {
    expect(() => assertSchoolWindow('development_candidate', { length: 3, unit: 'workday' })).toThrow(
      expect.objectContaining({ code: 'RULE_OVERRIDE_LOOSER' }),
    );
    expect(() => assertSchoolWindow('acceptance', { length: 7, unit: 'calendar_day' })).not.toThrow();
    expect(() => assertSchoolWindow('tuiyou', null)).not.toThrow();
  });
  it('puts the school’s minimum in force and makes the 公示 required', () => {
    const table = withSchoolWindows({ acceptance: { length: 7, unit: 'calendar_day' } });
    expect(table['2014'].acceptance).toMatchObject({ required: true, minimum: { length: 7, unit: 'calendar_day' } });
    expect(table['2014'].tuiyou).toEqual(PUBLICITY_REQUIREMENTS['2014'].tuiyou);
  });
});
