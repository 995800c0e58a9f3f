import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { PersonView } from '../../../typings/actions';
import { type Person, POLITICAL_STATUS_LABELS, type Position, type Unit } from '../../../typings/domain';
import { defineAction } from '../../action';
import { type Actor, PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import { handoverEnd, holderEligibility, SINGLE_HOLDER_ROLES, termsRunningFrom } from '../../domain/org/eligibility';
import { type Line, lineScope, unitInLine } from '../../domain/org/lines';
import { roleAllowedInUnit } from '../../domain/org/roles';
import { mapPage } from '../../store';
import { reachOf, scopeOf } from './access';
import { kindIndex, unitIndex } from './authority';
import { ACCOUNTS, accountIdFor, personIdFor, UNITS } from './docs';
import { currentPositions, toPositionView } from './views';

export const META = 'meta';
export const BOOTSTRAP_ID = 'bootstrap';

export const peopleList = defineAction({
  name: 'people.list',
  summary: '某组织的成员名单（含当前职务），分页；学号与政治面貌仅对本人所在党、团工作条线的干部显示',
  access: { kind: 'permission', permission: 'people.read' },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, today }, { unitId, page, pageSize }) {
    const units = await unitIndex(store);
    const unit = units.get(unitId);
    if (!unit) throw new DomainError('UNIT_NOT_FOUND');
    actor.authorize('people.read', lineScope(unit, 'own', kindIndex(units)));
    const rows = await store.page<Person>(
      PEOPLE,
      { memberOf: unitId },
      { orderBy: [['studentNo', 'asc']], page, pageSize },
    );
    const names = new Map([...units].map(([id, u]) => [id, u.name]));
    const visible = politicalRecordsVisible(actor, rows.items, units);
    return mapPage(
      rows,
      (p): PersonView => ({
        id: p._id,
        name: p.name,
        studentNo: visible.has(p._id) ? p.studentNo : null,
        status: visible.has(p._id) ? p.status : null,
        statusLabel: visible.has(p._id) ? POLITICAL_STATUS_LABELS[p.status] : '',
        bound: Boolean(p.openid),
        positions: currentPositions(p, today).map((pos) => toPositionView(pos, names)),
      }),
    );
  },
});

/**
 * Whose student number and political status the actor may see: political status and development stage belong to
 * the person's party line (home or temporary party branch, college) and League line (home or temporary League
 * branch, college). An officer who reaches one of those units in that line sees them; an association president or
 * a federation officer, whose line is the association's, does not.
 */
function politicalRecordsVisible(actor: Actor, rows: readonly Person[], units: Map<string, Unit>): Set<string> {
  const targets = (p: Person): [string, Line][] => [
    [p.collegeId, 'party'],
    [p.collegeId, 'league'],
    ...(p.homePartyBranchId ? [[p.homePartyBranchId, 'party'] as [string, Line]] : []),
    ...(p.homeLeagueBranchId ? [[p.homeLeagueBranchId, 'league'] as [string, Line]] : []),
    ...p.memberOf.map((id): [string, Line] => [id, 'party']),
    ...p.memberOf.map((id): [string, Line] => [id, 'league']),
  ];
  const kindOf = kindIndex(units);
  const out = new Set<string>();
  for (const p of rows) {
    const seen = targets(p).some(([id, line]) => {
      const u = units.get(id);
      // Only units of that line carry the record (an association does not carry a party or League record).
      if (!u || !unitInLine(u.kind, line)) return false;
      return actor.holdsOver('people.read', lineScope(u, line, kindOf));
    });
    if (seen) out.add(p._id);
  }
  return out;
}

export const positionsAssign = defineAction({
  name: 'positions.assign',
  summary:
    '任命职务（支部书记、委员、骨干、社团负责人、指导老师等），带任期起始日；须符合任职条件，一职一人的职务任命新人即交接（原任期结束）',
  access: { kind: 'permission', permission: 'position.assign' },
  errors: [
    'UNIT_NOT_FOUND',
    'OUT_OF_SCOPE',
    'ROLE_NOT_ALLOWED_IN_UNIT',
    'NOT_FOUND',
    'POSITION_EXISTS',
    'HOLDER_NOT_ELIGIBLE',
  ],
  async run({ actor, store, write, today }, input) {
    const units = await unitIndex(store);
    const unit = units.get(input.unitId);
    if (!unit) throw new DomainError('UNIT_NOT_FOUND');
    // An office acts in its unit's own lines: a party branch secretary is party business, out of the League's reach.
    const unitScope = lineScope(unit, 'own', kindIndex(units));
    actor.authorize('position.assign', unitScope);
    if (!roleAllowedInUnit(input.role, unit.kind)) throw new DomainError('ROLE_NOT_ALLOWED_IN_UNIT');
    const start = input.start ?? today;
    const single = SINGLE_HOLDER_ROLES.includes(input.role);
    // Other holders of a one-holder role, found by the positions index; each is re-read in the transaction.
    const holderIds = single
      ? (await store.find<Person>(PEOPLE, { 'positions.unitId': unit._id }, { limit: 100 }))
          .filter((h) => h._id !== input.personId && termsRunningFrom(h.positions, input.role, unit._id, start).length)
          .map((h) => h._id)
      : [];
    return write(async (tx) => {
      const person = await tx.require<Person>(PEOPLE, input.personId, ['NOT_FOUND', '找不到该人员']);
      const ineligible = holderEligibility(input.role, unit, person);
      if (ineligible) throw new DomainError(ineligible.code, ineligible.message);
      // One term of a role in a unit at a time: a second, overlapping one would double the history.
      if (termsRunningFrom(person.positions, input.role, unit._id, start).length) {
        throw new DomainError('POSITION_EXISTS');
      }
      const handedOver: string[] = [];
      for (const id of holderIds) {
        const holder = await tx.get<Person>(PEOPLE, id);
        if (!holder) continue;
        const running = termsRunningFrom(holder.positions, input.role, unit._id, start);
        if (running.length === 0) continue;
        const ends = new Map(running.map((p) => [p.id, handoverEnd(p, start)]));
        if ([...ends.values()].some((e) => e === null)) {
          throw new DomainError('POSITION_EXISTS', '现任者的任期自新任期开始日或之后才开始，请先结束该任期再任命');
        }
        const after: Person = {
          ...holder,
          positions: holder.positions.map((p) => (ends.has(p.id) ? { ...p, end: ends.get(p.id)! } : p)),
        };
        await tx.put(PEOPLE, after);
        tx.audit('positions.handover', `${PEOPLE}/${holder._id}`, holder, after);
        handedOver.push(holder._id);
      }
      const position: Position = {
        id: `pos_${randomBytes(6).toString('hex')}`,
        role: input.role,
        unitId: unit._id,
        unitScope,
        start,
        end: null,
      };
      // Holding an office never changes membership: memberOf and reach stay as the roster made them.
      const after: Person = { ...person, positions: [...person.positions, position] };
      await tx.put(PEOPLE, after);
      tx.audit('positions.assign', `${PEOPLE}/${person._id}`, person, after);
      return { positionId: position.id, handedOver };
    });
  },
});

export const positionsEnd = defineAction({
  name: 'positions.end',
  summary: '结束任期（换届交接）；任职记录保留',
  access: { kind: 'permission', permission: 'position.assign' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'POSITION_ENDED'],
  async run({ actor, store, write, today }, input) {
    const found = await store.get<Person>(PEOPLE, input.personId);
    const held = found?.positions.find((p) => p.id === input.positionId);
    if (!found || !held) throw new DomainError('NOT_FOUND', '找不到该任职记录');
    // The scope is read from the unit now, in its lines (a stored copy may predate the lines of authority).
    const units = await unitIndex(store);
    const unit = units.get(held.unitId);
    actor.authorize('position.assign', unit ? lineScope(unit, 'own', kindIndex(units)) : held.unitScope);
    return write(async (tx) => {
      const person = await tx.get<Person>(PEOPLE, input.personId);
      const position = person?.positions.find((p) => p.id === input.positionId);
      if (!person || !position) throw new DomainError('NOT_FOUND', '找不到该任职记录');
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
