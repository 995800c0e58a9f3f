/** View mappers of the organisation actions. */
import type { PositionView, UnitView } from '../../../typings/actions';
import { type Person, type Position, ROLE_LABELS, UNIT_KIND_LABELS, type Unit } from '../../../typings/domain';
import { positionIsActive } from '../../domain/org/permissions';

export function toUnitView(u: Unit): UnitView {
  return { id: u._id, kind: u.kind, kindLabel: UNIT_KIND_LABELS[u.kind], name: u.name, parentId: u.parentId };
}

export function toPositionView(p: Position, unitNames: Map<string, string>): PositionView {
  return {
    id: p.id,
    role: p.role,
    roleLabel: ROLE_LABELS[p.role],
    unitId: p.unitId,
    unitName: unitNames.get(p.unitId) ?? '（已撤销的组织）',
    start: p.start,
    end: p.end,
  };
}

export function currentPositions(person: Person, today: string): Position[] {
  return person.positions.filter((p) => positionIsActive(p, today));
}
