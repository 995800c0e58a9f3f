/**
 * Semesters as the activist file counts them. No regulation fixes a school's calendar: the first semester of an
 * academic year runs from 1 September to the last day of February, the second from 1 March to 31 August (a product
 * decision, see the rulebook's decisions). A term is written `2026-2027-1` / `2026-2027-2`.
 */

const TERM = /^(\d{4})-(\d{4})-([12])$/;

/** The semester a Shanghai calendar date (YYYY-MM-DD) falls in. */
export function semesterOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (m >= 9) return `${y}-${y + 1}-1`;
  if (m <= 2) return `${y - 1}-${y}-1`;
  return `${y - 1}-${y}-2`;
}

/** First and last day of a term (inclusive), or null when the term is not of the form `2026-2027-1`. */
export function semesterRange(term: string): { start: string; end: string } | null {
  const m = TERM.exec(term);
  if (!m) return null;
  const [from, to, half] = [Number(m[1]), Number(m[2]), m[3]];
  if (to !== from + 1) return null;
  if (half === '1') {
    const leap = (to % 4 === 0 && to % 100 !== 0) || to % 400 === 0;
    return { start: `${from}-09-01`, end: `${to}-02-${leap ? '29' : '28'}` };
  }
  return { start: `${to}-03-01`, end: `${to}-08-31` };
}

/** Whether a date (or an ISO instant's date part) lies within the term. */
export function inSemester(range: { start: string; end: string }, date: string): boolean {
  const d = date.slice(0, 10);
  return d >= range.start && d <= range.end;
}

/** The term label people read: 2026—2027学年第一学期. */
export function semesterLabel(term: string): string {
  const m = TERM.exec(term);
  if (!m) return term;
  return `${m[1]}—${m[2]}学年第${m[3] === '1' ? '一' : '二'}学期`;
}
