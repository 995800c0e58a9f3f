/**
 * The official working-day calendar (E3): a day is a working day if the State Council
 * General Office's yearly holiday notice says so (放假 = rest, 调休上班 = work), and otherwise if it is
 * Monday–Friday. The notices themselves come from a {@link HolidaySource}; the default one reads the data
 * file of the maintained `chinese-days` package, and nothing else in the domain knows about that package.
 *
 * Dates are plain YYYY-MM-DD strings of the Asia/Shanghai calendar; weekdays are computed arithmetically,
 * so the result does not depend on the process time zone. (The package's own `isWorkday`/`findWorkday`
 * do depend on it: under a negative UTC offset such as America/New_York, `findWorkday(5, '2026-09-28')`
 * returns 2026-10-09 instead of 2026-10-10. That is why only its data file is used here, plus its lunar and
 * solar-term arithmetic for years without a notice, read so that the time zone cannot move a day: see
 * `statutoryRestDays`.)
 *
 * A year without a notice (E5) is not counted as a plain Monday–Friday week: the holidays the national holiday
 * regulation itself fixes are rest days there too (see `statutoryRestDays`), and the days stay unsettled.
 */
import { getLunarDate, getSolarTermDate } from 'chinese-days';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';

/** A day the yearly notice overrides: a holiday (rest) or a make-up working day on a weekend (work). */
export interface DayOverride {
  kind: 'rest' | 'work';
  /** The holiday it belongs to, in Chinese, e.g. 国庆节. */
  holiday: string;
}

/** Where the yearly State Council notices come from. Swap this to change the data source. */
export interface HolidaySource {
  /** Provenance for audit and display, e.g. `chinese-days@1.5.7`. */
  readonly name: string;
  /** The years whose State Council notice is in the data. */
  readonly coveredYears: ReadonlySet<number>;
  /** The notice's override for a YYYY-MM-DD date, or undefined for an ordinary day. */
  override(date: string): DayOverride | undefined;
}

export interface WorkCalendar {
  readonly source: string;
  /** E3: `override(d) ?? weekday(d) ∈ Mon–Fri`. */
  isWorkday(date: string): boolean;
  /** True when the day's status is settled by published notices; false means "provisional" (E3, E5). */
  isSettled(date: string): boolean;
  /** The years the data covers, as a closed range (null if none). */
  readonly coverage: { first: number; last: number } | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real YYYY-MM-DD calendar date (2026-02-30 is not). */
export function isCalendarDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Day of the week of a YYYY-MM-DD date, 0 = Sunday … 6 = Saturday, independent of the process time zone. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The ordinary week without a notice: Monday to Friday work, Saturday and Sunday rest (E3). */
export function isOrdinaryWorkday(date: string): boolean {
  const wd = weekdayOf(date);
  return wd >= 1 && wd <= 5;
}

/** E3: a 调休 weekend day is a working day, a holiday on a weekday is not, every other day follows the week. */
export function isWorkdayUnder(source: HolidaySource, date: string): boolean {
  const o = source.override(date);
  return o ? o.kind === 'work' : isOrdinaryWorkday(date);
}

/**
 * How far back into December a next year's notice has reached: the 2019 元旦 arrangement made Sat 2018-12-29
 * a working day and 2018-12-30/31 holidays; 2008 and 2023 did the same with 12-29…12-31. So the last week of a
 * covered year is settled only once the next year is covered too. A unit test checks the data never exceeds it.
 */
export const NEXT_YEAR_REACH_DAYS = 7;

/** E3/E5: a day is settled when its year's notice is published and no unpublished next-year notice can still reach it. */
export function isSettledUnder(source: HolidaySource, date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (!source.coveredYears.has(year)) return false;
  const lastWeek = date.slice(5) > decemberCutoff();
  return !lastWeek || source.coveredYears.has(year + 1);
}

function decemberCutoff(): string {
  return `12-${String(31 - NEXT_YEAR_REACH_DAYS).padStart(2, '0')}`;
}

/** Builds the calendar for a source. */
export function createWorkCalendar(source: HolidaySource): WorkCalendar {
  const years = [...source.coveredYears].sort((a, b) => a - b);
  return {
    source: source.name,
    isWorkday: (date) => isWorkdayUnder(source, date),
    isSettled: (date) => isSettledUnder(source, date),
    coverage: years.length ? { first: years[0]!, last: years[years.length - 1]! } : null,
  };
}

/** `chinese-days` data: `{ holidays, workdays, inLieuDays }`, each a map date -> "English,中文,n". */
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

/**
 * Which years a `chinese-days` data file covers, derived from the data itself: every yearly notice since 1999
 * arranges 国庆节, so a year is covered exactly when its 10-01 is listed as a holiday. (Counting every year that
 * has any entry would be wrong: a notice reaches back into the previous December, see NEXT_YEAR_REACH_DAYS.)
 */
export function coveredYearsOf(data: ChineseDaysData): Set<number> {
  const years = new Set<number>();
  for (const date of Object.keys(data.holidays)) {
    if (date.slice(5) === '10-01') years.add(Number(date.slice(0, 4)));
  }
  return years;
}

function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

/** A holiday source over a `chinese-days` data file. */
export function chineseDaysSourceFrom(data: ChineseDaysData, name: string): HolidaySource {
  return {
    name,
    coveredYears: coveredYearsOf(data),
    override(date) {
      const work = data.workdays[date];
      if (work !== undefined) return { kind: 'work', holiday: chineseName(work) };
      const rest = data.holidays[date];
      if (rest !== undefined) return { kind: 'rest', holiday: chineseName(rest) };
      return undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Years beyond the published notices

/**
 * E5: the rest days that 全国年节及纪念日放假办法 (as amended 2024, in force from 2025) 第二条 fixes for all citizens,
 * whatever the yearly notice later arranges around them: 元旦 (1 January), 春节 (除夕 through 正月初三, four days),
 * 清明节 (the day of the 清明 solar term), 劳动节 (1–2 May), 端午节 (五月初五), 中秋节 (八月十五) and 国庆节
 * (1–3 October). Lunar dates and the solar term come from `chinese-days`' own arithmetic.
 *
 * What the regulation leaves to the yearly notice is not guessed: no make-up working day (调休上班) is invented,
 * and the 补假 of 第五条 (a holiday falling on a weekend is made up on a working day the notice picks) is not placed;
 * a window over such a year therefore stays provisional.
 */
export function statutoryRestDays(year: number): ReadonlyMap<string, string> {
  let days = statutoryCache.get(year);
  if (!days) {
    days = computeStatutoryRestDays(year);
    statutoryCache.set(year, days);
  }
  return days;
}

const statutoryCache = new Map<number, Map<string, string>>();

/** `statutoryRestDays` without the per-year cache. */
export function computeStatutoryRestDays(year: number): Map<string, string> {
  const y = String(year).padStart(4, '0');
  const days = new Map<string, string>();
  days.set(`${y}-01-01`, '元旦');
  const newYear = lunarDay(year, 1, 1, `${y}-01-15`, `${y}-02-25`);
  for (let i = -1; i <= 2; i++) days.set(shiftDate(newYear, i), '春节');
  days.set(qingmingOf(year), '清明节');
  days.set(`${y}-05-01`, '劳动节');
  days.set(`${y}-05-02`, '劳动节');
  days.set(lunarDay(year, 5, 5, `${y}-05-20`, `${y}-07-05`), '端午节');
  days.set(lunarDay(year, 8, 15, `${y}-09-01`, `${y}-10-15`), '中秋节');
  for (const d of ['10-01', '10-02', '10-03']) {
    const date = `${y}-${d}`;
    days.set(date, days.get(date) === '中秋节' ? '中秋节、国庆节' : '国庆节');
  }
  return days;
}

/**
 * The Gregorian day in [from, to] whose lunar date is month/day of an ordinary (not leap) month.
 * `getLunarDate` measures a 'YYYY-MM-DD' string from a fixed instant in whole days, so its lunar fields do not
 * depend on the process time zone (its own `date` label does, under a negative offset: it is not used).
 */
function lunarDay(year: number, month: number, day: number, from: string, to: string): string {
  for (let d = from; d <= to; d = shiftDate(d, 1)) {
    const l = getLunarDate(d);
    if (l.lunarMon === month && l.lunarDay === day && !l.isLeap) return d;
  }
  throw new Error(`no lunar ${month}/${day} in ${year} between ${from} and ${to}`);
}

/**
 * The 清明 solar term's day. `getSolarTermDate` computes the day number and then formats a UTC midnight with
 * local getters, which reads the day before under a negative UTC offset: that reading is undone here.
 */
function qingmingOf(year: number): string {
  const raw = getSolarTermDate(year, 4, 'pure_brightness');
  const day = Number(raw.slice(8));
  const readsBack = new Date(Date.UTC(year, 3, day)).getDate() !== day;
  return readsBack ? shiftDate(raw, 1) : raw;
}

/** A YYYY-MM-DD date moved by n days (UTC arithmetic, independent of the time zone). */
function shiftDate(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/**
 * E5: a source that, for a year it does not cover, counts the statutory holidays (`statutoryRestDays`) as rest.
 * Covered years are the notice's alone; the covered years (and so what is settled) do not change.
 */
export function withStatutoryHolidays(source: HolidaySource): HolidaySource {
  return {
    name: source.name,
    coveredYears: source.coveredYears,
    override(date) {
      const o = source.override(date);
      if (o) return o;
      const year = Number(date.slice(0, 4));
      if (source.coveredYears.has(year)) return undefined;
      const holiday = statutoryRestDays(year).get(date);
      return holiday ? { kind: 'rest', holiday } : undefined;
    },
  };
}

/** The installed `chinese-days` data (1.5.7: notices 2004–2026, each year citing its gov.cn notice in the source). */
export const chineseDaysSource: HolidaySource = chineseDaysSourceFrom(
  chineseDaysData as ChineseDaysData,
  `chinese-days@${chineseDaysPackage.version}`,
);

/** The calendar Lingyan uses unless a caller passes another: the notices, and the statutory holidays beyond them. */
export const officialCalendar: WorkCalendar = createWorkCalendar(withStatutoryHolidays(chineseDaysSource));
