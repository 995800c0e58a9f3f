import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { PersonView } from '../../../typings/actions';
import { POLITICAL_STATUS_LABELS, type Person, type Position, type Unit } from '../../../typings/domain';
import { defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import { roleAllowedInUnit } from '../../domain/org/roles';
import {
  ACCOUNTS,
  accountIdFor,
  currentPositions,
  pageOf,
  personIdFor,
  requireUnit,
  scopeOf,
  toPositionView,
  UNITS,
  unitNames,
  reachOf,
  withMembership,
} from './shared';

export const META = 'meta';
export const BOOTSTRAP_ID = 'bootstrap';

export const peopleList = defineAction({
  name: 'people.list',
  summary: '某组织的成员名单（含当前职务），分页',
  access: { kind: 'permission', permission: 'people.read' },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, today }, { unitId, page, pageSize }) {
    const unit = await requireUnit(store, unitId);
    actor.authorize('people.read', scopeOf(unit));
    const rows = await store.find<Person>(
      PEOPLE,
      { memberOf: unitId },
      { orderBy: [['studentNo', 'asc']], skip: (page - 1) * pageSize, limit: pageSize + 1 },
    );
    const names = await unitNames(
      store,
      rows.flatMap((p) => currentPositions(p, today).map((pos) => pos.unitId)),
    );
    const items: PersonView[] = rows.map((p) => ({
      id: p._id,
      name: p.name,
      studentNo: p.studentNo,
      status: p.status,
      statusLabel: POLITICAL_STATUS_LABELS[p.status],
      bound: Boolean(p.openid),
      positions: currentPositions(p, today).map((pos) => toPositionView(pos, names)),
    }));
    return pageOf(items, page, pageSize);
  },
});

export const positionsAssign = defineAction({
  name: 'positions.assign',
  summary: '任命职务（支部书记、委员、骨干、社团负责人、指导老师等），带任期起始日',
  access: { kind: 'permission', permission: 'position.assign' },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE', 'ROLE_NOT_ALLOWED_IN_UNIT', 'NOT_FOUND', 'POSITION_EXISTS'],
  async run({ actor, write, today }, input) {
    return write(async (tx) => {
      const unit = await tx.get<Unit>(UNITS, input.unitId);
      if (!unit) throw new DomainError('UNIT_NOT_FOUND');
      actor.authorize('position.assign', scopeOf(unit));
      if (!roleAllowedInUnit(input.role, unit.kind)) throw new DomainError('ROLE_NOT_ALLOWED_IN_UNIT');
      const person = await tx.get<Person>(PEOPLE, input.personId);
      if (!person) throw new DomainError('NOT_FOUND', '找不到该人员');
      const start = input.start ?? today;
      // One term of a role in a unit at a time: a second, overlapping one would double the history.
      const overlapping = person.positions.some(
        (p) => p.role === input.role && p.unitId === unit._id && (p.end === null || p.end >= start),
      );
      if (overlapping) throw new DomainError('POSITION_EXISTS');
      const position: Position = {
        id: `pos_${randomBytes(6).toString('hex')}`,
        role: input.role,
        unitId: unit._id,
        unitScope: scopeOf(unit),
        start,
        end: null,
      };
      const member = withMembership(person, unit);
      const after: Person = { ...member, positions: [...member.positions, position] };
      await tx.put(PEOPLE, after);
      tx.audit('positions.assign', `${PEOPLE}/${person._id}`, person, after);
      return { positionId: position.id };
    });
  },
});

export const positionsEnd = defineAction({
  name: 'positions.end',
  summary: '结束任期（换届交接）；任职记录保留',
  access: { kind: 'permission', permission: 'position.assign' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'POSITION_ENDED'],
  async run({ actor, write, today }, input) {
    return write(async (tx) => {
      const person = await tx.get<Person>(PEOPLE, input.personId);
      const position = person?.positions.find((p) => p.id === input.positionId);
      if (!person || !position) throw new DomainError('NOT_FOUND', '找不到该任职记录');
      actor.authorize('position.assign', position.unitScope);
      if (position.end !== null && position.end < today) throw new DomainError('POSITION_ENDED');
      const end = input.end ?? today;
      // A term cannot end before it began: that would rewrite who held the role when.
      if (end < position.start) {
        throw new DomainError('BAD_INPUT', '任期结束日期不能早于开始日期', { end: '不能早于任期开始日期' });
      }
      const after: Person = {
        ...person,
        positions: person.positions.map((p) => (p.id === position.id ? { ...p, end } : p)),
      };
      await tx.put(PEOPLE, after);
      tx.audit('positions.end', `${PEOPLE}/${person._id}`, person, after);
      return { positionId: position.id, end };
    });
  },
});

/**
 * The first administrator: whoever presents the setup code from the deployment environment
 * (LINGYAN_SETUP_CODE). Works once; there is no default password anywhere.
 */
export const adminBootstrap = defineAction({
  name: 'admin.bootstrap',
  summary: '系统初始化：凭部署环境中的初始化口令设立第一位系统管理员（仅一次）',
  access: { kind: 'anyone' },
  errors: ['SETUP_CODE_INVALID', 'SETUP_DISABLED', 'UNIT_NOT_FOUND', 'STUDENT_NO_TAKEN', 'CONFLICT'],
  async run({ actor, store, write, today, nowIso }, input) {
    const expected = process.env.LINGYAN_SETUP_CODE;
    if (!expected || expected.length < 8 || !sameSecret(expected, input.code)) {
      throw new DomainError('SETUP_CODE_INVALID');
    }
    const [school] = await store.find<Unit>(UNITS, { kind: 'school' }, { limit: 1 });
    if (!school) throw new DomainError('UNIT_NOT_FOUND', '尚未建立学校组织，请先导入组织架构');
    return write(async (tx) => {
      if (await tx.get(META, BOOTSTRAP_ID)) throw new DomainError('SETUP_DISABLED');
      const personId = actor.person?._id ?? personIdFor(input.studentNo);
      const existing = actor.person ?? (await tx.get<Person>(PEOPLE, personId));
      if (existing?.openid && existing.openid !== actor.openid) throw new DomainError('STUDENT_NO_TAKEN');
      if (!existing?.openid) await tx.insert(ACCOUNTS, { _id: accountIdFor(actor.openid), personId, at: nowIso });
      const position: Position = {
        id: `pos_${randomBytes(6).toString('hex')}`,
        role: 'school_admin',
        unitId: school._id,
        unitScope: scopeOf(school),
        start: today,
        end: null,
      };
      const after: Person = existing
        ? { ...existing, openid: actor.openid, positions: [...existing.positions, position] }
        : {
            _id: personId,
            openid: actor.openid,
            name: input.name,
            studentNo: input.studentNo,
            collegeId: school._id,
            homePartyBranchId: null,
            homeLeagueBranchId: null,
            status: 'masses',
            statusHistory: [{ status: 'masses', since: today }],
            memberOf: [school._id],
            reach: reachOf([school]),
            positions: [position],
          };
      await tx.put(PEOPLE, after);
      await tx.insert(META, { _id: BOOTSTRAP_ID, personId, at: nowIso });
      tx.audit('admin.bootstrap', `${PEOPLE}/${personId}`, existing, after);
      return { personId };
    });
  },
});

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
