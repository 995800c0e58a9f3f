import type { BindingView } from '../../../typings/actions';
import type { Binding, Person, Unit } from '../../../typings/domain';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { PEOPLE } from '../../actor';
import {
  ACCOUNTS,
  BINDINGS,
  accountIdFor,
  bindingIdFor,
  pageOf,
  personIdFor,
  reachOf,
  requireUnit,
  scopeOf,
  UNITS,
  unitsWithin,
} from './shared';

/** The binding document also holds the applicant's openid; it never leaves the server. */
type BindingDoc = Binding & { openid: string };

export const bindingsSubmit = defineAction({
  name: 'bindings.submit',
  summary: '提交实名绑定申请（姓名、学号、学院），由所在学院的党团干部审核',
  access: { kind: 'anyone' },
  errors: ['ALREADY_BOUND', 'BINDING_PENDING', 'UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'STUDENT_NO_TAKEN'],
  async run({ actor, store, write, nowIso }, input) {
    if (actor.person) throw new DomainError('ALREADY_BOUND');
    const college = await requireUnit(store, input.collegeId);
    if (college.kind !== 'college') throw new DomainError('UNIT_KIND_INVALID', '请选择所在学院');
    const id = bindingIdFor(actor.openid);
    return write(async (tx) => {
      const rosterPerson = await tx.get<Person>(PEOPLE, personIdFor(input.studentNo));
      if (rosterPerson?.openid) throw new DomainError('STUDENT_NO_TAKEN');
      const existing = await tx.get<BindingDoc>(BINDINGS, id);
      if (existing?.state === 'pending') throw new DomainError('BINDING_PENDING');
      if (existing?.state === 'approved') throw new DomainError('ALREADY_BOUND');
      const doc: BindingDoc = {
        _id: id,
        openid: actor.openid,
        name: input.name,
        studentNo: input.studentNo,
        collegeId: input.collegeId,
        state: 'pending',
        submittedAt: nowIso,
        decidedAt: null,
        decidedBy: null,
        reason: null,
        personId: null,
      };
      await tx.put(BINDINGS, doc);
      tx.audit('bindings.submit', `${BINDINGS}/${id}`, existing, doc);
      return { bindingId: id, state: 'pending' as const };
    });
  },
});

export const bindingsListPending = defineAction({
  name: 'bindings.listPending',
  summary: '待审核的实名绑定申请（本人管理范围内的学院），按提交时间排序，分页',
  access: { kind: 'permission', permission: 'binding.approve' },
  errors: [],
  async run({ actor, store }, { page, pageSize }) {
    const colleges = (await unitsWithin(store, actor.unitsWhere('binding.approve'))).filter(
      (u) => u.kind === 'college',
    );
    if (colleges.length === 0) return pageOf<BindingView>([], page, pageSize);
    const _ = store.command;
    const rows = await store.find<BindingDoc>(
      BINDINGS,
      { state: 'pending', collegeId: _.in(colleges.map((c) => c._id)) },
      { orderBy: [['submittedAt', 'asc']], skip: (page - 1) * pageSize, limit: pageSize + 1 },
    );
    const shown = rows.slice(0, pageSize);
    const roster = shown.length
      ? await store.find<Person>(PEOPLE, { _id: _.in(shown.map((b) => personIdFor(b.studentNo))) }, { limit: 100 })
      : [];
    const rosterById = new Map(roster.map((p) => [p._id, p]));
    const names = new Map(colleges.map((c) => [c._id, c.name]));
    const items: BindingView[] = rows.map((b) => ({
      id: b._id,
      name: b.name,
      studentNo: b.studentNo,
      collegeId: b.collegeId,
      collegeName: names.get(b.collegeId) ?? '',
      submittedAt: b.submittedAt,
      rosterMatch: rosterById.get(personIdFor(b.studentNo))?.name === b.name,
    }));
    return pageOf(items, page, pageSize);
  },
});

export const bindingsDecide = defineAction({
  name: 'bindings.decide',
  summary: '通过或驳回实名绑定申请；通过时把微信身份绑定到花名册中的学生（无则新建）',
  access: { kind: 'permission', permission: 'binding.approve' },
  errors: [
    'NOT_FOUND',
    'UNIT_NOT_FOUND',
    'OUT_OF_SCOPE',
    'BINDING_NOT_PENDING',
    'STUDENT_NO_TAKEN',
    'BINDING_MISMATCH',
    'CONFLICT',
  ],
  async run({ actor, write, nowIso, today }, input) {
    if (!input.approve && !input.reason) {
      throw new DomainError('BAD_INPUT', '驳回时请填写理由', { reason: '驳回时请填写理由' });
    }
    return write(async (tx) => {
      // Everything is read inside the transaction: the decision sees the binding as it is when it commits.
      const binding = await tx.get<BindingDoc>(BINDINGS, input.bindingId);
      if (!binding) throw new DomainError('NOT_FOUND');
      const college = await tx.get<Unit>(UNITS, binding.collegeId);
      if (!college) throw new DomainError('UNIT_NOT_FOUND');
      actor.authorize('binding.approve', scopeOf(college));
      if (binding.state !== 'pending') throw new DomainError('BINDING_NOT_PENDING');
      let personId: string | null = null;
      if (input.approve) {
        personId = personIdFor(binding.studentNo);
        const roster = await tx.get<Person>(PEOPLE, personId);
        if (roster?.openid) throw new DomainError('STUDENT_NO_TAKEN');
        if (roster && roster.name !== binding.name) throw new DomainError('BINDING_MISMATCH');
        // The scope checked above is the college the applicant named; the roster decides which college the student
        // is in. Without this an officer could bind a student of another college by approving a false claim.
        if (roster && roster.collegeId !== binding.collegeId) {
          throw new DomainError('BINDING_MISMATCH', '所填学院与花名册不一致，请申请人核对后重新提交');
        }
        // Inserting the account fails if this openid is already bound: no double binding under any race.
        await tx.insert(ACCOUNTS, { _id: accountIdFor(binding.openid), personId, at: nowIso });
        const person: Person = roster
          ? { ...roster, openid: binding.openid }
          : {
              _id: personId,
              openid: binding.openid,
              name: binding.name,
              studentNo: binding.studentNo,
              collegeId: binding.collegeId,
              homePartyBranchId: null,
              homeLeagueBranchId: null,
              status: 'masses',
              statusHistory: [{ status: 'masses', since: today }],
              memberOf: [college._id],
              reach: reachOf([college]),
              positions: [],
            };
        await tx.put(PEOPLE, person);
        tx.audit('bindings.bind', `${PEOPLE}/${personId}`, roster, person);
      }
      const decided: BindingDoc = {
        ...binding,
        state: input.approve ? 'approved' : 'rejected',
        decidedAt: nowIso,
        decidedBy: actor.personId,
        reason: input.approve ? null : (input.reason ?? null),
        personId,
      };
      await tx.put(BINDINGS, decided);
      tx.audit('bindings.decide', `${BINDINGS}/${binding._id}`, binding, decided);
      return { state: decided.state, personId };
    });
  },
});
