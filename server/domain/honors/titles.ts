/**
 * Which unit may award which title (C6). Each awarding kind of unit has its own list: the federation honours
 * association work, the League committee League work, the party committee party work, a college its own
 * students. The list is a school setting (`settings/honor_titles`) whose defaults are below.
 */
import type { UnitKind } from '../../../typings/domain';
import type { AwardingKind, RecipientKind } from '../../../typings/vocabulary';
import { DomainError } from '../errors';

export interface TitleRule {
  title: string;
  /** Who may receive it. */
  recipients: readonly RecipientKind[];
  /** For a branch title: the kinds of branch it is for (absent: any branch). */
  branchKinds?: readonly UnitKind[];
  /** C3: conferred only on those elected by a 评优 vote (whose candidates were graded 优秀). */
  needsVote: boolean;
  /** C7: conferred only after a 公示 by the awarding unit that closed with no upheld objection. */
  needsPublicity: boolean;
}

export type TitleTable = Record<AwardingKind, readonly TitleRule[]>;

const person = ['person'] as const;
const branch = ['branch'] as const;
const association = ['association'] as const;

/**
 * C6 defaults. Person titles of the party and League lines are 评优 outcomes (C3: commended members are drawn from
 * those graded 优秀, by a vote of the branch) and are publicised (D4); the federation's and colleges' titles are
 * publicised where they commend a person or an association before the school.
 */
export const DEFAULT_TITLE_TABLE: TitleTable = {
  federation: [
    { title: '优秀学生骨干', recipients: person, needsVote: false, needsPublicity: true },
    { title: '优秀社团干部', recipients: person, needsVote: false, needsPublicity: true },
    { title: '五星社团', recipients: association, needsVote: false, needsPublicity: true },
    { title: '优秀社团', recipients: association, needsVote: false, needsPublicity: false },
  ],
  league_committee: [
    { title: '优秀共青团员', recipients: person, needsVote: true, needsPublicity: true },
    { title: '优秀团干部', recipients: person, needsVote: true, needsPublicity: true },
    {
      title: '五四红旗团支部',
      recipients: branch,
      branchKinds: ['league_branch', 'temp_league_branch'],
      needsVote: false,
      needsPublicity: true,
    },
  ],
  party_committee: [
    { title: '优秀共产党员', recipients: person, needsVote: true, needsPublicity: true },
    { title: '优秀党务工作者', recipients: person, needsVote: true, needsPublicity: true },
    {
      title: '先进临时党支部',
      recipients: branch,
      branchKinds: ['temp_party_branch'],
      needsVote: false,
      needsPublicity: true,
    },
    {
      title: '先进基层党组织',
      recipients: branch,
      branchKinds: ['party_branch', 'temp_party_branch'],
      needsVote: false,
      needsPublicity: true,
    },
  ],
  college: [
    { title: '优秀学生干部', recipients: person, needsVote: false, needsPublicity: true },
    { title: '社会实践先进个人', recipients: person, needsVote: false, needsPublicity: false },
    {
      title: '先进团支部',
      recipients: branch,
      branchKinds: ['league_branch', 'temp_league_branch'],
      needsVote: false,
      needsPublicity: true,
    },
  ],
};

/** The list a unit of this kind awards from, or null when such a unit awards nothing. */
export function awardingKindOf(unitKind: UnitKind): AwardingKind | null {
  switch (unitKind) {
    case 'federation':
    case 'league_committee':
    case 'party_committee':
    case 'college':
      return unitKind;
    default:
      return null;
  }
}

/** C6: the rule of `title` in the list of a unit of kind `unitKind`, or null when that unit may not award it. */
export function titleEntitledFor(table: TitleTable, unitKind: UnitKind, title: string): TitleRule | null {
  const kind = awardingKindOf(unitKind);
  if (!kind) return null;
  return table[kind].find((t) => t.title === title) ?? null;
}

/** C6: throws TITLE_NOT_ENTITLED when the unit's list lacks the title. */
export function assertTitleEntitled(table: TitleTable, unitKind: UnitKind, title: string): TitleRule {
  const rule = titleEntitledFor(table, unitKind, title);
  if (!rule) throw new DomainError('TITLE_NOT_ENTITLED', undefined, { title: '该组织不能授予此荣誉称号' });
  return rule;
}

/** What kind of recipient a unit is (null: a unit of this kind receives no honor). */
export function recipientKindOfUnit(unitKind: UnitKind): Exclude<RecipientKind, 'person'> | null {
  if (unitKind === 'association') return 'association';
  if (
    unitKind === 'party_branch' ||
    unitKind === 'league_branch' ||
    unitKind === 'temp_party_branch' ||
    unitKind === 'temp_league_branch'
  ) {
    return 'branch';
  }
  return null;
}

/**
 * C6: the title goes to the kind of recipient its rule names (a branch title to the kinds of branch it is for: a
 * party title to a party branch, a League title to a League branch); throws RECIPIENT_KIND_INVALID otherwise.
 */
export function assertRecipientFits(rule: TitleRule, recipient: RecipientKind | null, unitKind?: UnitKind): void {
  const branchFits = recipient !== 'branch' || !rule.branchKinds || (!!unitKind && rule.branchKinds.includes(unitKind));
  if (!recipient || !rule.recipients.includes(recipient) || !branchFits) {
    throw new DomainError('RECIPIENT_KIND_INVALID', undefined, { recipient: '此荣誉称号不能授予该对象' });
  }
}

/**
 * A school's own list replaces the default list of an awarding kind it sets; a kind it does not set keeps the
 * default. Titles are unique within a list.
 */
export function titleTableWith(overrides: Partial<TitleTable> | null | undefined): TitleTable {
  const out = { ...DEFAULT_TITLE_TABLE };
  for (const [kind, list] of Object.entries(overrides ?? {}) as [AwardingKind, readonly TitleRule[]][]) {
    if (!(kind in DEFAULT_TITLE_TABLE) || !Array.isArray(list)) continue;
    const seen = new Set<string>();
    out[kind] = list.filter((t) => !seen.has(t.title) && seen.add(t.title));
  }
  return out;
}

/**
 * C6 with C3 and C7: a school may add titles to a list, drop them and tighten them, but a title the defaults confer
 * only after a 评优 vote or a 公示 keeps that step (throws RULE_OVERRIDE_LOOSER naming the title); titles are unique
 * within a list (BAD_INPUT).
 */
export function assertTitleListKeepsFloors(kind: AwardingKind, list: readonly TitleRule[]): void {
  const seen = new Set<string>();
  list.forEach((t, i) => {
    if (seen.has(t.title)) throw new DomainError('BAD_INPUT', undefined, { [`titles.${i}.title`]: '称号重复' });
    seen.add(t.title);
    const floor = DEFAULT_TITLE_TABLE[kind].find((d) => d.title === t.title);
    if (!floor) return;
    if ((floor.needsVote && !t.needsVote) || (floor.needsPublicity && !t.needsPublicity)) {
      throw new DomainError('RULE_OVERRIDE_LOOSER', undefined, {
        [`titles.${i}`]: `「${t.title}」须经${floor.needsVote ? '评优表决' : ''}${floor.needsVote && floor.needsPublicity ? '和' : ''}${floor.needsPublicity ? '公示' : ''}`,
      });
    }
  });
}
