import chineseDays from 'chinese-days';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import {
  computeStatutoryRestDays,
  createWorkCalendar,
  type HolidaySource,
  isCalendarDate,
  NEXT_YEAR_REACH_DAYS,
  officialCalendar,
  statutoryRestDays,
  weekdayOf,
} from '../../../server/domain/notices/calendar';
import { addDays } from '../../../server/domain/time';

const cal = officialCalendar;

function eachDay(from: string, to: string, fn: (d: string) => void): void {
  for (let d = from; d <= to; d = addDays(d, 1)) fn(d);
}

describe('the official working-day calendar (E3)', () => {
  it('knows from its data that the State Council notices of 2004 to 2026 are published', () => {
    expect(cal.coverage).toEqual({ first: 2004, last: 2026 });
    expect(cal.source).toBe('chinese-days@1.5.7');
  });

  it('counts the 2026 make-up weekend days (调休上班) as working days', () => {
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect([d, weekdayOf(d) === 0 || weekdayOf(d) === 6, cal.isWorkday(d)]).toEqual([d, true, true]);
    }
  });

  it('does not count the National Day holiday weekdays 2026-10-01 to 10-07 as working days', () => {
    eachDay('2026-10-01', '2026-10-07', (d) => expect([d, cal.isWorkday(d)]).toEqual([d, false]));
    expect(cal.isWorkday('2026-09-30')).toBe(true);
    expect(cal.isWorkday('2026-10-08')).toBe(true);
  });

  it('treats an ordinary week as Monday to Friday', () => {
    expect(cal.isWorkday('2026-11-23')).toBe(true); // Monday
    expect(cal.isWorkday('2026-11-28')).toBe(false); // Saturday
    expect(cal.isWorkday('2026-11-29')).toBe(false); // Sunday
  });

  it('agrees with the package API on every day from 2004 to 2026 (run in Asia/Shanghai, where the package is right)', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const differ: string[] = [];
      eachDay('2004-01-01', '2026-12-31', (d) => {
        if (chineseDays.isWorkday(d) !== cal.isWorkday(d)) differ.push(d);
      });
      expect(differ).toEqual([]);
    } finally {
      process.env.TZ = saved;
    }
  });

  it('gives the same answers whatever the process time zone (the package does not under a negative offset)', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(weekdayOf('2026-10-10')).toBe(6);
      expect(cal.isWorkday('2026-10-10')).toBe(true);
      expect(cal.isWorkday('2026-10-11')).toBe(false);
    } finally {
      process.env.TZ = saved;
    }
  });

  it('counts the statutory holidays as rest in 2027, which has no published notice, and calls those days unsettled', () => {
    expect(cal.isWorkday('2027-02-08')).toBe(false); // 正月初三 of the 2027 Spring Festival
    expect(cal.isWorkday('2027-02-09')).toBe(true);
    expect(cal.isWorkday('2027-02-06')).toBe(false); // a Saturday stays a rest day: no make-up day is invented
    expect(cal.isSettled('2027-02-08')).toBe(false);
    expect(cal.isSettled('2027-02-09')).toBe(false);
    expect(cal.isSettled('2003-12-01')).toBe(false);
  });

  it('takes the 2027 statutory holidays from the lunar calendar and the 清明 solar term, in any time zone', () => {
    const expected = [
      ['2027-01-01', '元旦'],
      ['2027-02-05', '春节'], // 除夕
      ['2027-02-06', '春节'],
      ['2027-02-07', '春节'],
      ['2027-02-08', '春节'],
      ['2027-04-05', '清明节'],
      ['2027-05-01', '劳动节'],
      ['2027-05-02', '劳动节'],
      ['2027-06-09', '端午节'],
      ['2027-09-15', '中秋节'],
      ['2027-10-01', '国庆节'],
      ['2027-10-02', '国庆节'],
      ['2027-10-03', '国庆节'],
    ];
    const saved = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect([tz, [...computeStatutoryRestDays(2027)].sort()]).toEqual([tz, expected]);
        // 2028: 中秋 falls on 10-03, inside 国庆.
        expect([tz, computeStatutoryRestDays(2028).get('2028-10-03')]).toEqual([tz, '中秋节、国庆节']);
      }
    } finally {
      process.env.TZ = saved;
    }
    // The regulation's holidays agree with the published notices where both exist.
    for (const year of [2025, 2026]) {
      for (const [d] of statutoryRestDays(year)) expect([d, cal.isWorkday(d)]).toEqual([d, false]);
    }
  });

  it('calls the last week of 2026 unsettled while the 2027 notice (which may reach back into December) is missing', () => {
    expect(cal.isSettled('2026-12-24')).toBe(true);
    expect(cal.isSettled('2026-12-25')).toBe(false);
    expect(cal.isSettled('2026-12-31')).toBe(false);
    expect(cal.isSettled('2025-12-31')).toBe(true);
  });

  it('never sees a next-year notice reach further back into December than NEXT_YEAR_REACH_DAYS', () => {
    const december = [...Object.entries(chineseDaysData.holidays), ...Object.entries(chineseDaysData.workdays)].filter(
      ([d, name]) => d.slice(5, 7) === '12' && name.includes('元旦'),
    );
    expect(december.length).toBeGreaterThan(0);
    for (const [d] of december) expect(Number(d.slice(8))).toBeGreaterThan(31 - NEXT_YEAR_REACH_DAYS);
  });

  it('can take its overrides from another source', () => {
    const source: HolidaySource = {
      name: 'test',
      coveredYears: new Set([2027]),
      override: (d) => (d === '2027-01-01' ? { kind: 'rest', holiday: '元旦' } : undefined),
    };
    const other = createWorkCalendar(source);
    expect(other.isWorkday('2027-01-01')).toBe(false);
    expect(other.isWorkday('2026-12-31')).toBe(true);
    expect(other.isSettled('2027-01-01')).toBe(true);
    expect(other.coverage).toEqual({ first: 2027, last: 2027 });
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-9-28')).toBe(false);
  });
});
