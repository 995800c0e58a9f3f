/**
 * Real-name binding: a WeChat account claims a student on the roster, an officer of the student's college decides.
 *
 * The identity model: a claim (name, student number, college) is what classmates know, so it proves nothing alone.
 * - Competing claims for one student number are shown to the officer as such, and approving one of them needs the
 *   officer to name it (`confirmCompeting`); the others are then rejected with a reason, each audited.
 * - A roster person can carry a second factor the school distributes: a one-time binding code an officer issues
 *   (only its digest is stored; single use; expires after BINDING_CODE_TTL_DAYS), or the last digits of the ID
 *   number imported with the roster (only a keyed digest, LINGYAN_ROSTER_SECRET). Once a person has one, a claim
 *   without the right one is refused, at submission and at approval; wrong attempts are counted and lock entry
 *   after SECOND_FACTOR_MAX_FAILURES until an officer issues a new code.
 * - An officer can revoke a binding with a reason (audited): the account is unbound, the person's openid cleared,
 *   and the student binds again.
 */
import { createHash, createHmac, randomInt } from 'node:crypto';
import type { BindingView } from '../../../typings/actions';
import type { Binding, Person, Unit } from '../../../typings/domain';
import { defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import {
  BINDING_CODE_TTL_DAYS,
  checkSecondFactor,
  competingApprovalConfirmed,
  lockedAfterFailure,
  type SecondFactorRecord,
  secondFactorRequired,
} from '../../domain/org/identity';
import { shanghaiIso } from '../../domain/time';
import { emptyPage, mapPage, type Store, type Tx } from '../../store';
import { assertPostable } from '../content';
import { reachOf, scopeOf } from './access';
import { ACCOUNTS, accountIdFor, BINDINGS, bindingIdFor, personIdFor, UNITS } from './docs';
import { requireUnit, unitsWithin } from './load';

/** Second factors per roster person, keyed by the person id (one document each). */
export const BINDING_FACTORS = 'binding_factors';

/**
 * The binding document also holds the applicant's openid; it never leaves the server. `secondFactor` says which
 * factor the claim carried (null: none).
 */
type BindingDoc = Binding & { openid: string; secondFactor?: 'code' | 'id' | null; birthDate?: string };
type FactorDoc = SecondFactorRecord & { _id: string };
/** accounts/<digest of openid>: personId null once revoked (the id stays taken by nobody, so a rebind reuses it). */
type AccountDoc = { _id: string; personId: string | null; at: string; revokedAt?: string; revokedBy?: string | null };

/** What the others are told when an officer chose another claim for the same student number. */
const COMPETING_REJECTED = '同一学号的另一份申请经学院核实后已通过。如您才是本人，请携学生证联系学院党团干部';

/** Binding codes: 8 characters without the lookalikes 0/O and 1/I. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newBindingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Digest of a binding code, bound to its person (the code itself is never stored). */
export function bindingCodeDigest(personId: string, code: string): string {
  return createHash('sha256').update(`lingyan:binding-code:${personId}:${code}`).digest('hex');
}

/**
 * Keyed digest of the last digits of a person's ID number, for the roster import: without the server's secret a
 * reader of the database cannot try the 10^4–10^6 possibilities. Fails closed without the secret.
 */
export function rosterIdTailDigest(personId: string, digits: string): string {
  const secret = process.env.LINGYAN_ROSTER_SECRET;
  if (!secret || secret.length < 16) throw new Error('LINGYAN_ROSTER_SECRET is not set (at least 16 characters)');
  return createHmac('sha256', secret).update(`id-tail\u0000${personId}\u0000${digits.toUpperCase()}`).digest('hex');
}

/** The digests of what the applicant typed, for the factors this person has. */
function givenDigests(personId: string, factor: SecondFactorRecord, typed: string | undefined) {
  if (!typed) return null;
  const idDigest = factor.idTail && typed.length === factor.idTail.length ? rosterIdTailDigest(personId, typed) : '';
  return { codeDigest: bindingCodeDigest(personId, typed), idDigest };
}

export const bindingsSubmit = defineAction({
  name: 'bindings.submit',
  summary:
    '提交实名绑定申请（姓名、学号、学院；学院发放过绑定码或导入了身份证号的，须填写其一），由所在学院的党团干部审核',
  access: { kind: 'anyone' },
  errors: [
    'ALREADY_BOUND',
    'BINDING_PENDING',
    'UNIT_NOT_FOUND',
    'UNIT_KIND_INVALID',
    'STUDENT_NO_TAKEN',
    'SECOND_FACTOR_REQUIRED',
    'SECOND_FACTOR_INVALID',
    'SECOND_FACTOR_LOCKED',
  ],
  async run({ actor, store, write, nowIso }, input) {
    if (actor.person) throw new DomainError('ALREADY_BOUND');
    const college = await requireUnit(store, input.collegeId);
    if (college.kind !== 'college') throw new DomainError('UNIT_KIND_INVALID', '请选择所在学院');
    const id = bindingIdFor(actor.openid);
    const personId = personIdFor(input.studentNo);
    type Outcome =
      | { refused: 'SECOND_FACTOR_INVALID' | 'SECOND_FACTOR_LOCKED' }
      | { bindingId: string; state: 'pending' };
    const outcome = await write(async (tx): Promise<Outcome> => {
      const rosterPerson = await tx.get<Person>(PEOPLE, personId);
      if (rosterPerson?.openid) throw new DomainError('STUDENT_NO_TAKEN');
      const existing = await tx.get<BindingDoc>(BINDINGS, id);
      if (existing?.state === 'pending') throw new DomainError('BINDING_PENDING');
      if (existing?.state === 'approved') throw new DomainError('ALREADY_BOUND');
      const factor = await tx.get<FactorDoc>(BINDING_FACTORS, personId);
      let via: 'code' | 'id' | null = null;
      if (factor && secondFactorRequired(factor)) {
        const checked = checkSecondFactor(factor, givenDigests(personId, factor, input.secondFactor), nowIso);
        if (!checked.ok) {
          if (checked.reason !== 'SECOND_FACTOR_INVALID') throw new DomainError(checked.reason);
          // A wrong factor is recorded (the transaction commits), then refused: the count is what limits guessing.
          const after: FactorDoc = { ...factor, failures: factor.failures + 1 };
          await tx.put(BINDING_FACTORS, after);
          tx.audit('bindings.secondFactorFailed', `${BINDING_FACTORS}/${personId}`, factor, after);
          return { refused: lockedAfterFailure(factor.failures) ? 'SECOND_FACTOR_LOCKED' : 'SECOND_FACTOR_INVALID' };
        }
        via = checked.via;
        if (via === 'code' && factor.code) {
          const used: FactorDoc = { ...factor, code: { ...factor.code, usedBy: id } };
          await tx.put(BINDING_FACTORS, used);
          tx.audit('bindings.useCode', `${BINDING_FACTORS}/${personId}`, factor, used);
        }
      }
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
        secondFactor: via,
        ...(input.birthDate ? { birthDate: input.birthDate } : {}),
      };
      await tx.put(BINDINGS, doc);
      tx.audit('bindings.submit', `${BINDINGS}/${id}`, existing, doc);
      return { bindingId: id, state: 'pending' };
    });
    if ('refused' in outcome) throw new DomainError(outcome.refused);
    return outcome;
  },
});

/** Pending claims for these student numbers, grouped by number (one query; a school has few at a time). */
async function pendingByStudentNo(store: Store, studentNos: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (studentNos.length === 0) return out;
  const rows = await store.find<BindingDoc>(
    BINDINGS,
    { state: 'pending', studentNo: store.command.in([...new Set(studentNos)]) },
    { field: { _id: true, studentNo: true }, limit: 100 },
  );
  for (const r of rows) out.set(r.studentNo, [...(out.get(r.studentNo) ?? []), r._id]);
  return out;
}

export const bindingsListPending = defineAction({
  name: 'bindings.listPending',
  summary: '待审核的实名绑定申请（本人管理范围内的学院），按提交时间排序，分页；同一学号的多份申请标为相互竞争',
  access: { kind: 'permission', permission: 'binding.approve' },
  errors: [],
  async run({ actor, store }, { page, pageSize }) {
    const colleges = (await unitsWithin(store, actor.unitsWhere('binding.approve'))).filter(
      (u) => u.kind === 'college',
    );
    if (colleges.length === 0) return emptyPage<BindingView>(page, pageSize);
    const _ = store.command;
    const rows = await store.page<BindingDoc>(
      BINDINGS,
      { state: 'pending', collegeId: _.in(colleges.map((c) => c._id)) },
      { orderBy: [['submittedAt', 'asc']], page, pageSize },
    );
    const shown = rows.items;
    const personIds = shown.map((b) => personIdFor(b.studentNo));
    const [roster, factors, claims] = shown.length
      ? await Promise.all([
          store.find<Person>(PEOPLE, { _id: _.in(personIds) }, { limit: 100 }),
          store.find<FactorDoc>(BINDING_FACTORS, { _id: _.in(personIds) }, { limit: 100 }),
          pendingByStudentNo(
            store,
            shown.map((b) => b.studentNo),
          ),
        ])
      : [[], [], new Map<string, string[]>()];
    const rosterById = new Map(roster.map((p) => [p._id, p]));
    const factorById = new Map(factors.map((f) => [f._id, f]));
    const names = new Map(colleges.map((c) => [c._id, c.name]));
    return mapPage(rows, (b): BindingView => {
      const pid = personIdFor(b.studentNo);
      const asked = secondFactorRequired(factorById.get(pid) ?? null);
      return {
        id: b._id,
        name: b.name,
        studentNo: b.studentNo,
        collegeId: b.collegeId,
        collegeName: names.get(b.collegeId) ?? '',
        submittedAt: b.submittedAt,
        rosterMatch: rosterById.get(pid)?.name === b.name,
        competingWith: (claims.get(b.studentNo) ?? []).filter((other) => other !== b._id),
        secondFactor: b.secondFactor ? 'verified' : asked ? 'missing' : 'none',
      };
    });
  },
});

/** The pending claims other than `binding` for its student number, as they are inside the transaction. */
async function competitorsOf(tx: Tx, binding: BindingDoc, candidateIds: string[]): Promise<BindingDoc[]> {
  const out: BindingDoc[] = [];
  for (const cid of candidateIds) {
    if (cid === binding._id) continue;
    const other = await tx.get<BindingDoc>(BINDINGS, cid);
    if (other?.state === 'pending' && other.studentNo === binding.studentNo) out.push(other);
  }
  return out;
}

export const bindingsDecide = defineAction({
  name: 'bindings.decide',
  summary:
    '通过或驳回实名绑定申请；通过时把微信身份绑定到花名册中的学生（无则新建）。同一学号有多份申请时须以 confirmCompeting 明确选择，其余申请随之驳回',
  access: { kind: 'permission', permission: 'binding.approve' },
  errors: [
    'NOT_FOUND',
    'UNIT_NOT_FOUND',
    'OUT_OF_SCOPE',
    'BINDING_NOT_PENDING',
    'BINDING_COMPETING',
    'SECOND_FACTOR_REQUIRED',
    'STUDENT_NO_TAKEN',
    'BINDING_MISMATCH',
    'CONFLICT',
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, write, nowIso, today }, input) {
    if (!input.approve && !input.reason) {
      throw new DomainError('BAD_INPUT', '驳回时请填写理由', { reason: '驳回时请填写理由' });
    }
    // The applicant reads the reason (their binding status); so do the applicants of competing claims it rejects.
    if (input.reason) await assertPostable(ports, actor.openid, input.reason);
    // Transactions read documents by id only: the competing claims are found first, then re-read inside.
    // Only an approval weighs them (two reads); a rejection needs none.
    const first = input.approve ? await store.get<BindingDoc>(BINDINGS, input.bindingId) : null;
    const candidates = first ? ((await pendingByStudentNo(store, [first.studentNo])).get(first.studentNo) ?? []) : [];
    return write(async (tx) => {
      // Everything is read inside the transaction: the decision sees the binding as it is when it commits.
      const binding = await tx.require<BindingDoc>(BINDINGS, input.bindingId, 'NOT_FOUND');
      const college = await tx.require<Unit>(UNITS, binding.collegeId, 'UNIT_NOT_FOUND');
      actor.authorize('binding.approve', scopeOf(college));
      if (binding.state !== 'pending') throw new DomainError('BINDING_NOT_PENDING');
      let personId: string | null = null;
      let rejectedCompeting: string[] = [];
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
        const factor = await tx.get<FactorDoc>(BINDING_FACTORS, personId);
        if (secondFactorRequired(factor) && !binding.secondFactor) {
          throw new DomainError(
            'SECOND_FACTOR_REQUIRED',
            '该学生须凭学院发放的绑定码或身份证号后几位绑定，此申请未经核验，不能通过',
          );
        }
        // Only a claim that could be approved on its own is weighed against its competitors.
        const competing = await competitorsOf(tx, binding, candidates);
        if (
          !competingApprovalConfirmed(
            binding._id,
            competing.map((c) => c._id),
            input.confirmCompeting,
          )
        ) {
          throw new DomainError(
            'BINDING_COMPETING',
            `该学号还有 ${competing.length} 份待审核的绑定申请。请核实本人身份后，明确选择通过其中一份，其余申请将被驳回`,
          );
        }
        // One account per openid: a live account means this openid is bound already (under any race, the
        // transaction that reads it second conflicts). A revoked account (personId null) is reused.
        const accountId = accountIdFor(binding.openid);
        const account = await tx.get<AccountDoc>(ACCOUNTS, accountId);
        if (account?.personId) throw new DomainError('CONFLICT', '该微信账号已绑定其他学生');
        await tx.put<AccountDoc>(ACCOUNTS, { _id: accountId, personId, at: nowIso });
        // A1: the birth date the student gave is kept only where the roster has none (set once, never changed).
        const birth = !roster?.birthDate && binding.birthDate ? { birthDate: binding.birthDate } : {};
        const person: Person = roster
          ? { ...roster, openid: binding.openid, ...birth }
          : {
              ...birth,
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
        for (const other of competing) {
          const rejected: BindingDoc = {
            ...other,
            state: 'rejected',
            decidedAt: nowIso,
            decidedBy: actor.personId,
            reason: input.reason || COMPETING_REJECTED,
          };
          await tx.put(BINDINGS, rejected);
          tx.audit('bindings.rejectCompeting', `${BINDINGS}/${other._id}`, other, rejected);
        }
        rejectedCompeting = competing.map((c) => c._id);
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
      return { state: decided.state, personId, rejectedCompeting };
    });
  },
});

/** The roster person with this student number and their college, checked against the officer's scope. */
async function rosterPersonInScope(
  tx: Tx,
  actor: { authorize(p: 'binding.approve', scope: readonly string[]): void },
  studentNo: string,
) {
  const person = await tx.require<Person>(PEOPLE, personIdFor(studentNo), ['NOT_FOUND', '花名册中没有该学号']);
  const college = await tx.require<Unit>(UNITS, person.collegeId, 'UNIT_NOT_FOUND');
  actor.authorize('binding.approve', scopeOf(college));
  return person;
}

export const bindingsRevoke = defineAction({
  name: 'bindings.revoke',
  summary: '撤销学生的实名绑定（须写明理由）：解除其微信账号与花名册的关联，学生可重新申请绑定',
  access: { kind: 'permission', permission: 'binding.approve' },
  errors: ['NOT_FOUND', 'UNIT_NOT_FOUND', 'OUT_OF_SCOPE', 'BINDING_NOT_FOUND', 'CONTENT_REJECTED'],
  async run({ actor, ports, write, nowIso }, input) {
    // The student whose binding is revoked reads the reason.
    await assertPostable(ports, actor.openid, input.reason);
    return write(async (tx) => {
      const person = await rosterPersonInScope(tx, actor, input.studentNo);
      if (!person.openid) throw new DomainError('BINDING_NOT_FOUND');
      const openid = person.openid;
      const accountId = accountIdFor(openid);
      const account = await tx.get<AccountDoc>(ACCOUNTS, accountId);
      const revokedAccount: AccountDoc = {
        _id: accountId,
        personId: null,
        at: account?.at ?? nowIso,
        revokedAt: nowIso,
        revokedBy: actor.personId,
      };
      await tx.put<AccountDoc>(ACCOUNTS, revokedAccount);
      const unbound: Person = { ...person, openid: null };
      await tx.put(PEOPLE, unbound);
      tx.audit('bindings.revoke', `${PEOPLE}/${person._id}`, person, unbound);
      const bindingId = bindingIdFor(openid);
      const binding = await tx.get<BindingDoc>(BINDINGS, bindingId);
      if (binding) {
        const revoked: BindingDoc = {
          ...binding,
          state: 'revoked',
          decidedAt: nowIso,
          decidedBy: actor.personId,
          reason: input.reason,
        };
        await tx.put(BINDINGS, revoked);
        tx.audit('bindings.revoke', `${BINDINGS}/${bindingId}`, binding, revoked);
      }
      return { personId: person._id, state: 'revoked' as const };
    });
  },
});

export const bindingsIssueCode = defineAction({
  name: 'bindings.issueCode',
  summary: `为花名册中尚未绑定的学生发放一次性绑定码（${BINDING_CODE_TTL_DAYS} 天内有效，仅可使用一次；只保存摘要），此后该学生绑定须凭码`,
  access: { kind: 'permission', permission: 'binding.approve' },
  errors: ['NOT_FOUND', 'UNIT_NOT_FOUND', 'OUT_OF_SCOPE', 'STUDENT_NO_TAKEN'],
  async run({ actor, write, now, nowIso }, input) {
    return write(async (tx) => {
      const person = await rosterPersonInScope(tx, actor, input.studentNo);
      if (person.openid) throw new DomainError('STUDENT_NO_TAKEN', '该学生已绑定微信账号，无需发放绑定码');
      const code = newBindingCode();
      const expiresAt = shanghaiIso(new Date(now.getTime() + BINDING_CODE_TTL_DAYS * 86_400_000));
      const before = await tx.get<FactorDoc>(BINDING_FACTORS, person._id);
      // A new code replaces the old one and clears the count of wrong attempts (it is how a locked student unlocks).
      const after: FactorDoc = {
        _id: person._id,
        code: { digest: bindingCodeDigest(person._id, code), issuedAt: nowIso, expiresAt, usedBy: null },
        idTail: before?.idTail ?? null,
        failures: 0,
      };
      await tx.put(BINDING_FACTORS, after);
      tx.audit('bindings.issueCode', `${BINDING_FACTORS}/${person._id}`, before, after);
      return { personId: person._id, code, expiresAt };
    });
  },
});
