/**
 * What a unit may publish, and where. A 公示 is the record of a step, so it comes from the organisation that
 * takes the step, and it reaches the people around the person it names.
 */

import type { NoticeKind } from '../../../typings/actions/notices';
import type { Person, Unit, UnitKind } from '../../../typings/domain';
import type { ErrorCode } from '../../../typings/errors';

const DEVELOPMENT_STEPS: readonly NoticeKind[] = ['activist', 'development_candidate', 'acceptance', 'conversion'];

/** 推优 is published by a League organisation that recommends: a League branch, or a college or committee above it. */
const TUIYOU_PUBLISHERS: readonly UnitKind[] = ['league_branch', 'league_committee', 'college', 'school'];

/** Association business (骨干选任) is published in the association line. */
const ASSOCIATION_PUBLISHERS: readonly UnitKind[] = [
  'association',
  'temp_league_branch',
  'federation',
  'league_committee',
  'college',
  'school',
];

export type OriginRefusal = { code: Extract<ErrorCode, 'NOTICE_ORIGIN_INVALID'>; message: string };

/**
 * Who may publish a 公示 of this kind:
 * - the development steps (activist, 发展对象, acceptance, conversion) only from the home party branch of every person
 *   named (D6: the temporary party branch does not own a development case, development stays with the home
 *   branch; 《中国共产党发展党员工作细则》: the branch decides each step), so every subject must be a person on the
 *   roster of that branch;
 * - 推优 from the League organisation (B5: the League branch publishes its list before the League committee
 *   approves), never a temporary League branch (B7: registration and development stay home) or a party organisation;
 * - 骨干选任 from the association line (the association's own backbone selection; D5);
 * - an honor, and any other notice, from its owner, the awarding unit itself.
 */
export function checkNoticeOrigin(
  kind: NoticeKind,
  owner: Pick<Unit, '_id' | 'kind'>,
  subjects: readonly { personId: string | null; person: Pick<Person, 'homePartyBranchId'> | null }[],
): OriginRefusal | null {
  const refuse = (message: string): OriginRefusal => ({ code: 'NOTICE_ORIGIN_INVALID', message });
  if (DEVELOPMENT_STEPS.includes(kind)) {
    if (owner.kind !== 'party_branch') {
      return refuse('发展党员各环节的公示只能由本人组织关系所在的党支部发布，临时党支部、团组织不能发布');
    }
    if (subjects.length === 0) return refuse('请从名册中选择公示对象');
    if (subjects.some((s) => !s.personId || s.person?.homePartyBranchId !== owner._id)) {
      return refuse('公示对象须为组织关系在本党支部的人员');
    }
    return null;
  }
  if (kind === 'tuiyou' && !TUIYOU_PUBLISHERS.includes(owner.kind)) {
    return refuse('推优公示只能由团组织（团支部或上级团组织）发布');
  }
  if (kind === 'backbone' && !ASSOCIATION_PUBLISHERS.includes(owner.kind)) {
    return refuse('骨干选任公示只能由社团、社团临时团支部或社团联合会发布');
  }
  return null;
}

/**
 * Where a notice may be posted: its own unit or units below it (the owning officers answer objections from every
 * reader), and also the units a person it names belongs to that are not above the owner: a party branch posts the
 * notice of a candidate to the candidate's class League branch and association, where the people who know the
 * candidate are (E2: the 公示 reaches the masses around the person). Returns the first unit not allowed, or null.
 */
export function firstScopeUnitNotAllowed(
  owner: Pick<Unit, '_id'>,
  scopeUnits: readonly Pick<Unit, '_id' | 'ancestors'>[],
  subjects: readonly Pick<Person, 'memberOf'>[],
  ownerAncestors: readonly string[],
): string | null {
  const around = new Set(subjects.flatMap((s) => s.memberOf).filter((id) => !ownerAncestors.includes(id)));
  for (const u of scopeUnits) {
    const belowOwner = u._id === owner._id || u.ancestors.includes(owner._id);
    if (!belowOwner && !around.has(u._id)) return u._id;
  }
  return null;
}
