/**
 * The school's own table of minimum 公示 windows (E2: local rules differ — tccu publicises four steps for ≥ 5
 * working days, hlxy two steps for 7 days). A school may only add or lengthen a minimum, never shorten or remove
 * one the rule version sets; the table applies under every rule version, so it is checked against each.
 */
import type { NoticeKind, WindowUnit } from '../../../typings/actions/notices';
import { RULE_VERSIONS } from '../../../typings/domain';
import { DomainError } from '../errors';
import { PUBLICITY_REQUIREMENTS, type PublicityRequirement, type RequirementTable } from './requirements';

export interface WindowMinimum {
  length: number;
  unit: WindowUnit;
}

/** The school's minimum per kind; a kind not in it follows the rule version alone. */
export type SchoolWindowTable = Partial<Record<NoticeKind, WindowMinimum>>;

/**
 * Whether `school` is at least as strict as `national` whatever the calendar: the same unit and no shorter, or
 * working days against calendar days with no fewer (n working days always span at least n calendar days).
 * Calendar days against working days are never comparable (a holiday week holds 7 days and no working day).
 */
export function atLeastAsStrict(school: WindowMinimum, national: WindowMinimum | null): boolean {
  if (!national) return true;
  if (school.length < national.length) return false;
  return school.unit === national.unit || school.unit === 'workday';
}

/** E2: refuses a school minimum that is looser than the minimum of the kind under any rule version. */
export function assertSchoolWindow(
  kind: NoticeKind,
  minimum: WindowMinimum | null,
  table: RequirementTable = PUBLICITY_REQUIREMENTS,
): void {
  if (minimum === null) return; // no school minimum: the rule version's own applies
  for (const version of RULE_VERSIONS) {
    const national = table[version][kind].minimum;
    if (national && !atLeastAsStrict(minimum, national)) {
      const unit = national.unit === 'workday' ? '个工作日' : '天';
      throw new DomainError(
        'RULE_OVERRIDE_LOOSER',
        `该类公示的最短期限不能少于${national.length}${unit}（${version}）`,
      );
    }
  }
}

/**
 * E2: the table a notice is checked against: the rule version's, with the school's minimum where the school set one
 * (then the 公示 is also required). Assumes the school's entries passed `assertSchoolWindow`.
 */
export function withSchoolWindows(
  school: SchoolWindowTable,
  table: RequirementTable = PUBLICITY_REQUIREMENTS,
): RequirementTable {
  const out = {} as RequirementTable;
  for (const version of RULE_VERSIONS) {
    const row = { ...table[version] };
    for (const [kind, minimum] of Object.entries(school) as [NoticeKind, WindowMinimum | undefined][]) {
      if (!minimum) continue;
      const national: PublicityRequirement = row[kind];
      row[kind] = atLeastAsStrict(minimum, national.minimum)
        ? { required: true, minimum, source: `本校规定（国家或规则版本：${national.source}）` }
        : national;
    }
    out[version] = row;
  }
  return out;
}
