import * as z from 'zod';

/** Document ids we generate: short, URL-safe. Never an openid. */
export const Id = z
  .string()
  .min(1, '不能为空')
  .max(64, '编号过长')
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');

// ---------------------------------------------------------------------------------------------------------------
// Text people type. Every schema that takes text uses these pieces, so every action gets the same treatment:
// NFC, invisible characters stripped, trimmed, and only then the length rules.

/**
 * Characters that show nothing: every format character (Unicode category Cf: zero-width space/joiners U+200B–U+200D,
 * LRM/RLM U+200E–U+200F, bidi embeddings and overrides U+202A–U+202E, word joiner and invisible operators
 * U+2060–U+2064, bidi isolates U+2066–U+2069, BOM U+FEFF, soft hyphen, Arabic letter mark, ...), the Hangul fillers
 * that render blank but count as letters (U+115F, U+1160, U+3164, U+FFA0), the combining grapheme joiner and
 * variation selectors, and control characters other than tab and line breaks.
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the marks are listed to be removed, never to combine
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u034F\u180B-\u180D\uFE00-\uFE0F]|[^\P{Cc}\t\n\r]/gu;

/** Text as stored: NFC, without invisible characters, trimmed (line breaks inside are kept). */
export function normalizeText(raw: string): string {
  return raw.normalize('NFC').replace(INVISIBLE, '').trim();
}

/** True when the text had something in it, but nothing visible: a lookalike of empty (e.g. three U+200B). */
export function onlyInvisible(raw: string): boolean {
  return raw.trim() !== '' && normalizeText(raw) === '';
}

const INVISIBLE_ONLY = { message: '内容只含不可见字符，请填写实际内容' } as const;

/** The base of every text piece: refuses invisible-only input, then normalises (the length checks see the result). */
function cleanString() {
  return z
    .string()
    .refine((raw) => !onlyInvisible(raw), INVISIBLE_ONLY)
    .overwrite(normalizeText);
}

/** Required text: 1 (or `min`) to `max` characters after normalising. */
export function Text(label: string, max: number, min = 1) {
  return cleanString()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}不超过 ${max} 字`);
}

/**
 * Text that may be blank after normalising (the domain decides what blank means and answers with its own code, e.g.
 * WITHDRAW_REASON_REQUIRED); invisible-only input is still refused here. Without `max` the length is the domain's too.
 */
export function FreeText(label: string, max?: number) {
  const s = cleanString();
  return max === undefined ? s : s.max(max, `${label}不超过 ${max} 字`);
}

/**
 * A person's name: letters only (Han characters and letters of any script, with their combining marks), parts joined
 * by the middle dot · (阿依古丽·买买提) or, for names in Latin script, a single space. Lookalike dots (・ • ‧ ．) are
 * stored as ·. 2–30 characters.
 */
export const PersonName = cleanString()
  .overwrite((s) => s.replace(/[・•‧．･]/g, '·').replace(/\s*·\s*/g, '·'))
  .min(2, '姓名至少 2 个字')
  .max(30, '姓名不超过 30 个字')
  .regex(/^[\p{L}\p{M}]+(?:[· ][\p{L}\p{M}]+)*$/u, '姓名只能包含文字，多段之间可用间隔号 ·');

/** Student numbers: full-width digits and letters are read as their ASCII forms. */
export const StudentNo = cleanString()
  .overwrite((s) => s.normalize('NFKC'))
  .regex(/^[A-Za-z0-9]{4,20}$/, '学号应为 4–20 位字母或数字');

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** Whether y-m-d names a day of the Gregorian calendar in the years this product can mean (1900–2199). */
export function dateExists(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

/** A calendar date in Asia/Shanghai, YYYY-MM-DD, that exists (2026-02-31 and 0000-00-00 are refused). */
export const DateStr = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(dateExists, '日期不存在');

/** Pagination: every list action takes these, with the same bounds. */
export const PageInput = {
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
};

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}
