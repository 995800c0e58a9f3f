/**
 * The school's minimum 公示 windows (E2: local rules are stricter than the rule versions, and differ), one document
 * `settings/notice_windows`. Tighten only (server/domain/notices/school-windows.ts). A notice is checked against the
 * table in force when it is drafted and again when it is published; a published window never moves.
 */
import {
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  type NoticeKind,
  type NoticeWindowSettingView,
} from '../../../typings/actions/notices';
import { RULE_VERSIONS, type UnitKind } from '../../../typings/domain';
import { defineAction } from '../../action';
import { PUBLICITY_REQUIREMENTS } from '../../domain/notices/requirements';
import { assertSchoolWindow, type WindowMinimum, withSchoolWindows } from '../../domain/notices/school-windows';
import { noticeBusiness } from '../../domain/org/lines';
import { authorizeSettingOwners } from '../org/authority';
import { loadNoticeWindows, NOTICE_SETTINGS, NOTICE_WINDOWS_ID, type NoticeWindowsDoc } from './authority';

function settingView(kind: NoticeKind, school: WindowMinimum | null): NoticeWindowSettingView {
  const inForce = withSchoolWindows(school ? { [kind]: school } : {});
  return {
    kind,
    kindLabel: NOTICE_KIND_LABELS[kind],
    school,
    versions: RULE_VERSIONS.map((ruleVersion) => {
      const national = PUBLICITY_REQUIREMENTS[ruleVersion][kind];
      const now = inForce[ruleVersion][kind];
      return {
        ruleVersion,
        national: national.minimum,
        nationalRequired: national.required,
        source: national.source,
        inForce: now.minimum,
        required: now.required,
      };
    }),
  };
}

/** Who sets a kind's window: the committee of its line (development steps: party; 推优: League), or either. */
function settingOwners(kind: NoticeKind): UnitKind[] {
  const line = noticeBusiness(kind);
  if (line === 'party') return ['party_committee'];
  if (line === 'league') return ['league_committee'];
  return ['party_committee', 'league_committee'];
}

export const noticesWindowSettings = defineAction({
  name: 'notices.windowSettings',
  summary: '本校公示期设置：各类公示按规则版本的最短期限、本校规定及实际执行的期限',
  access: { kind: 'permission', permission: 'notice.manage' },
  errors: [],
  async run({ store }) {
    const doc = await loadNoticeWindows(store);
    return {
      kinds: NOTICE_KINDS.map((k) => settingView(k, doc?.minimums[k] ?? null)),
      updatedAt: doc?.updatedAt ?? null,
      updatedBy: doc?.updatedByName ?? null,
    };
  },
});

export const noticesSetWindowSettings = defineAction({
  name: 'notices.setWindowSettings',
  summary: '设置本校某类公示的最短公示期：只能比规则规定的更长（从严），只影响此后起草或发布的公示',
  access: { kind: 'permission', permission: 'rules.configure' },
  errors: ['OUT_OF_SCOPE', 'RULE_OVERRIDE_LOOSER', 'UNIT_NOT_FOUND'],
  async run({ actor, store, write, nowIso }, { kind, minimum }) {
    await authorizeSettingOwners(actor, store, ['school', ...settingOwners(kind)]);
    assertSchoolWindow(kind, minimum);
    const person = actor.requirePerson();
    return write(async (tx) => {
      const before = await tx.get<NoticeWindowsDoc>(NOTICE_SETTINGS, NOTICE_WINDOWS_ID);
      const minimums = { ...(before?.minimums ?? {}) };
      if (minimum) minimums[kind] = minimum;
      else delete minimums[kind];
      const after: NoticeWindowsDoc = {
        _id: NOTICE_WINDOWS_ID,
        minimums,
        updatedAt: nowIso,
        updatedBy: person._id,
        updatedByName: person.name,
      };
      await tx.put(NOTICE_SETTINGS, after);
      tx.audit(
        'notices.setWindowSettings',
        `${NOTICE_SETTINGS}/${NOTICE_WINDOWS_ID}#${kind}`,
        before?.minimums[kind] ?? null,
        minimum,
      );
      return settingView(kind, minimum);
    });
  },
});
