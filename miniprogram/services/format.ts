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
