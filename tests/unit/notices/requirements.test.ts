import {
  checkStepPublicity,
  checkWindowMeetsMinimum,
  minimumWindowFor,
  PUBLICITY_REQUIREMENTS,
  type RequirementTable,
} from '../../../server/domain/notices/requirements';
import { publicityWindow } from '../../../server/domain/notices/window';
import { NOTICE_KINDS } from '../../../typings/actions/notices';
import { FIVE_WORKDAYS_FROM_SEP_28 } from './helpers';

describe('which steps need publicity (E1, E2, A7, B5, D4)', () => {
  it('requires a 发展对象 公示 of at least 5 working days under 2026.05', () => {
    expect(minimumWindowFor('development_candidate', '2026.05')).toMatchObject({
      required: true,
      minimum: { length: 5, unit: 'workday' },
    });
  });

  it('requires no party-development 公示 under the 2014 细则', () => {
    for (const kind of ['activist', 'development_candidate', 'acceptance', 'conversion'] as const) {
      expect(minimumWindowFor(kind, '2014')).toMatchObject({ required: false, minimum: null });
    }
  });

  it('requires the 推优 list for at least 5 working days under both versions', () => {
    expect(minimumWindowFor('tuiyou', '2014').minimum).toEqual({ length: 5, unit: 'workday' });
    expect(minimumWindowFor('tuiyou', '2026.05').minimum).toEqual({ length: 5, unit: 'workday' });
  });

  it('requires honors such as star ratings for 3 days', () => {
    expect(minimumWindowFor('honor', '2026.05')).toMatchObject({
      required: true,
      minimum: { length: 3, unit: 'calendar_day' },
    });
  });

  it('requires publicity for backbone selection without imposing a length, and nothing for other notices', () => {
    expect(minimumWindowFor('backbone', '2014')).toMatchObject({ required: true, minimum: null });
    expect(minimumWindowFor('other', '2026.05')).toMatchObject({ required: false, minimum: null });
  });

  it('has an entry with a source for every kind under every version', () => {
    for (const version of ['2014', '2026.05'] as const) {
      for (const kind of NOTICE_KINDS) expect(PUBLICITY_REQUIREMENTS[version][kind].source).toBeTruthy();
    }
  });
});

describe('checking a window against the minimum', () => {
  const devCandidate = minimumWindowFor('development_candidate', '2026.05');

  it('accepts exactly 5 working days and refuses 4', () => {
    expect(checkWindowMeetsMinimum(publicityWindow(FIVE_WORKDAYS_FROM_SEP_28), devCandidate)).toBeNull();
    expect(checkWindowMeetsMinimum(publicityWindow({ ...FIVE_WORKDAYS_FROM_SEP_28, length: 4 }), devCandidate)).toBe(
      'WINDOW_TOO_SHORT',
    );
  });

  it('accepts 7 calendar days from a Monday as 5 working days, but not 7 days across the National Day week', () => {
    const sep7 = publicityWindow({ start: '2026-09-07', length: 7, unit: 'calendar_day', counting: 'inclusive' });
    const sep28 = publicityWindow({ start: '2026-09-28', length: 7, unit: 'calendar_day', counting: 'inclusive' });
    expect(checkWindowMeetsMinimum(sep7, devCandidate)).toBeNull();
    expect(checkWindowMeetsMinimum(sep28, devCandidate)).toBe('WINDOW_TOO_SHORT');
  });

  it('accepts 2 working days from a Friday for a 3-day honor notice, since they span 4 calendar days', () => {
    const friMon = publicityWindow({ start: '2026-09-11', length: 2, unit: 'workday', counting: 'inclusive' });
    expect(checkWindowMeetsMinimum(friMon, minimumWindowFor('honor', '2026.05'))).toBeNull();
    const twoDays = publicityWindow({ start: '2026-09-11', length: 2, unit: 'calendar_day', counting: 'inclusive' });
    expect(checkWindowMeetsMinimum(twoDays, minimumWindowFor('honor', '2026.05'))).toBe('WINDOW_TOO_SHORT');
  });

  it('accepts any window when there is no minimum', () => {
    const one = publicityWindow({ ...FIVE_WORKDAYS_FROM_SEP_28, length: 1 });
    expect(checkWindowMeetsMinimum(one, minimumWindowFor('development_candidate', '2014'))).toBeNull();
  });
});

describe('whether a step may proceed after its publicity (A7, B5)', () => {
  const window = publicityWindow(FIVE_WORKDAYS_FROM_SEP_28); // ends 2026-10-09

  it('blocks a 2026.05 发展对象 decision without a 公示', () => {
    expect(
      checkStepPublicity({
        kind: 'development_candidate',
        ruleVersion: '2026.05',
        window: null,
        stepDate: '2026-10-12',
      }),
    ).toBe('PUBLICITY_REQUIRED');
  });

  it('lets a 2014 发展对象 decision proceed without one', () => {
    expect(
      checkStepPublicity({ kind: 'development_candidate', ruleVersion: '2014', window: null, stepDate: '2026-10-12' }),
    ).toBeNull();
  });

  it('blocks the decision on the last day of publicity and allows it the day after', () => {
    const base = { kind: 'development_candidate', ruleVersion: '2026.05', window } as const;
    expect(checkStepPublicity({ ...base, stepDate: '2026-10-09' })).toBe('PUBLICITY_NOT_FINISHED');
    expect(checkStepPublicity({ ...base, stepDate: '2026-10-10' })).toBeNull();
  });

  it('blocks a 推优 approval after a publicity of only 3 working days', () => {
    const short = publicityWindow({ ...FIVE_WORKDAYS_FROM_SEP_28, length: 3 });
    expect(checkStepPublicity({ kind: 'tuiyou', ruleVersion: '2014', window: short, stepDate: '2026-11-01' })).toBe(
      'WINDOW_TOO_SHORT',
    );
  });

  it('follows a local table that publicises activists for 5 working days (tccu, E2)', () => {
    const local: RequirementTable = {
      ...PUBLICITY_REQUIREMENTS,
      '2014': {
        ...PUBLICITY_REQUIREMENTS['2014'],
        activist: { required: true, minimum: { length: 5, unit: 'workday' }, source: 'E2 tccu [L]' },
      },
    };
    expect(
      checkStepPublicity({ kind: 'activist', ruleVersion: '2014', window: null, stepDate: '2026-10-12', table: local }),
    ).toBe('PUBLICITY_REQUIRED');
  });
});
