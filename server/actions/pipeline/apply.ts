/** Applying to join the Party (A1, A2), and the rule version new cases open under (A0). */
import type { Person, PoliticalStatus, Unit } from '../../../typings/domain';
import { DEFAULT_RULE_VERSION } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import {
  applicantIsAdult,
  applicationToHomeBranch,
  type GateOutcome,
  reapplicationForAge,
} from '../../domain/pipeline';
import { existsOnce, newId } from '../../store';
import { withMembership } from '../org/access';
import { authorizeSettingOwners, lineScopeOf } from '../org/authority';
import { requireUnit } from '../org/load';
import { ATTACHMENT_ERRORS, assertAttachments } from './attachments';
import {
  CASES,
  type CaseDoc,
  caseIdFor,
  NO_DUE,
  PIPELINE_SETTINGS_ID,
  type PipelineSettingsDoc,
  RECORDS,
  type RecordDoc,
  SETTINGS,
  withNext,
} from './docs';
import { caseView } from './views';

/** A failing gate as the error the caller receives: its code, the rule, the source and what is missing. */
export function refuseGate(outcome: GateOutcome): void {
  if (outcome.pass) return;
  throw new DomainError('GATE_NOT_MET', `${outcome.rule}：${outcome.missing}`, {
    rule: outcome.rule,
    source: outcome.source,
    missing: outcome.missing,
  });
}

/** The person's political status and its history after entering `status` on `since`. */
export function statusPatch(person: Person, status: PoliticalStatus, since: string): Partial<Person> {
  return { status, statusHistory: [...person.statusHistory, { status, since }] };
}

/** Who may apply: people not yet on the party's path (a roster status beyond the League is an existing case on paper). */
const MAY_APPLY: readonly PoliticalStatus[] = ['masses', 'league_member'];

export const pipelineApply = defineAction({
  name: 'pipeline.apply',
  summary:
    '递交入党申请：只能向本人所在党支部提出（A2，临时党支部不接收，D6），申请日须年满十八周岁（A1）；出生日期更正后原申请日未满十八周岁的，年满十八周岁后由本人重新申请，发展档案自新申请日重新开始',
  access: { kind: 'member' },
  errors: [
    'UNIT_NOT_FOUND',
    'TEMP_BRANCH_NO_CASE',
    'NOT_HOME_BRANCH',
    'CASE_EXISTS',
    'BIRTH_DATE_FIXED',
    'GATE_NOT_MET',
    'CONFLICT',
    ...ATTACHMENT_ERRORS,
  ],
  async run({ actor, store, ports, today, nowIso, write }, input) {
    const person = actor.requirePerson();
    const branch = await requireUnit(store, input.branchId);
    if (branch.kind === 'temp_party_branch') throw new DomainError('TEMP_BRANCH_NO_CASE');
    const isHome =
      person.homePartyBranchId === branch._id ||
      (person.homePartyBranchId === null && branch.ancestors.includes(person.collegeId));
    const home = applicationToHomeBranch({ kind: branch.kind, isHome }, DEFAULT_RULE_VERSION);
    if (!home.pass) throw new DomainError('NOT_HOME_BRANCH', home.missing, { rule: home.rule, source: home.source });
    // A person on the party's path has a case; they apply again only when its application was made under 18 (A1,
    // found by a corrected birth date) and the case is before probation. The first application reads nothing more.
    const earlier = MAY_APPLY.includes(person.status) ? null : await store.get<CaseDoc>(CASES, caseIdFor(person._id));
    if (!MAY_APPLY.includes(person.status) && !(earlier && reapplicationForAge(earlier))) {
      throw new DomainError('CASE_EXISTS');
    }
    if (person.birthDate && input.birthDate && person.birthDate !== input.birthDate) {
      throw new DomainError('BIRTH_DATE_FIXED');
    }
    const birthDate = person.birthDate ?? input.birthDate ?? null;
    const [settings, scope] = await Promise.all([
      store.get<PipelineSettingsDoc>(SETTINGS, PIPELINE_SETTINGS_ID),
      lineScopeOf(store, branch, 'party'),
    ]);
    const ruleVersion = settings?.ruleVersion ?? DEFAULT_RULE_VERSION;
    refuseGate(applicantIsAdult(birthDate, today, ruleVersion));
    // S3: the application's attachments lie in the folder of the case it opens (its id follows from the person).
    await assertAttachments(ports.files, caseIdFor(person._id), input.attachments);

    const opened = newCase(person, branch, scope, ruleVersion, today, nowIso);
    const doc = withNext(
      {
        ...opened,
        subject: { ...opened.subject, birthDate },
        // A1: the case restarts from this application; its earlier records stay in the dossier.
        ...(earlier ? { openedAt: earlier.openedAt, reappliedOn: today } : {}),
      },
      nowIso,
    );
    const record: RecordDoc = {
      _id: newId('pr'),
      caseId: doc._id,
      personId: person._id,
      kind: 'application',
      on: today,
      step: null,
      talkKind: null,
      title: earlier ? '年满十八周岁后重新递交入党申请书' : '递交入党申请书',
      text: input.statement,
      byId: person._id,
      byName: person.name,
      fromUnitId: branch._id,
      fromUnitName: branch.name,
      attachments: input.attachments,
      meetingRef: null,
      voteId: null,
      noticeId: null,
      statusChange: { status: 'party_applicant', since: today },
      enteredAt: nowIso,
    };
    const joined = person.homePartyBranchId ? person : withMembership(person, branch);
    const patch: Partial<Person> = {
      ...statusPatch(person, 'party_applicant', today),
      homePartyBranchId: branch._id,
      memberOf: joined.memberOf,
      reach: joined.reach,
      ...(person.birthDate ? {} : { birthDate }),
    };
    if (earlier) {
      await write(async (tx) => {
        // Read again inside the transaction: a step or a correction meanwhile makes this one conflict.
        const cur = await tx.get<CaseDoc>(CASES, doc._id);
        if (!cur || cur.updatedAt !== earlier.updatedAt) throw new DomainError('CONFLICT');
        await tx.put(CASES, doc);
        await tx.insert(RECORDS, record);
        tx.audit('pipeline.reapply', `${CASES}/${doc._id}`, cur, { case: doc, record });
        await tx.patch(PEOPLE, person._id, patch);
      });
    } else {
      await existsOnce('CASE_EXISTS', () =>
        write(async (tx) => {
          await tx.insert(CASES, doc);
          await tx.insert(RECORDS, record);
          // One entry for the case, its first record and the person's new status.
          tx.audit('pipeline.apply', `${CASES}/${doc._id}`, null, { case: doc, record });
          await tx.patch(PEOPLE, person._id, patch);
        }),
      );
    }
    return caseView(doc, [record], { ...person, ...patch } as Person, today);
  },
});

export function newCase(
  person: Person,
  branch: Unit,
  scope: string[],
  ruleVersion: CaseDoc['ruleVersion'],
  today: string,
  nowIso: string,
): CaseDoc {
  return {
    _id: caseIdFor(person._id),
    personId: person._id,
    personName: person.name,
    branchId: branch._id,
    branchName: branch.name,
    scope,
    subject: { birthDate: person.birthDate ?? null, homeLeagueBranchId: person.homeLeagueBranchId },
    ruleVersion,
    stage: 'applicant',
    appliedOn: today,
    activistSince: null,
    candidateSince: null,
    acceptedOn: null,
    awaiting: null,
    preExamOn: null,
    extensionMonths: null,
    fullSince: null,
    talks: {},
    assessedOn: [],
    contacts: [],
    introducers: [],
    recommendation: null,
    review: null,
    extensions: 0,
    overridden: [],
    chain: { introducedBy: [], cultivatedBy: [], talkedBy: [], reviewedBy: [], approvedBy: [] },
    nextKind: null,
    nextDue: NO_DUE,
    nextNotBefore: null,
    openedAt: nowIso,
    updatedAt: nowIso,
  };
}

export const pipelineSetRuleVersion = defineAction({
  name: 'pipeline.setRuleVersion',
  summary: '设置新立发展档案适用的细则版本（A0；已立档案保持原版本，记入审计）',
  access: { kind: 'permission', permission: 'rules.configure' },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, nowIso, write }, input) {
    await authorizeSettingOwners(actor, store, ['school', 'party_committee']);
    const doc: PipelineSettingsDoc = {
      _id: PIPELINE_SETTINGS_ID,
      ruleVersion: input.ruleVersion,
      setBy: actor.requirePerson()._id,
      setAt: nowIso,
    };
    await write(async (tx) => {
      const before = await tx.get<PipelineSettingsDoc>(SETTINGS, PIPELINE_SETTINGS_ID);
      await tx.put(SETTINGS, doc);
      tx.audit('pipeline.setRuleVersion', `${SETTINGS}/${PIPELINE_SETTINGS_ID}`, before, doc);
    });
    return { ruleVersion: doc.ruleVersion };
  },
});

/** The stages a development that began on paper is carried over at (the roster says the person reached them). */
export const CARRIED_STAGES = ['activist', 'development_candidate'] as const;

/**
 * A case for a person whose development began before the system (an activist or 发展对象 on the roster, with no case):
 * opened at the stage the roster records, dated from its status history, with one record saying so. Its contacts are
 * then named like any case's (pipeline.setContacts, A5). The caller writes both in one transaction.
 */
export function carriedOverCase(
  person: Person,
  branch: Unit,
  scope: string[],
  ruleVersion: CaseDoc['ruleVersion'],
  by: Person,
  today: string,
  nowIso: string,
): { case: CaseDoc; record: RecordDoc } {
  const since = (status: PoliticalStatus) =>
    [...person.statusHistory].reverse().find((h) => h.status === status)?.since ?? null;
  const stage = person.status === 'development_candidate' ? 'development_candidate' : 'activist';
  const activistSince = since('activist') ?? since('development_candidate') ?? today;
  const candidateSince = stage === 'development_candidate' ? (since('development_candidate') ?? today) : null;
  const opened = newCase(person, branch, scope, ruleVersion, today, nowIso);
  const doc = withNext(
    { ...opened, stage, appliedOn: since('party_applicant') ?? activistSince, activistSince, candidateSince },
    nowIso,
  );
  const label = stage === 'activist' ? '入党积极分子' : '发展对象';
  const record: RecordDoc = {
    _id: newId('pr'),
    caseId: doc._id,
    personId: person._id,
    kind: 'carried_over',
    on: today,
    step: null,
    talkKind: null,
    title: `原有发展材料转入：${label}`,
    text: `此前的发展材料为纸质档案；花名册记载自 ${candidateSince ?? activistSince} 起为${label}`,
    byId: by._id,
    byName: by.name,
    fromUnitId: branch._id,
    fromUnitName: branch.name,
    attachments: [],
    meetingRef: null,
    voteId: null,
    noticeId: null,
    statusChange: null,
    enteredAt: nowIso,
  };
  return { case: doc, record };
}
