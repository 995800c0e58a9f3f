/**
 * The records of a case: talks (the four required talks, A25, and regular talks), cultivation contacts (A5),
 * introducers (A8), the members' recommendation (A4), assessments and activity records (A6; from a temporary branch
 * they flow home, D6) and the political review (A9). Every record is dated; a date in the future or older than the
 * grace the product allows is refused (a back-dated record cannot make a gate pass).
 */
import type { RecordResultView } from '../../../typings/actions/pipeline';
import type { Person, Unit } from '../../../typings/domain';
import { TALK_KIND_LABELS } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import type { Actor } from '../../actor';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import {
  acceptsRecords,
  contactsMayCultivate,
  introducersEligible,
  RECORD_GRACE_DAYS,
  recordDateAllowed,
  recordDeadline,
} from '../../domain/pipeline';
import { addDays } from '../../domain/time';
import { newId, type Store, type Tx } from '../../store';
import { requireUnit } from '../org/load';
import { assertMayManage, assertMayTalk, isBranchOfficer, isCommitteeOver } from './access';
import { ATTACHMENT_ERRORS, assertAttachments } from './attachments';
import { CASES, type CaseDoc, caseIdFor, RECORDS, type RecordDoc, withNext } from './docs';
import { introducerFactsOf, requireCase } from './load';
import { assessmentEvaluations, withEvaluator } from './rings';

/**
 * P-dates: the day of a record is not after today and not before the grace (RECORD_GRACE_DAYS), and not on or before
 * a deadline of the case that had passed when it is entered (`deadline`, see recordDeadline).
 */
export function assertRecordDate(on: string, today: string, deadline: string | null = null): void {
  const earliest = addDays(today, -RECORD_GRACE_DAYS);
  const verdict = recordDateAllowed(on, today, earliest, deadline);
  if (verdict === 'future') throw new DomainError('RECORD_IN_FUTURE');
  if (verdict === 'backdated') {
    const why =
      on < earliest
        ? `记录日期不能早于 ${earliest}（补记期限 ${RECORD_GRACE_DAYS} 天）`
        : `期限 ${deadline} 已过，不能补记该期限内的记录`;
    throw new DomainError('RECORD_BACKDATED', why, { on: why });
  }
}

export function baseRecord(
  c: Pick<CaseDoc, '_id' | 'personId' | 'branchId' | 'branchName'>,
  by: Person,
  nowIso: string,
  fields: Partial<RecordDoc> & Pick<RecordDoc, 'kind' | 'on' | 'title'>,
): RecordDoc {
  return {
    _id: newId('pr'),
    caseId: c._id,
    personId: c.personId,
    step: null,
    talkKind: null,
    text: null,
    byId: by._id,
    byName: by.name,
    fromUnitId: c.branchId,
    fromUnitName: c.branchName,
    attachments: [],
    meetingRef: null,
    voteId: null,
    noticeId: null,
    enteredAt: nowIso,
    ...fields,
  };
}

/**
 * Writes a record and the case as `change` leaves it, in one transaction: the case is read again inside it and must
 * not have moved since the caller checked it (CONFLICT).
 */
export async function saveWithCase(
  write: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R>,
  c: CaseDoc,
  record: RecordDoc,
  change: (c: CaseDoc) => CaseDoc,
  nowIso: string,
  extra?: (tx: Tx, next: CaseDoc) => Promise<void>,
): Promise<CaseDoc> {
  return write(async (tx) => {
    const current = await tx.require<CaseDoc>(CASES, c._id, 'CASE_NOT_FOUND');
    if (current.updatedAt !== c.updatedAt) throw new DomainError('CONFLICT');
    const next = withNext(change(current), nowIso);
    await tx.put(CASES, next);
    await tx.insert(RECORDS, record);
    tx.audit(`pipeline.${record.kind}`, `${RECORDS}/${record._id}`, null, record);
    if (extra) await extra(tx, next);
    return next;
  });
}

const result = (record: RecordDoc): RecordResultView => ({ recordId: record._id, caseId: record.caseId });

function assertOpen(c: CaseDoc): void {
  if (!acceptsRecords(c.stage)) throw new DomainError('STEP_OUT_OF_ORDER');
}

function addName(list: string[], name: string): string[] {
  return list.includes(name) ? list : [...list, name];
}

export const pipelineRecordTalk = defineAction({
  name: 'pipeline.recordTalk',
  summary: '记录谈话：四必谈（A25）与定期谈话；审批前谈话由上级党委委员或组织员进行（A16）',
  access: { kind: 'member' },
  errors: [
    'CASE_NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_BRANCH_OFFICER',
    'NOT_COMMITTEE',
    'STEP_OUT_OF_ORDER',
    'RECORD_BACKDATED',
    'RECORD_IN_FUTURE',
    'CONFLICT',
    ...ATTACHMENT_ERRORS,
  ],
  async run({ actor, store, ports, today, nowIso, write }, input) {
    const c = await requireCase(store, input.caseId);
    assertMayTalk(actor, c, today);
    assertOpen(c);
    if (input.kind === 'before_approval' && !isCommitteeOver(actor.person, c, today)) {
      throw new DomainError('NOT_COMMITTEE');
    }
    assertRecordDate(
      input.on,
      today,
      input.kind === 'application' ? recordDeadline('application_talk', c, input.on) : null,
    );
    await assertAttachments(ports.files, c._id, input.attachments);
    const by = actor.requirePerson();
    const record = baseRecord(c, by, nowIso, {
      kind: 'talk',
      on: input.on,
      talkKind: input.kind,
      title: `${TALK_KIND_LABELS[input.kind]}：${input.topics}`,
      text: `${input.content}\n谈话意见：${input.opinion}`,
      attachments: input.attachments,
    });
    await saveWithCase(
      write,
      c,
      record,
      (cur) => {
        const talks = { ...cur.talks };
        if (input.kind !== 'regular') {
          const held = talks[input.kind];
          talks[input.kind] = held && held <= input.on ? held : input.on;
        }
        return { ...cur, talks, chain: { ...cur.chain, talkedBy: addName(cur.chain.talkedBy, by.name) } };
      },
      nowIso,
    );
    return result(record);
  },
});

/**
 * Names people on the case (the cultivation contacts or the introducers): one record titled with their names, the
 * case's list replaced and the responsibility chain's link rewritten, in one write with its audit entry.
 */
async function namePeopleOnCase(
  ctx: { write: Parameters<typeof saveWithCase>[0]; nowIso: string; by: Person },
  c: CaseDoc,
  on: string,
  people: readonly Person[],
  role:
    | { kind: 'contacts'; title: string; field: 'contacts'; link: 'cultivatedBy' }
    | {
        kind: 'introducers';
        title: string;
        field: 'introducers';
        link: 'introducedBy';
      },
): Promise<RecordResultView> {
  const named = people.map((p) => ({ id: p._id, name: p.name }));
  const record = baseRecord(c, ctx.by, ctx.nowIso, {
    kind: role.kind,
    on,
    title: `${role.title}：${named.map((n) => n.name).join('、')}`,
  });
  await saveWithCase(
    ctx.write,
    c,
    record,
    (cur) => ({ ...cur, [role.field]: named, chain: { ...cur.chain, [role.link]: named.map((n) => n.name) } }),
    ctx.nowIso,
  );
  return result(record);
}

async function peopleNamed(store: Store, ids: readonly string[]): Promise<Person[]> {
  const found = await store.byIds<Person>(PEOPLE, ids);
  return ids.map((id) => {
    const p = found.get(id);
    if (!p) throw new DomainError('NOT_FOUND', '找不到该人员');
    return p;
  });
}

export const pipelineSetContacts = defineAction({
  name: 'pipeline.setContacts',
  summary: '确定或更换培养联系人：一至二名正式党员（A5）；积极分子档案读取同一记录，尚未审阅的思想汇报由新的联系人审阅',
  access: { kind: 'member' },
  errors: [
    'CASE_NOT_FOUND',
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_BRANCH_OFFICER',
    'STEP_OUT_OF_ORDER',
    'CONTACT_NOT_ELIGIBLE',
    'RECORD_BACKDATED',
    'RECORD_IN_FUTURE',
    'CONFLICT',
  ],
  async run({ actor, store, today, nowIso, write }, input) {
    const c = await requireCase(store, input.caseId);
    assertMayManage(actor, c, today);
    if (c.stage !== 'activist' && c.stage !== 'development_candidate') throw new DomainError('STEP_OUT_OF_ORDER');
    assertRecordDate(input.on, today);
    const people = await peopleNamed(store, input.contactIds);
    const check = contactsMayCultivate(
      c.personId,
      people.map((p) => ({ id: p._id, name: p.name, status: p.status })),
      c.ruleVersion,
    );
    if (!check.pass) {
      throw new DomainError('CONTACT_NOT_ELIGIBLE', check.missing, {
        rule: 'A5',
        source: check.source,
        contactIds: check.missing,
      });
    }
    return namePeopleOnCase({ write, nowIso, by: actor.requirePerson() }, c, input.on, people, {
      kind: 'contacts',
      title: '培养联系人',
      field: 'contacts',
      link: 'cultivatedBy',
    });
  },
});

export const pipelineSetIntroducers = defineAction({
  name: 'pipeline.setIntroducers',
  summary: '确定入党介绍人：两名正式党员，受留党察看处分未恢复党员权利的不能担任（A8）',
  access: { kind: 'member' },
  errors: [
    'CASE_NOT_FOUND',
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_BRANCH_OFFICER',
    'STEP_OUT_OF_ORDER',
    'INTRODUCER_NOT_ELIGIBLE',
    'RECORD_BACKDATED',
    'RECORD_IN_FUTURE',
    'CONFLICT',
  ],
  async run({ actor, store, today, nowIso, write }, input) {
    const c = await requireCase(store, input.caseId);
    assertMayManage(actor, c, today);
    if (c.stage !== 'development_candidate' || c.preExamOn) throw new DomainError('STEP_OUT_OF_ORDER');
    assertRecordDate(input.on, today);
    const people = await peopleNamed(store, [...new Set(input.introducerIds)]);
    const check = introducersEligible(introducerFactsOf(people, input.on), c.ruleVersion);
    if (!check.pass || people.some((p) => p._id === c.personId)) {
      const missing = check.pass ? '本人不能作自己的入党介绍人' : check.missing;
      throw new DomainError('INTRODUCER_NOT_ELIGIBLE', missing, {
        rule: 'A8',
        source: check.pass ? '' : check.source,
        missing,
      });
    }
    return namePeopleOnCase({ write, nowIso, by: actor.requirePerson() }, c, input.on, people, {
      kind: 'introducers',
      title: '入党介绍人',
      field: 'introducers',
      link: 'introducedBy',
    });
  },
});

export const pipelineRecordRecommendation = defineAction({
  name: 'pipeline.recordRecommendation',
  summary: '记录党员推荐入党积极分子人选（A4；团员推优来自团组织的推优决定）',
  access: { kind: 'member' },
  errors: [
    'CASE_NOT_FOUND',
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_BRANCH_OFFICER',
    'STEP_OUT_OF_ORDER',
    'CONTACT_NOT_ELIGIBLE',
    'RECORD_BACKDATED',
    'RECORD_IN_FUTURE',
    'CONFLICT',
  ],
  async run({ actor, store, today, nowIso, write }, input) {
    const c = await requireCase(store, input.caseId);
    assertMayManage(actor, c, today);
    if (c.stage !== 'applicant') throw new DomainError('STEP_OUT_OF_ORDER');
    assertRecordDate(input.on, today);
    const people = await peopleNamed(store, [...new Set(input.recommenderIds)]);
    for (const p of people) {
      if ((p.status !== 'full_member' && p.status !== 'probationary_member') || p._id === c.personId) {
        throw new DomainError('CONTACT_NOT_ELIGIBLE', `${p.name} 不是党员，不能推荐`, {
          rule: 'A4',
          recommenderIds: p.name,
        });
      }
    }
    const record = baseRecord(c, actor.requirePerson(), nowIso, {
      kind: 'recommendation',
      on: input.on,
      title: `党员推荐：${people.map((p) => p.name).join('、')}`,
      text: input.content,
    });
    await saveWithCase(
      write,
      c,
      record,
      (cur) => ({ ...cur, recommendation: { source: 'members', on: input.on } }),
      nowIso,
    );
    return result(record);
  },
});

/**
 * Who sends an assessment from `unit`: an officer of the person's home branch there, or (D6: records flow home) an
 * officer of a temporary branch the person belongs to. Anyone else: OUT_OF_SCOPE.
 */
function assertMaySubmitFrom(actor: Actor, unit: Unit, subject: Person, today: string): void {
  if (unit._id === subject.homePartyBranchId) {
    if (!isBranchOfficer(actor.person, unit._id, today)) throw new DomainError('NOT_BRANCH_OFFICER');
    return;
  }
  if (unit.kind !== 'temp_party_branch' && unit.kind !== 'temp_league_branch') throw new DomainError('OUT_OF_SCOPE');
  if (!isBranchOfficer(actor.person, unit._id, today)) throw new DomainError('OUT_OF_SCOPE');
  if (!subject.memberOf.includes(unit._id)) throw new DomainError('NOT_TEMP_BRANCH_MEMBER');
}

export const pipelineRecordAssessment = defineAction({
  name: 'pipeline.recordAssessment',
  summary: '报送考察或活动表现：本人所在党支部或其所在临时支部均可报送，记入本人发展档案（A6，D6）',
  access: { kind: 'member' },
  errors: [
    'CASE_NOT_FOUND',
    'NOT_FOUND',
    'UNIT_NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_BRANCH_OFFICER',
    'NOT_TEMP_BRANCH_MEMBER',
    'STEP_OUT_OF_ORDER',
    'BAD_INPUT',
    'RECORD_BACKDATED',
    'RECORD_IN_FUTURE',
    'CONFLICT',
    ...ATTACHMENT_ERRORS,
  ],
  async run({ actor, store, ports, today, nowIso, write }, input) {
    const [c, unit, subject] = await Promise.all([
      store.get<CaseDoc>(CASES, caseIdFor(input.personId)),
      requireUnit(store, input.unitId),
      store.get<Person>(PEOPLE, input.personId),
    ]);
    if (!subject) throw new DomainError('OUT_OF_SCOPE');
    // Who may send from this unit is decided before anything is said about the case (its existence included).
    assertMaySubmitFrom(actor, unit, subject, today);
    if (!c || c.branchId !== subject.homePartyBranchId) throw new DomainError('CASE_NOT_FOUND');
    assertOpen(c);
    assertRecordDate(input.on, today, input.kind === 'assessment' ? recordDeadline('assessment', c, input.on) : null);
    await assertAttachments(ports.files, c._id, input.attachments);
    const by = actor.requirePerson();
    const evaluations = assessmentEvaluations(input);
    const record = baseRecord(c, by, nowIso, {
      kind: input.kind,
      on: input.on,
      title: input.kind === 'assessment' ? (evaluations ? '考察（含三评）' : '考察') : '活动表现',
      text: `${input.content}\n考察意见：${input.opinion}`,
      fromUnitId: unit._id,
      fromUnitName: unit.name,
      attachments: input.attachments,
      ...(evaluations ? { evaluations } : {}),
    });
    await saveWithCase(
      write,
      c,
      record,
      (cur) =>
        input.kind === 'assessment'
          ? {
              ...cur,
              assessedOn: [...cur.assessedOn, input.on].sort(),
              chain: evaluations ? withEvaluator(cur.chain, `${by.name}（${unit.name}）`) : cur.chain,
            }
          : cur,
      nowIso,
    );
    return result(record);
  },
});

export const pipelineRecordReview = defineAction({
  name: 'pipeline.recordReview',
  summary: '记录政治审查结论（A9）',
  access: { kind: 'member' },
  errors: [
    'CASE_NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_BRANCH_OFFICER',
    'STEP_OUT_OF_ORDER',
    'RECORD_BACKDATED',
    'RECORD_IN_FUTURE',
    'CONFLICT',
    ...ATTACHMENT_ERRORS,
  ],
  async run({ actor, store, ports, today, nowIso, write }, input) {
    const c = await requireCase(store, input.caseId);
    assertMayManage(actor, c, today);
    if (c.stage !== 'development_candidate' || c.preExamOn) throw new DomainError('STEP_OUT_OF_ORDER');
    assertRecordDate(input.on, today);
    await assertAttachments(ports.files, c._id, input.attachments);
    const by = actor.requirePerson();
    const record = baseRecord(c, by, nowIso, {
      kind: 'political_review',
      on: input.on,
      title: input.conclusion === 'qualified' ? '政治审查：合格' : '政治审查：不合格',
      text: input.summary,
      attachments: input.attachments,
    });
    await saveWithCase(
      write,
      c,
      record,
      (cur) => ({
        ...cur,
        review: { conclusion: input.conclusion, on: input.on },
        chain: { ...cur.chain, reviewedBy: addName(cur.chain.reviewedBy, by.name) },
      }),
      nowIso,
    );
    return result(record);
  },
});
