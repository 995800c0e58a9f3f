/**
 * The official working-day calendar (E3): a day is a working day if the State Council
 * General Office's yearly holiday notice says so (放假 = rest, 调休上班 = work), and otherwise if it is
 * Monday–Friday. The notices themselves come from a {@link HolidaySource}; the default one reads the data
 * file of the maintained `chinese-days` package, and nothing else in the domain knows about that package.
 *
 * Dates are plain YYYY-MM-DD strings of the Asia/Shanghai calendar; weekdays are computed arithmetically,
 * so the result does not depend on the process time zone. (The package's own `isWorkday`/`findWorkday`
 * do depend on it: under a negative UTC offset such as America/New_York, `findWorkday(5, '2026-09-28')`
 * returns 2026-10-09 instead of 2026-10-10. That is why only its data file is used here.)
 */
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

/** The installed `chinese-days` data (1.5.7: notices 2004–2026, each year citing its gov.cn notice in the source). */
export const chineseDaysSource: HolidaySource = chineseDaysSourceFrom(
  chineseDaysData as ChineseDaysData,
  `chinese-days@${chineseDaysPackage.version}`,
);

/** The calendar Lingyan uses unless a caller passes another. */
export const officialCalendar: WorkCalendar = createWorkCalendar(chineseDaysSource);
