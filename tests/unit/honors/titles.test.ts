import { DomainError } from '../../../server/domain/errors';
import {
  assertRecipientFits,
  assertTitleEntitled,
  assertTitleListKeepsFloors,
  DEFAULT_TITLE_TABLE,
  recipientKindOfUnit,
  titleEntitledFor,
  titleTableWith,
} from '../../../server/domain/honors';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
}

describe('which unit may award which title (C6)', () => {
  it('lets the federation award 五星社团 and 优秀学生骨干, but not 优秀共产党员', () => {
    expect(titleEntitledFor(DEFAULT_TITLE_TABLE, 'federation', '五星社团')?.recipients).toEqual(['association']);
    expect(titleEntitledFor(DEFAULT_TITLE_TABLE, 'federation', '优秀学生骨干')).not.toBeNull();
    expect(codeOf(() => assertTitleEntitled(DEFAULT_TITLE_TABLE, 'federation', '优秀共产党员'))).toBe(
      'TITLE_NOT_ENTITLED',
    );
  });

  it('lets the League committee award 优秀共青团员 after a vote, and the party committee 先进临时党支部', () => {
    expect(assertTitleEntitled(DEFAULT_TITLE_TABLE, 'league_committee', '优秀共青团员').needsVote).toBe(true);
    expect(assertTitleEntitled(DEFAULT_TITLE_TABLE, 'party_committee', '先进临时党支部').recipients).toEqual([
      'branch',
    ]);
  });

  it('gives a branch or an association no titles to award', () => {
    expect(titleEntitledFor(DEFAULT_TITLE_TABLE, 'party_branch', '优秀共产党员')).toBeNull();
    expect(titleEntitledFor(DEFAULT_TITLE_TABLE, 'association', '优秀社团干部')).toBeNull();
  });

  it('refuses a title for the wrong kind of recipient, and a party title for a League branch', () => {
    const rule = assertTitleEntitled(DEFAULT_TITLE_TABLE, 'federation', '五星社团');
    expect(codeOf(() => assertRecipientFits(rule, 'person'))).toBe('RECIPIENT_KIND_INVALID');
    expect(codeOf(() => assertRecipientFits(rule, recipientKindOfUnit('association')))).toBeNull();
    expect(recipientKindOfUnit('temp_party_branch')).toBe('branch');
    const party = assertTitleEntitled(DEFAULT_TITLE_TABLE, 'party_committee', '先进临时党支部');
    expect(codeOf(() => assertRecipientFits(party, 'branch', 'temp_league_branch'))).toBe('RECIPIENT_KIND_INVALID');
    expect(codeOf(() => assertRecipientFits(party, 'branch', 'temp_party_branch'))).toBeNull();
    expect(recipientKindOfUnit('college')).toBeNull();
  });

  it('lets a school replace one list and keeps the defaults of the others', () => {
    const table = titleTableWith({
      college: [
        { title: '学院之星', recipients: ['person'], needsVote: false, needsPublicity: false },
        { title: '学院之星', recipients: ['branch'], needsVote: false, needsPublicity: false },
      ],
    });
    expect(table.college.map((t) => t.title)).toEqual(['学院之星']);
    expect(table.federation).toBe(DEFAULT_TITLE_TABLE.federation);
  });

  it('lets a school add and tighten titles but never drop the vote or 公示 a default title needs', () => {
    const strict = { title: '优秀学生骨干', recipients: ['person'] as const, needsVote: true, needsPublicity: true };
    expect(codeOf(() => assertTitleListKeepsFloors('federation', [strict]))).toBeNull();
    const loose = { title: '优秀共青团员', recipients: ['person'] as const, needsVote: true, needsPublicity: false };
    expect(codeOf(() => assertTitleListKeepsFloors('league_committee', [loose]))).toBe('RULE_OVERRIDE_LOOSER');
    expect(codeOf(() => assertTitleListKeepsFloors('college', [strict, strict]))).toBe('BAD_INPUT');
  });
});
