/**
 * Calendar time for the domain: everything is Asia/Shanghai (CloudBase functions run in UTC).
 * Pure functions; the caller passes `now` from the clock port.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return dayjs(at).tz(ZONE).format('YYYY-MM-DD');
}

/** An instant as ISO-8601 with the +08:00 offset, for display and audit. */
export function shanghaiIso(at: Date): string {
  return dayjs(at).tz(ZONE).format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

/** The instant a Shanghai calendar day starts (00:00 +08:00). */
export function startOfShanghaiDay(date: string): Date {
  return dayjs.tz(date, ZONE).toDate();
}

/** Adds whole calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}
