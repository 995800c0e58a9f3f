/** Display formats. Times from the server are instants (ISO 8601); people read them in Asia/Shanghai. */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2025-03-01T02:05:00.000Z` -> `2025-03-01 10:05`; a value that is not a time is shown as it came. */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = new Date(t + SHANGHAI_OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** A calendar date `YYYY-MM-DD` -> `2025年3月`, for terms of office where the month is what people quote. */
export function formatYearMonth(date: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月`;
}

/** The Asia/Shanghai calendar date `YYYY-MM-DD` of an instant; a value that is not a time is returned as it came. */
export function shanghaiDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Asia/Shanghai, `YYYY-MM-DD` (the device clock; for display choices only, never for rules). */
export function shanghaiToday(now: number = Date.now()): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-09-28` (or an instant) -> `2026年9月28日`. */
export function formatChineseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(shanghaiDate(value));
  if (!m) return value;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2026-09-28` -> `9月28日`, with the year in front when it is not `thisYear`. */
export function formatShortDate(value: string, thisYear: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(shanghaiDate(value));
  if (!m) return value;
  const md = `${Number(m[2])}月${Number(m[3])}日`;
  return m[1] === thisYear ? md : `${m[1]}年${md}`;
}

/** A date range `2026年9月28日至10月9日`: the end drops the year when it is the start's. */
export function formatDateRange(start: string, end: string): string {
  const s = shanghaiDate(start);
  const e = shanghaiDate(end);
  return `${formatChineseDate(s)}至${formatShortDate(e, s.slice(0, 4))}`;
}
