/**
 * Publicity windows (E2–E5): from a start date, a length and a unit, the last day of publicity,
 * the instants it opens and closes in Asia/Shanghai, and whether the result is provisional.
 *
 * Counting convention (E4 — no party rule says whether the start day counts, so it is a setting):
 * - `inclusive` (Lingyan's default): the start day is day 1 if it counts at all, i.e. if it is a working day
 *   (workday unit) or always (calendar_day unit). A notice posted on a working morning is visible that whole
 *   day, and the one implementation of the 2026.05 rules found (E4) counts inclusively.
 * - `exclusive`: counting begins the day after the start, like 民法典 第二百零一条 ("开始的当日不计入") and
 *   chinese-days `findWorkday(n, start)`. Only 第二百零一条's start rule is borrowed: 第二百零三条's extension of a
 *   period ending on a holiday is not applied to calendar-day windows (no publicity rule found asks for it).
 * Either way the notice is public from 00:00 +08:00 of the start day: the convention decides when counting
 * begins, not when people can read it.
 * Example (checked against the data): 5 working days from Mon 2026-09-28 end Fri 2026-10-09 inclusive
 * (09-28, 09-29, 09-30, 10-08, 10-09) and on the make-up Saturday 2026-10-10 exclusive.
 */
import type { WindowCounting, WindowUnit } from '../../../typings/actions/notices';
import { MAX_WINDOW_LENGTH } from '../../../typings/actions/notices';
import { DomainError } from '../errors';
import { addDays, shanghaiDate, shanghaiIso, startOfShanghaiDay } from '../time';
import { isCalendarDate, officialCalendar, type WorkCalendar } from './calendar';

export type { WindowCounting, WindowUnit };

/** What an officer asks for. */
export interface WindowSpec {
  /** YYYY-MM-DD, Asia/Shanghai: the day the notice is posted. */
  start: string;
  length: number;
  unit: WindowUnit;
  counting: WindowCounting;
}

/** A computed window. Frozen into the notice when it is published. */
export interface PublicityWindow extends WindowSpec {
  /** The last day of publicity, inclusive. */
  end: string;
  /** 00:00 +08:00 of `start`. */
  opensAt: Date;
  /** 00:00 +08:00 of the day after `end`: the first instant the notice is over. */
  closesAt: Date;
  /** True if any day the computation examined lies where no State Council notice is published yet (E3, E5). */
  provisional: boolean;
  /** The counted days, in order: `length` of them; the last is `end`. */
  days: string[];
  /** Where working days came from; null for a calendar-day window, which needs no holiday data. */
  calendarSource: string | null;
}

export type WindowPhase = 'scheduled' | 'open' | 'closed';

/** The window as it is shown and filed: its days, and the instants it opens and closes as ISO +08:00 text. */
export interface ShownWindow extends WindowSpec {
  end: string;
  opensAt: string;
  closesAt: string;
  provisional: boolean;
}

export function shownWindow(w: PublicityWindow): ShownWindow {
  return {
    start: w.start,
    end: w.end,
    length: w.length,
    unit: w.unit,
    counting: w.counting,
    opensAt: shanghaiIso(w.opensAt),
    closesAt: shanghaiIso(w.closesAt),
    provisional: w.provisional,
  };
}

/** Lingyan counts inclusively unless a unit's settings say otherwise (see the file comment). */
export const DEFAULT_COUNTING: WindowCounting = 'inclusive';

/** E4: the first day that can count toward the length — the start itself when inclusive, the next day when exclusive. */
export function firstCountingDay(spec: Pick<WindowSpec, 'start' | 'counting'>): string {
  return spec.counting === 'inclusive' ? spec.start : addDays(spec.start, 1);
}

function assertValidSpec(spec: WindowSpec): void {
  if (!isCalendarDate(spec.start)) {
    throw new DomainError('WINDOW_INVALID', '公示开始日期无效', { start: '日期不存在' });
  }
  if (!Number.isInteger(spec.length) || spec.length < 1 || spec.length > MAX_WINDOW_LENGTH) {
    throw new DomainError('WINDOW_INVALID', `公示天数应为 1–${MAX_WINDOW_LENGTH} 的整数`, {
      length: `应为 1–${MAX_WINDOW_LENGTH} 的整数`,
    });
  }
}

/**
 * E2–E4: the window for a spec. Working days come from `calendar` (E3); a workday window is provisional when it
 * examined any day not settled by a published notice (E5), a calendar-day window never is.
 */
export function publicityWindow(spec: WindowSpec, calendar: WorkCalendar = officialCalendar): PublicityWindow {
  assertValidSpec(spec);
  const days: string[] = [];
  let provisional = false;
  let day = firstCountingDay(spec);
  if (spec.unit === 'calendar_day') {
    for (let i = 0; i < spec.length; i++) days.push(addDays(day, i));
  } else {
    // A data source that marks everything as rest must not hang us: no real year has a week without work.
    const limit = spec.length * 7 + 31;
    for (let examined = 0; days.length < spec.length; examined++, day = addDays(day, 1)) {
      if (examined >= limit) throw new DomainError('WINDOW_INVALID', '工作日历数据异常，无法计算公示期');
      if (!calendar.isSettled(day)) provisional = true;
      if (calendar.isWorkday(day)) days.push(day);
    }
  }
  const end = days[days.length - 1]!;
  return {
    start: spec.start,
    length: spec.length,
    unit: spec.unit,
    counting: spec.counting,
    end,
    opensAt: startOfShanghaiDay(spec.start),
    closesAt: startOfShanghaiDay(addDays(end, 1)),
    provisional,
    days,
    calendarSource: spec.unit === 'workday' ? calendar.source : null,
  };
}

/** Open from 00:00 +08:00 of the start day (inclusive) until 00:00 +08:00 of the day after the end (exclusive). */
export function windowPhase(window: Pick<PublicityWindow, 'opensAt' | 'closesAt'>, now: Date): WindowPhase {
  const t = now.getTime();
  if (t < window.opensAt.getTime()) return 'scheduled';
  if (t < window.closesAt.getTime()) return 'open';
  return 'closed';
}

/**
 * The countdown: how many counted days of the window are today or later, in the window's own unit
 * (working days for a workday window, calendar days for a calendar-day window).
 * - scheduled: the full length;
 * - open: counted days on or after today's Shanghai date, so today counts if it is a counted day
 *   (a working day inside an inclusive window), and a holiday or an exclusive start day does not;
 * - closed: 0.
 * On the last day it is 1 until 23:59:59.999 +08:00; at 00:00 +08:00 of the next day it is 0.
 */
export function daysRemaining(window: PublicityWindow, now: Date): number {
  const phase = windowPhase(window, now);
  if (phase === 'scheduled') return window.days.length;
  if (phase === 'closed') return 0;
  const today = shanghaiDate(now);
  return window.days.filter((d) => d >= today).length;
}

/** The countdown under the name the screens use; for a workday window the days counted are working days. */
export const workdaysRemaining = daysRemaining;

/**
 * How long a window is when measured in `unit` over its counted span (first counting day to end, E4):
 * the working days in it, or its calendar days. Used to compare a window against a minimum set in another unit.
 */
export function windowLengthIn(
  window: PublicityWindow,
  unit: WindowUnit,
  calendar: WorkCalendar = officialCalendar,
): number {
  if (unit === window.unit) return window.days.length;
  const from = firstCountingDay(window);
  let n = 0;
  for (let d = from; d <= window.end; d = addDays(d, 1)) {
    if (unit === 'calendar_day' || calendar.isWorkday(d)) n++;
  }
  return n;
}

/**
 * E5: a provisional window computed before a year's notice was published may end elsewhere once it is.
 * Recomputes the window with today's data; null when nothing changed. `daysChanged` false means only the
 * provisional flag settled (the stored flag can be cleared); true means the announced dates no longer match
 * the official calendar: the announced window stays what it was (the public read those dates) and the
 * caller raises a warning for an officer to decide.
 */
export function windowDrift(
  window: PublicityWindow,
  calendar: WorkCalendar = officialCalendar,
): { window: PublicityWindow; daysChanged: boolean } | null {
  if (window.unit !== 'workday') return null;
  const again = publicityWindow(window, calendar);
  const daysChanged = again.days.length !== window.days.length || again.days.some((d, i) => d !== window.days[i]);
  if (!daysChanged && again.provisional === window.provisional) return null;
  return { window: again, daysChanged };
}

/**
 * E5: a published provisional window once the calendar has moved on (the package now holds the year's notice).
 * Null when nothing changed. Otherwise the window to store from now on:
 * - when the official count ends on or after the announced end, the recomputed window: a window the public was
 *   told ends earlier would fall short of the required working days, so it is extended (`endMoved` true when the
 *   end is later);
 * - when it would end earlier, the announced end is kept: people read those dates and may be waiting for the last
 *   day to object, and a longer publicity never falls short. Its counted days are then every working day up to the
 *   announced end (one or more beyond `length`), so the countdown still runs to the announced end.
 * `provisional` is whatever the calendar still leaves unsettled (false once the notice covers every day examined).
 */
export function settledWindow(
  announced: PublicityWindow,
  calendar: WorkCalendar = officialCalendar,
): { window: PublicityWindow; endMoved: boolean; previousEnd: string } | null {
  const drift = windowDrift(announced, calendar);
  if (!drift) return null;
  const again = drift.window;
  if (again.end >= announced.end)
    return { window: again, endMoved: again.end !== announced.end, previousEnd: announced.end };
  const days: string[] = [];
  let provisional = false;
  for (let d = firstCountingDay(announced); d <= announced.end; d = addDays(d, 1)) {
    if (!calendar.isSettled(d)) provisional = true;
    if (calendar.isWorkday(d)) days.push(d);
  }
  const window = { ...announced, days, provisional, calendarSource: calendar.source };
  if (!provisional && announced.provisional === false && days.join() === announced.days.join()) return null;
  return { window, endMoved: false, previousEnd: announced.end };
}
