/** The shared schema pieces every action's text and dates go through (typings/actions/common.ts). */
import {
  DateStr,
  dateExists,
  FreeText,
  normalizeText,
  onlyInvisible,
  PersonName,
  StudentNo,
  Text,
} from '../../../typings/actions/common';

const INVISIBLES = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2060',
  '\u2061',
  '\u2062',
  '\u2063',
  '\u2064',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\uFEFF',
  '\u00AD',
  '\u061C',
  '\u3164',
  '\u115F',
  '\uFE0F',
];

describe('normalizeText', () => {
  it.each(INVISIBLES.map((c) => [c.codePointAt(0)?.toString(16).toUpperCase(), c]))(
    'strips U+%s wherever it stands',
    (_hex, c) => {
      expect(normalizeText(`${c}张${c}三${c}`)).toBe('张三');
    },
  );

  it('composes to NFC, trims, and keeps line breaks and tabs inside', () => {
    expect(normalizeText('  e\u0301\tx\ny  ')).toBe('\u00E9\tx\ny');
    expect(normalizeText('a\u0000b\u0007c')).toBe('abc');
  });

  it('tells text that held only invisible characters from plain blank text', () => {
    expect(onlyInvisible('\u200B\u200B\u200B')).toBe(true);
    expect(onlyInvisible(' \u2066 \u2069 ')).toBe(true);
    expect(onlyInvisible('   ')).toBe(false);
    expect(onlyInvisible('')).toBe(false);
    expect(onlyInvisible('有\u200B字')).toBe(false);
  });
});

describe('Text (required) and FreeText', () => {
  const reason = Text('理由', 10, 2);

  it('checks the length after normalising, so invisible padding neither fills nor overflows it', () => {
    expect(reason.safeParse('\u200B\u200B\u200B').success).toBe(false);
    expect(reason.safeParse('理\u200B').success).toBe(false);
    expect(reason.parse(`\u202E理由充分${'\u200B'.repeat(20)}`)).toBe('理由充分');
    expect(reason.safeParse('理'.repeat(11)).success).toBe(false);
  });

  it('refuses blank required text with the label in the message', () => {
    const r = Text('标题', 60).safeParse('   ');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('请填写标题');
  });

  it('lets free text be blank for the domain to judge, but never invisible-only', () => {
    const free = FreeText('理由', 200);
    expect(free.parse('  ')).toBe('');
    expect(free.safeParse('\u200B').success).toBe(false);
    expect(free.safeParse('理'.repeat(201)).success).toBe(false);
    expect(FreeText('异议内容').parse(` ${'异'.repeat(600)} `)).toHaveLength(600);
  });
});

describe('PersonName', () => {
  it.each(['张三', '欧阳明轩', '阿依古丽·买买提', 'Maria Garcia', 'Zoë Müller', '金志훈'])('accepts %s', (name) => {
    expect(PersonName.safeParse(name).success).toBe(true);
  });

  it.each([
    ['only a zero-width space', '\u200B'],
    ['Hangul fillers that render blank', '\u3164\u3164'],
    ['digits', '张三1'],
    ['punctuation', '张三!'],
    ['an emoji', '张三😀'],
    ['one character', '张'],
    ['a leading dot', '·张三'],
    ['two dots in a row', '阿依古丽··买买提'],
    ['over 30 characters', '张'.repeat(31)],
  ])('refuses %s', (_what, name) => {
    expect(PersonName.safeParse(name).success).toBe(false);
  });

  it('stores lookalike dots as the middle dot and drops invisible characters inside', () => {
    expect(PersonName.parse('阿依古丽・买买提')).toBe('阿依古丽·买买提');
    expect(PersonName.parse('阿依古丽 · 买买提')).toBe('阿依古丽·买买提');
    expect(PersonName.parse('张\u200B三')).toBe('张三');
  });
});

describe('StudentNo', () => {
  it('reads full-width digits as ASCII and refuses invisible characters', () => {
    expect(StudentNo.parse('２０２５０１０１０１')).toBe('2025010101');
    expect(StudentNo.parse('2025\u200B010101')).toBe('2025010101');
    expect(StudentNo.safeParse('\u200B').success).toBe(false);
  });
});

describe('DateStr', () => {
  it.each(['2026-02-31', '0000-00-00', '2026-13-01', '2026-04-31', '2025-02-29', '1899-12-31', '2026-1-5'])(
    'refuses %s',
    (d) => {
      expect(DateStr.safeParse(d).success).toBe(false);
    },
  );

  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (d) => {
    expect(DateStr.safeParse(d).success).toBe(true);
  });

  it('knows 1900 and 2100 are not leap years', () => {
    expect(dateExists('1900-02-29')).toBe(false);
    expect(dateExists('2100-02-29')).toBe(false);
  });
});
