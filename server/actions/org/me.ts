import type { ManagedUnitsView, VoteUnitView } from '../../../typings/actions';
import { type Binding, type Person, POLITICAL_STATUS_LABELS, type Unit, type UnitKind } from '../../../typings/domain';
import { RULE_VERSIONS, VOTE_KINDS, type VoteKind } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import type { Actor } from '../../actor';
import { capabilitiesOf } from '../../domain/org/permissions';
import { ruleSetFor } from '../../domain/votes';
import { FRESHMEN_PERMISSION } from '../activists/access';
import { committeeUnits, officerBranches } from '../pipeline/access';
import { BINDINGS, bindingIdFor } from './docs';
import { allUnits, unitsById, unitsWithin } from './load';
import { currentPositions, toPositionView, toUnitView } from './views';

export const meGet = defineAction({
  name: 'me.get',
  summary: '我的信息：实名绑定状态、政治面貌、所在组织、当前职务',
  access: { kind: 'anyone' },
  errors: [],
  async run({ actor, store, today }) {
    const person = actor.person;
    if (!person) {
      const binding = await store.get<Binding>(BINDINGS, bindingIdFor(actor.openid));
      return {
        bound: false,
        person: null,
        binding: binding
          ? { id: binding._id, state: binding.state, submittedAt: binding.submittedAt, reason: binding.reason }
          : null,
        positions: [],
        units: [],
        capabilities: [],
        manages: { votes: [], notices: [], freshmen: [], partyCommittee: [], assessFrom: [] },
      };
    }
    const positions = currentPositions(person, today);
    const own = ownUnitIds(person);
    const voteRoots = actor.unitsWhere('vote.manage');
    const noticeUnits = actor.unitsWhere('notice.manage');
    const bindingRoots = actor.unitsWhere(FRESHMEN_PERMISSION);
    // Reads side by side: the units the page names, and (officers only) every unit under a vote manager's and under
    // a binding approver's (the colleges of the 新生信息库).
    const [units, voteScope, bindingScope] = await Promise.all([
      unitsById(store, [person.collegeId, ...own, ...positions.map((p) => p.unitId), ...noticeUnits]),
      unitsWithin(store, voteRoots),
      unitsWithin(store, bindingRoots),
    ]);
    const names = new Map([...units].map(([id, u]) => [id, u.name]));
    return {
      bound: true,
      person: {
        id: person._id,
        name: person.name,
        studentNo: person.studentNo,
        collegeId: person.collegeId,
        collegeName: names.get(person.collegeId) ?? '',
        status: person.status,
        statusLabel: POLITICAL_STATUS_LABELS[person.status],
      },
      binding: null,
      positions: positions.map((p) => toPositionView(p, names)),
      units: own.flatMap((id) => {
        const u = units.get(id);
        return u ? [toUnitView(u)] : [];
      }),
      capabilities: capabilitiesOf(person.positions, today),
      manages: {
        ...managedUnits(actor, voteScope, units),
        freshmen: bindingScope
          .filter((u) => u.kind === 'college')
          .sort((a, b) => a._id.localeCompare(b._id))
          .map(toUnitView),
        partyCommittee: committeeUnits(person, today).flatMap((id) => {
          const u = units.get(id);
          return u ? [toUnitView(u)] : [];
        }),
        // D6: the temporary branches whose officers send assessments home (the 临时支部考察 entry).
        assessFrom: officerBranches(person, today).flatMap((id) => {
          const u = units.get(id);
          return u && (u.kind === 'temp_party_branch' || u.kind === 'temp_league_branch') ? [toUnitView(u)] : [];
        }),
      },
    };
  },
});

/** The kinds of vote a unit of this kind may hold under some rule version (the rule sets' hostUnits). */
export function voteKindsHeldBy(unitKind: UnitKind): VoteKind[] {
  return VOTE_KINDS.filter((kind) =>
    RULE_VERSIONS.some((version) => ruleSetFor(kind, version).hostUnits.includes(unitKind)),
  );
}

/**
 * Where the person may act as an officer (MeView.manages), from the same permission and scope functions the
 * actions check with: votes in every unit at or below a vote.manage position that may hold a vote, notices in the
 * units of notice.manage positions.
 */
function managedUnits(
  actor: Actor,
  voteScope: readonly Unit[],
  named: ReadonlyMap<string, Unit>,
): Omit<ManagedUnitsView, 'freshmen' | 'partyCommittee' | 'assessFrom'> {
  const roots = actor.unitsWhere('vote.manage');
  const rootIndex = (u: Unit) => {
    const i = roots.findIndex((r) => r === u._id || u.ancestors.includes(r));
    return i < 0 ? roots.length : i;
  };
  const votes: VoteUnitView[] = [...voteScope]
    .sort(
      (a, b) => rootIndex(a) - rootIndex(b) || a.ancestors.length - b.ancestors.length || a._id.localeCompare(b._id),
    )
    .map((u) => ({ ...toUnitView(u), voteKinds: voteKindsHeldBy(u.kind) }))
    .filter((u) => u.voteKinds.length > 0);
  const notices = actor.unitsWhere('notice.manage').flatMap((id) => {
    const u = named.get(id);
    return u ? [toUnitView(u)] : [];
  });
  return { votes, notices };
}

/** The person's own organisations besides the college, home branches first (MeView.units). */
function ownUnitIds(person: Person): string[] {
  const home = [person.homePartyBranchId, person.homeLeagueBranchId].filter((id): id is string => Boolean(id));
  return [...new Set([...home, ...person.memberOf])].filter((id) => id !== person.collegeId);
}

export const orgTree = defineAction({
  name: 'org.tree',
  summary: '组织架构：学校、党委、团委、社联、学院、支部、社团及其临时支部',
  access: { kind: 'anyone' },
  errors: [],
  async run({ store }) {
    const units = await allUnits(store);
    return { units: units.map(toUnitView) };
  },
});
