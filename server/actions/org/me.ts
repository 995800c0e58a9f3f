import { type Binding, POLITICAL_STATUS_LABELS, type Person } from '../../../typings/domain';
import { defineAction } from '../../action';
import { capabilitiesOf } from '../../domain/org/permissions';
import { allUnits, BINDINGS, bindingIdFor, currentPositions, toPositionView, toUnitView, unitsById } from './shared';

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
      };
    }
    const positions = currentPositions(person, today);
    const own = ownUnitIds(person);
    const units = await unitsById(store, [person.collegeId, ...own, ...positions.map((p) => p.unitId)]);
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
    };
  },
});

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
