/**
 * What the party committee keeps beside the cases: 留党察看 on a member (A8: an introducer may not be under it), the
 * acknowledgement of the filings of the branch's activist and 发展对象 decisions (A4, A7 under 2014: filing is not
 * approval), and the correction of a birth date entered wrongly (A1: set once at binding or import). Every one is
 * audited with its reason; reasons are content-checked.
 */
import type { DisciplineView, PartyRecordView } from '../../../typings/actions/pipeline';
import { type Person, POLITICAL_STATUS_LABELS } from '../../../typings/domain';
import { defineAction } from '../../action';
import type { Actor } from '../../actor';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import { lineScope } from '../../domain/org/lines';
import { positionIsActive } from '../../domain/org/permissions';
import { applicationAgeItem, disciplineChange, disciplineInForce, filingAwaited } from '../../domain/pipeline';
import { assertPostable } from '../content';
import { kindIndex, lineScopeOf, unitIndex } from '../org/authority';
import { requireUnit } from '../org/load';
import { assertSees, COMMITTEE_ROLES, committeeUnits, isBranchOfficer, isCommitteeOver } from './access';
import { CASES, type CaseDoc, caseIdFor } from './docs';
import { FILINGS_ORDER, filingsAwaitedWhere, requireCase, requirePerson } from './load';
import { assertRecordDate, baseRecord, saveWithCase } from './records';
import { filingView, gateView } from './views';

/**
 * A committee above the person's home party branch in the party line (the committees that approve their branch's
 * members, A17), or OUT_OF_SCOPE; the branch's own officers are NOT_COMMITTEE.
 */
async function assertCommitteeOverPerson(
  actor: Actor,
  store: Parameters<typeof requireUnit>[0],
  p: Person,
  today: string,
) {
  if (!p.homePartyBranchId) throw new DomainError('OUT_OF_SCOPE');
  const branch = await requireUnit(store, p.homePartyBranchId);
  const scope = await lineScopeOf(store, branch, 'party');
  if (committeeOverBranch(actor.person, branch._id, scope, today)) return;
  if (isBranchOfficer(actor.person, branch._id, today)) throw new DomainError('NOT_COMMITTEE');
  throw new DomainError('OUT_OF_SCOPE');
}

export const pipelineRecordDiscipline = defineAction({
  name: 'pipeline.recordDiscipline',
  summary:
    '记录或解除留党察看（A8：受留党察看、尚未恢复党员权利的党员不能作入党介绍人）：由有审批权的上级党委办理，须写明理由，记入审计',
  access: { kind: 'member' },
  errors: [
    'NOT_FOUND',
    'UNIT_NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_COMMITTEE',
    'DISCIPLINE_NOT_MEMBER',
    'DISCIPLINE_IN_FORCE',
    'DISCIPLINE_NONE',
    'RECORD_BACKDATED',
    'RECORD_IN_FUTURE',
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, today, write }, input) {
    const person = await requirePerson(store, input.personId);
    await assertCommitteeOverPerson(actor, store, person, today);
    // A discipline recorded late bars more, never less; rights restored back-dated would let a gate pass.
    if (input.change === 'restore') assertRecordDate(input.on, today);
    else if (input.on > today) throw new DomainError('RECORD_IN_FUTURE');
    const problem = disciplineChange(person.partyDiscipline, input.change, person.status, input.on);
    if (problem) throw new DomainError(problem, undefined, { rule: 'A8' });
    await assertPostable(ports, actor.openid, input.reason);
    const by = actor.requirePerson();
    const next = await write(async (tx) => {
      const current = await tx.require<Person>(PEOPLE, person._id, ['NOT_FOUND', '找不到该人员']);
      const again = disciplineChange(current.partyDiscipline, input.change, current.status, input.on);
      if (again) throw new DomainError(again);
      const after: NonNullable<Person['partyDiscipline']> =
        input.change === 'impose'
          ? { since: input.on, restoredOn: null, reason: input.reason, byName: by.name }
          : {
              ...(current.partyDiscipline ?? { since: input.on }),
              restoredOn: input.on,
              restoreReason: input.reason,
              restoredByName: by.name,
            };
      await tx.patch(PEOPLE, current._id, { partyDiscipline: after });
      tx.audit(
        input.change === 'impose' ? 'pipeline.discipline.impose' : 'pipeline.discipline.restore',
        `${PEOPLE}/${current._id}`,
        { partyDiscipline: current.partyDiscipline ?? null },
        { partyDiscipline: after },
      );
      return after;
    });
    const view: DisciplineView = {
      personId: person._id,
      since: next.since,
      restoredOn: next.restoredOn,
      inForce: disciplineInForce(next, today),
    };
    return view;
  },
});

export const pipelineAcknowledgeFiling = defineAction({
  name: 'pipeline.acknowledgeFiling',
  summary:
    '上级党委确认收到支部确定入党积极分子、发展对象（2014年细则）决定的备案（A4、A7）；备案不是审批，未确认时下一步骤只提示',
  access: { kind: 'member' },
  errors: [
    'CASE_NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_COMMITTEE',
    'STEP_OUT_OF_ORDER',
    'FILING_ACKNOWLEDGED',
    'FILING_NOT_REQUIRED',
    'CONTENT_REJECTED',
    'CONFLICT',
  ],
  async run({ actor, store, ports, today, nowIso, write }, input) {
    const c = await requireCase(store, input.caseId);
    assertSees(actor, c, today);
    if (!isCommitteeOver(actor.person, c, today)) throw new DomainError('NOT_COMMITTEE');
    const problem = filingAwaited(c, input.decision);
    if (problem?.code === 'FILING_NOT_REQUIRED') throw new DomainError(problem.code, undefined, { rule: 'A7' });
    if (problem) throw new DomainError(problem.code, problem.message);
    const decidedOn = (input.decision === 'activist' ? c.activistSince : c.candidateSince) ?? today;
    if (input.note) await assertPostable(ports, actor.openid, input.note);
    const by = actor.requirePerson();
    const what = input.decision === 'activist' ? '确定入党积极分子' : '确定发展对象';
    const record = baseRecord(c, by, nowIso, {
      kind: 'filing',
      on: today,
      title: `${what}（${decidedOn}）已报上级党委备案`,
      text: input.note ?? null,
    });
    await saveWithCase(
      write,
      c,
      record,
      (cur) => {
        if (cur.filed?.[input.decision]) throw new DomainError('FILING_ACKNOWLEDGED');
        return { ...cur, filed: { ...(cur.filed ?? {}), [input.decision]: today } };
      },
      nowIso,
    );
    return { recordId: record._id, caseId: c._id };
  },
});

/** A committee above the home branch (whose party-line scope is `scope`): the one that keeps 留党察看 (A8). */
function committeeOverBranch(viewer: Person | null, branchId: string, scope: string[], today: string): boolean {
  return isCommitteeOver(viewer, { scope, branchId }, today);
}

/** Whether the person holds a committee office (school, party committee, college) over `p` today. */
function committeeOverPersonRecord(viewer: Person | null, p: Person, today: string): boolean {
  const units = new Set([p.collegeId, ...p.reach]);
  return (viewer?.positions ?? []).some(
    (x) => positionIsActive(x, today) && COMMITTEE_ROLES.includes(x.role) && units.has(x.unitId),
  );
}

export const pipelineCorrectBirthDate = defineAction({
  name: 'pipeline.correctBirthDate',
  summary:
    '更正登记错误的出生日期（A1：出生日期在绑定或导入时登记一次，此后导入不得更改）：由学校、党委或学院干部办理，须写明理由，记入审计；已有发展档案的，档案所记出生日期同时更正，并按申请日重新核对年龄：申请日未满十八周岁的，此后各步骤不予办理，须年满十八周岁后本人重新申请',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'BIRTH_DATE_UNCHANGED', 'RECORD_IN_FUTURE', 'CONTENT_REJECTED', 'CONFLICT'],
  async run({ actor, store, ports, today, nowIso, write }, input) {
    const person = await requirePerson(store, input.personId);
    if (!committeeOverPersonRecord(actor.person, person, today)) throw new DomainError('OUT_OF_SCOPE');
    if (input.birthDate > today) throw new DomainError('RECORD_IN_FUTURE');
    if (person.birthDate === input.birthDate) throw new DomainError('BIRTH_DATE_UNCHANGED');
    await assertPostable(ports, actor.openid, input.reason);
    const by = actor.requirePerson();
    const ageGate = await write(async (tx) => {
      const [current, c] = await Promise.all([
        tx.require<Person>(PEOPLE, person._id, ['NOT_FOUND', '找不到该人员']),
        tx.get<CaseDoc>(CASES, caseIdFor(person._id)),
      ]);
      if ((current.birthDate ?? null) !== (person.birthDate ?? null)) throw new DomainError('CONFLICT');
      const correction = {
        from: current.birthDate ?? null,
        to: input.birthDate,
        reason: input.reason,
        byName: by.name,
        at: nowIso,
      };
      await tx.patch(PEOPLE, current._id, {
        birthDate: input.birthDate,
        birthDateCorrections: [...(current.birthDateCorrections ?? []), correction],
      });
      tx.audit(
        'pipeline.correctBirthDate',
        `${PEOPLE}/${current._id}`,
        { birthDate: current.birthDate ?? null },
        { birthDate: input.birthDate, correction },
      );
      if (!c) return null;
      // A1: the case keeps its own copy for the gates; it follows the correction in this transaction, and the age on
      // the application day is checked again: every later step reads it (checklistOf), the case page shows it.
      const gate = gateView(applicationAgeItem(c, input.birthDate), c.ruleVersion);
      await tx.patch(CASES, c._id, { subject: { ...c.subject, birthDate: input.birthDate }, updatedAt: nowIso });
      tx.audit(
        'pipeline.caseBirthDate',
        `${CASES}/${c._id}`,
        { subject: c.subject },
        {
          subject: { ...c.subject, birthDate: input.birthDate },
          appliedOn: c.appliedOn,
          stage: c.stage,
          a1: { state: gate.state, missing: gate.missing },
        },
      );
      return gate;
    });
    return { personId: person._id, birthDate: input.birthDate, ageGate };
  },
});

export const pipelineFilings = defineAction({
  name: 'pipeline.filings',
  summary:
    '待确认备案：本人所在党委（学校、党委、学院）范围内，支部确定入党积极分子、发展对象（2014年细则）的决定尚未确认备案的发展档案，按决定日期排序，分页（A4、A7）',
  access: { kind: 'member' },
  errors: ['NOT_COMMITTEE'],
  async run({ actor, store, today }, input) {
    const committees = committeeUnits(actor.person, today);
    if (!committees.length) throw new DomainError('NOT_COMMITTEE');
    const page = await store.page<CaseDoc>(CASES, filingsAwaitedWhere(store, committees), {
      orderBy: FILINGS_ORDER,
      page: input.page,
      pageSize: input.pageSize,
    });
    // The stored scope decided the query; the same predicates as the acknowledgement decide each row.
    return {
      ...page,
      items: page.items
        .filter((c) => isCommitteeOver(actor.person, c, today))
        .map(filingView)
        .filter((f) => f.decisions.length > 0),
    };
  },
});

/** At most this many people answer one search (a name or a student number names few). */
const PEOPLE_FOUND = 20;

export const pipelinePeople = defineAction({
  name: 'pipeline.people',
  summary:
    '党员组织事务查找：按姓名或学号查找本人所在党委（学校、党委、学院）范围内的人员，显示留党察看和出生日期，以及本人可否办理（A1、A8）',
  access: { kind: 'member' },
  errors: ['NOT_COMMITTEE'],
  async run({ actor, store, today }, input) {
    const committees = committeeUnits(actor.person, today);
    if (!committees.length) throw new DomainError('NOT_COMMITTEE');
    const _ = store.command;
    const [rows, units] = await Promise.all([
      store.find<Person>(
        PEOPLE,
        _.and([{ reach: _.in(committees) }, _.or([{ name: input.query }, { studentNo: input.query }])]),
        { orderBy: [['studentNo', 'asc']], limit: PEOPLE_FOUND },
      ),
      unitIndex(store),
    ]);
    const kindOf = kindIndex(units);
    return rows.flatMap((p): PartyRecordView[] => {
      const branch = p.homePartyBranchId ? units.get(p.homePartyBranchId) : undefined;
      const overBranch =
        !!branch && committeeOverBranch(actor.person, branch._id, lineScope(branch, 'party', kindOf), today);
      const overRecord = committeeOverPersonRecord(actor.person, p, today);
      if (!overBranch && !overRecord) return [];
      const d = p.partyDiscipline ?? null;
      return [
        {
          personId: p._id,
          name: p.name,
          studentNo: p.studentNo,
          statusLabel: POLITICAL_STATUS_LABELS[p.status],
          branchName: branch?.name ?? '',
          birthDate: p.birthDate ?? null,
          discipline: d
            ? {
                personId: p._id,
                since: d.since,
                restoredOn: d.restoredOn,
                inForce: disciplineInForce(d, today),
                reason: d.reason ?? '',
                restoreReason: d.restoreReason ?? null,
              }
            : null,
          may: {
            impose: overBranch && disciplineChange(d, 'impose', p.status, today) === null,
            restore: overBranch && disciplineChange(d, 'restore', p.status, today) === null,
            birthDate: overRecord,
          },
        },
      ];
    });
  },
});
