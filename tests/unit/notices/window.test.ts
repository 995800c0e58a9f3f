import chineseDays from 'chinese-days';
import { createWorkCalendar, officialCalendar } from '../../../server/domain/notices/calendar';
import {
  DEFAULT_COUNTING,
  daysRemaining,
  publicityWindow,
  settledWindow,
  type WindowSpec,
  windowDrift,
  windowLengthIn,
  windowPhase,
  workdaysRemaining,
} from '../../../server/domain/notices/window';
import { at, codeOf, FIVE_WORKDAYS_FROM_SEP_28, justBefore } from './helpers';

const exclusive: WindowSpec = { ...FIVE_WORKDAYS_FROM_SEP_28, counting: 'exclusive' };

describe('publicity windows across the 2026 National Day holiday (the E4 example)', () => {
  it('counts inclusively by default', () => {
    expect(DEFAULT_COUNTING).toBe('inclusive');
  });

  it('ends a 5-working-day notice posted Mon 2026-09-28 on Fri 2026-10-09 when the start day counts', () => {
    const w = publicityWindow(FIVE_WORKDAYS_FROM_SEP_28);
    expect(w.days).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09']);
    expect(w.end).toBe('2026-10-09');
    expect(w.provisional).toBe(false);
    expect(w.calendarSource).toBe('chinese-days@1.5.7');
  });

  it('ends it on the make-up Saturday 2026-10-10 when counting begins the next day, as the package findWorkday does', () => {
    const w = publicityWindow(exclusive);
    expect(w.days).toEqual(['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    expect(w.end).toBe('2026-10-10');
    expect(chineseDays.findWorkday(5, '2026-09-28')).toBe('2026-10-10'); // process TZ is UTC here
  });

  it('opens at 00:00 +08:00 of the start day and closes at 00:00 +08:00 of the day after the end', () => {
    const w = publicityWindow(FIVE_WORKDAYS_FROM_SEP_28);
    expect(w.opensAt.toISOString()).toBe('2026-09-27T16:00:00.000Z');
    expect(w.closesAt.toISOString()).toBe('2026-10-09T16:00:00.000Z');
    expect(publicityWindow(exclusive).opensAt).toEqual(w.opensAt);
  });

  it('starts counting on the first working day when a notice is posted during the holiday', () => {
    expect(publicityWindow({ start: '2026-10-01', length: 1, unit: 'workday', counting: 'inclusive' }).end).toBe(
      '2026-10-08',
    );
  });

  it('counts a make-up Sunday it starts on (2026-09-20) as day 1', () => {
    expect(publicityWindow({ start: '2026-09-20', length: 1, unit: 'workday', counting: 'inclusive' }).end).toBe(
      '2026-09-20',
    );
  });
});

describe('windows reaching a year with no published calendar (E5)', () => {
  it('marks a window running from late December 2026 into 2027 as provisional', () => {
    const w = publicityWindow({ start: '2026-12-28', length: 5, unit: 'workday', counting: 'inclusive' });
    expect(w.end).not.toBe('2027-01-01'); // 元旦 is a statutory holiday even before the 2027 notice is out
    expect(w.days).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04']);
    expect(w.provisional).toBe(true);
  });

  it('skips the 2027 Spring Festival (除夕 to 正月初三, 02-05 to 02-08) and stays provisional', () => {
    const w = publicityWindow({ start: '2027-02-03', length: 5, unit: 'workday', counting: 'inclusive' });
    expect(w.days).toEqual(['2027-02-03', '2027-02-04', '2027-02-09', '2027-02-10', '2027-02-11']);
    expect(w.provisional).toBe(true);
  });

  it('invents no make-up working day: a 2027 weekend stays a rest day', () => {
    const w = publicityWindow({ start: '2027-09-30', length: 3, unit: 'workday', counting: 'inclusive' });
    // 10-01..10-03 statutory, 10-02/03 a weekend anyway; no 调休 Saturday is guessed.
    expect(w.days).toEqual(['2027-09-30', '2027-10-04', '2027-10-05']);
  });

  it('marks a window inside 2027 as provisional', () => {
    expect(
      publicityWindow({ start: '2027-03-01', length: 5, unit: 'workday', counting: 'inclusive' }).provisional,
    ).toBe(true);
  });

  it('does not mark a December window that ends before the last week', () => {
    expect(
      publicityWindow({ start: '2026-12-14', length: 5, unit: 'workday', counting: 'inclusive' }).provisional,
    ).toBe(false);
  });

  it('reports how a provisional window moves once the next year is published', () => {
    const w = publicityWindow({ start: '2026-12-28', length: 5, unit: 'workday', counting: 'inclusive' });
    const with2027 = createWorkCalendar({
      name: 'test',
      coveredYears: new Set([2026, 2027]),
      // A notice that, say, also gives 2027-01-04 as 补假 for a weekend holiday.
      override: (d) => (d === '2027-01-01' || d === '2027-01-04' ? { kind: 'rest', holiday: '元旦' } : undefined),
    });
    const drift = windowDrift(w, with2027);
    expect(drift?.daysChanged).toBe(true);
    expect(drift?.window.end).toBe('2027-01-05');
    expect(drift?.window.provisional).toBe(false);
    const same = createWorkCalendar({
      name: 'test',
      coveredYears: new Set([2026, 2027]),
      override: (d) => (d === '2027-01-01' ? { kind: 'rest', holiday: '元旦' } : undefined),
    });
    expect(windowDrift(w, same)).toMatchObject({
      daysChanged: false,
      window: { end: '2027-01-04', provisional: false },
    });
    expect(windowDrift(publicityWindow(FIVE_WORKDAYS_FROM_SEP_28), officialCalendar)).toBeNull();
  });
});

describe('settling a published provisional window once the notice is out (E5)', () => {
  const w = publicityWindow({ start: '2026-12-28', length: 5, unit: 'workday', counting: 'inclusive' });
  const calendarWith = (rest: string[], work: string[] = []) =>
    createWorkCalendar({
      name: 'test',
      coveredYears: new Set([2026, 2027]),
      override: (d) =>
        rest.includes(d)
          ? { kind: 'rest', holiday: '元旦' }
          : work.includes(d)
            ? { kind: 'work', holiday: '元旦' }
            : undefined,
    });

  it('extends a window whose official count ends later, and says the end moved', () => {
    const s = settledWindow(w, calendarWith(['2027-01-01', '2027-01-04']));
    expect(s).toMatchObject({
      endMoved: true,
      previousEnd: '2027-01-04',
      window: { end: '2027-01-05', provisional: false },
    });
  });

  it('never shortens a window below its announced end: a make-up Saturday leaves the announced dates', () => {
    // A notice making Sat 2027-01-02 a working day would end the count on 01-02; the public was told 01-04.
    const s = settledWindow(w, calendarWith(['2027-01-01'], ['2027-01-02']));
    expect(s).toMatchObject({ endMoved: false, window: { end: '2027-01-04', provisional: false } });
    expect(s?.window.days).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-02',
      '2027-01-04',
    ]);
  });

  it('only clears the flag when the notice confirms the statutory guess', () => {
    expect(settledWindow(w, calendarWith(['2027-01-01']))).toMatchObject({
      endMoved: false,
      window: { end: '2027-01-04', provisional: false, days: w.days },
    });
    expect(settledWindow(w)).toBeNull(); // the installed package still lacks 2027
  });
});

describe('calendar-day windows', () => {
  const seven: WindowSpec = { start: '2026-09-28', length: 7, unit: 'calendar_day', counting: 'inclusive' };

  it('ends 7 days posted on 2026-09-28 on 10-04 inclusive and 10-05 exclusive, holidays counting like any day', () => {
    expect(publicityWindow(seven).end).toBe('2026-10-04');
    expect(publicityWindow({ ...seven, counting: 'exclusive' }).end).toBe('2026-10-05');
  });

  it('is never provisional, since it needs no holiday data', () => {
    const w = publicityWindow({ ...seven, start: '2027-01-28' });
    expect(w.provisional).toBe(false);
    expect(w.calendarSource).toBeNull();
  });
});

describe('invalid windows', () => {
  it.each([
    ['a length of 0', { length: 0 }],
    ['a fractional length', { length: 1.5 }],
    ['more than 60 days', { length: 61 }],
    ['a date that does not exist', { start: '2026-02-30' }],
  ])('refuses %s', (_, patch) => {
    expect(codeOf(() => publicityWindow({ ...FIVE_WORKDAYS_FROM_SEP_28, ...patch }))).toBe('WINDOW_INVALID');
  });
});

describe('phase and countdown at the boundaries', () => {
  const w = publicityWindow(FIVE_WORKDAYS_FROM_SEP_28);

  it('is scheduled until 00:00 +08:00 of the start day and open from that instant', () => {
    expect(windowPhase(w, justBefore(at('2026-09-28 00:00')))).toBe('scheduled');
    expect(windowPhase(w, at('2026-09-28 00:00'))).toBe('open');
  });

  it('is open until the end of the last day and closed at 00:00 +08:00 of the next day', () => {
    expect(windowPhase(w, justBefore(at('2026-10-10 00:00')))).toBe('open');
    expect(windowPhase(w, at('2026-10-10 00:00'))).toBe('closed');
  });

  it('counts 5 working days left before opening and on the whole first day', () => {
    expect(daysRemaining(w, at('2026-09-25 12:00'))).toBe(5);
    expect(daysRemaining(w, at('2026-09-28 00:00'))).toBe(5);
    expect(daysRemaining(w, at('2026-09-28 23:59'))).toBe(5);
    expect(daysRemaining(w, at('2026-09-29 00:00'))).toBe(4);
  });

  it('counts only the working days ahead during the holiday', () => {
    expect(daysRemaining(w, at('2026-10-01 09:00'))).toBe(2);
    expect(daysRemaining(w, at('2026-10-07 23:59'))).toBe(2);
  });

  it('shows 1 through the last day and 0 from 00:00 +08:00 of the day after', () => {
    expect(daysRemaining(w, at('2026-10-09 00:00'))).toBe(1);
    expect(daysRemaining(w, justBefore(at('2026-10-10 00:00')))).toBe(1);
    expect(daysRemaining(w, at('2026-10-10 00:00'))).toBe(0);
  });

  it('does not count the posting day of an exclusive window', () => {
    const ex = publicityWindow(exclusive);
    expect(daysRemaining(ex, at('2026-09-28 08:00'))).toBe(5);
    expect(daysRemaining(ex, at('2026-10-10 08:00'))).toBe(1);
    expect(windowPhase(ex, at('2026-10-11 00:00'))).toBe('closed');
  });

  it('counts calendar days for a calendar-day window', () => {
    const cw = publicityWindow({ start: '2026-09-28', length: 3, unit: 'calendar_day', counting: 'inclusive' });
    expect(workdaysRemaining(cw, at('2026-09-29 12:00'))).toBe(2);
    expect(workdaysRemaining(cw, at('2026-10-01 00:00'))).toBe(0);
  });
});

describe('measuring a window in another unit', () => {
  it('finds 5 working days in 7 calendar days from a Monday and 3 across the National Day week', () => {
    const sep7 = publicityWindow({ start: '2026-09-07', length: 7, unit: 'calendar_day', counting: 'inclusive' });
    expect(windowLengthIn(sep7, 'workday')).toBe(5);
    const sep28 = publicityWindow({ start: '2026-09-28', length: 7, unit: 'calendar_day', counting: 'inclusive' });
    expect(windowLengthIn(sep28, 'workday')).toBe(3);
  });

  it('finds 12 calendar days in the inclusive 5-working-day window from 2026-09-28', () => {
    expect(windowLengthIn(publicityWindow(FIVE_WORKDAYS_FROM_SEP_28), 'calendar_day')).toBe(12);
    expect(windowLengthIn(publicityWindow(exclusive), 'calendar_day')).toBe(12);
  });
});
