/** Opening an activist's file, reading it, and what officers record in it (contributions with evidence, notes). */
import type { ActivistFileView, BranchFilesView } from '../../../typings/actions/activists';
import type { Person, Unit } from '../../../typings/domain';
import { DEFAULT_RULE_VERSION } from '../../../typings/vocabulary';
import { type ActionContext, defineAction } from '../../action';
import { inSemester, semesterLabel, semesterOf, semesterRange } from '../../domain/activists';
import { DomainError } from '../../domain/errors';
import { lineScope } from '../../domain/org/lines';
import { newId, type Store } from '../../store';
import { assertPostable } from '../content';
import { kindIndex, unitIndex } from '../org/authority';
import { requireUnit } from '../org/load';
import { carriedOverCase } from '../pipeline/apply';
import {
  CASES,
  type CaseDoc,
  caseIdFor,
  SETTINGS as PIPELINE_SETTINGS,
  PIPELINE_SETTINGS_ID,
  type PipelineSettingsDoc,
  RECORDS,
} from '../pipeline/docs';
import {
  assertKeeper,
  assertMayReadFile,
  branchScopeOf,
  isContact,
  isKeeper,
  isOfficer,
  KEEPER_PERMISSION,
} from './access';
import {
  CONTRIBUTIONS,
  type ContributionDoc,
  FILES,
  type FileDoc,
  fileOfCase,
  GRADE_SHEETS,
  GRADES,
  type GradeDoc,
  type GradeSheetDoc,
  gradeSheetId,
  NOTES,
  type NoteDoc,
  type OpenFile,
  REPORTS,
  type ReportDoc,
} from './docs';
import {
  assessmentsOf,
  attendedProgram,
  loadFirstLesson,
  requireFile,
  requireOpenFile,
  requirePerson,
  trainingEvidence,
} from './load';
import { assessmentView, gradeView, reportView } from './views';

/** The statuses an activist file is kept for: from activist until the person is accepted. */
const FILE_STATUSES: readonly Person['status'][] = ['activist', 'development_candidate'];

/** A party branch by id (UNIT_NOT_FOUND, UNIT_KIND_INVALID): files are kept by home party branches only. */
export async function requirePartyBranch(store: Store, id: string): Promise<Unit> {
  const unit = await requireUnit(store, id);
  if (unit.kind !== 'party_branch') throw new DomainError('UNIT_KIND_INVALID', '积极分子档案由所在的党支部管理');
  return unit;
}

export async function fileView(ctx: ActionContext, file: OpenFile): Promise<ActivistFileView> {
  const { actor, store, today, now } = ctx;
  const viewer = actor.personId;
  const officer = isOfficer(actor, file) || isContact(actor, file);
  const contactIds = file.contacts.map((c) => c.id);
  const person = await requirePerson(store, file.personId);
  const [evidence, reports, contributions, notes, grades, assessments, firstLesson] = await Promise.all([
    trainingEvidence(store, person, today, now, null),
    store.all<ReportDoc>(REPORTS, { personId: file.personId }),
    store.all<ContributionDoc>(CONTRIBUTIONS, { personId: file.personId }),
    officer ? store.all<NoteDoc>(NOTES, { personId: file.personId }) : Promise.resolve(null),
    store.all<GradeDoc>(GRADES, { personId: file.personId }),
    assessmentsOf(store, [file.personId]),
    loadFirstLesson(store, person.collegeId),
  ]);
  const attended = firstLesson ? await attendedProgram(store, firstLesson.programId, file.personId) : false;
  const newestFirst = <T extends { _id: string }>(rows: T[], at: (r: T) => string) =>
    rows.sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : a._id < b._id ? 1 : -1));
  return {
    personId: file.personId,
    name: file.name,
    branchId: file.branchId,
    branchName: file.branchName,
    openedOn: file.openedOn,
    contacts: file.contacts.map((c) => ({ personId: c.id, name: c.name })),
    attendance: {
      present: evidence.present,
      onLeave: evidence.onLeave,
      absent: evidence.absent,
      hours: evidence.hours,
    },
    firstLesson: firstLesson ? { programId: firstLesson.programId, title: firstLesson.title, attended } : null,
    reports: newestFirst(reports, (r) => r.submittedAt).map((r) => reportView(r, viewer, contactIds)),
    exams: evidence.exams,
    contributions: newestFirst(contributions, (c) => c.on).map((c) => ({
      id: c._id,
      title: c.title,
      description: c.description,
      points: c.points,
      on: c.on,
      evidence: c.evidence,
    })),
    notes: notes
      ? newestFirst(notes, (n) => n.at).map((n) => ({ text: n.text, by: n.byName, on: n.at.slice(0, 10) }))
      : null,
    grades: grades.sort((a, b) => (a.term < b.term ? 1 : -1)).map((g) => gradeView(g, viewer)),
    assessments: assessments.map((r) => assessmentView(r, file.branchId)),
    can: {
      self: viewer === file.personId,
      review: isContact(actor, file),
      manage: isKeeper(actor, file.branchScope),
    },
  };
}

/**
 * Files are opened by the pipeline's 确定入党积极分子 step, in its transaction. This action remains for the people whose
 * development began before the system: an activist or 发展对象 on the roster with no case gets the case carried over
 * at that stage (one record says so) and the file, in one transaction; a case at those stages without a file (opened
 * before files were) gets its file. Either way the contacts are the case's, named with pipeline.setContacts (A5).
 */
export const activistsOpen = defineAction({
  name: 'activists.open',
  summary:
    '为发展工作始于纸质材料的入党积极分子或发展对象（花名册已载、尚无发展档案）转入发展档案并建立积极分子档案；培养联系人随后在发展档案中确定（A5）。其他积极分子的档案在“确定入党积极分子”时自动建立',
  access: { kind: 'permission', permission: KEEPER_PERMISSION },
  errors: ['NOT_FOUND', 'NOT_IN_BRANCH', 'UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE', 'ACTIVIST_FILE_EXISTS'],
  async run(ctx, { personId }) {
    const { actor, store, nowIso, today, write } = ctx;
    const person = await requirePerson(store, personId);
    if (!person.homePartyBranchId || !FILE_STATUSES.includes(person.status)) throw new DomainError('NOT_IN_BRANCH');
    const branch = await requirePartyBranch(store, person.homePartyBranchId);
    const branchScope = await branchScopeOf(store, branch);
    assertKeeper(actor, branchScope);
    const me = actor.requirePerson();
    const [existing, settings] = await Promise.all([
      store.get<CaseDoc>(CASES, caseIdFor(personId)),
      store.get<PipelineSettingsDoc>(PIPELINE_SETTINGS, PIPELINE_SETTINGS_ID),
    ]);
    if (existing && (existing.branchId !== branch._id || !FILE_STATUSES.includes(existing.stage as Person['status']))) {
      throw new DomainError('NOT_IN_BRANCH');
    }
    const carried = existing
      ? null
      : carriedOverCase(person, branch, branchScope, settings?.ruleVersion ?? DEFAULT_RULE_VERSION, me, today, nowIso);
    const doc = fileOfCase(existing ?? carried!.case, me._id, nowIso, today);
    await write(async (tx) => {
      if (await tx.get<FileDoc>(FILES, doc._id)) throw new DomainError('ACTIVIST_FILE_EXISTS');
      await tx.create('activists.open', FILES, doc);
      if (carried) {
        await tx.insert(CASES, carried.case);
        await tx.insert(RECORDS, carried.record);
        tx.audit('pipeline.carryOver', `${CASES}/${carried.case._id}`, null, carried);
      }
    });
    return fileView(ctx, { ...doc, contacts: existing?.contacts ?? [] });
  },
});

export const activistsFile = defineAction({
  name: 'activists.file',
  summary:
    '积极分子档案：活动与培训出勤、思想汇报及审阅、考试成绩、突出贡献、学期等次与申诉（本人、培养联系人、所在支部干部和党的上级组织可查看）',
  access: { kind: 'member' },
  errors: ['ACTIVIST_FILE_NOT_FOUND', 'OUT_OF_SCOPE', 'NOT_FOUND'],
  async run(ctx, { personId }) {
    const file = await requireOpenFile(ctx.store, personId);
    assertMayReadFile(ctx.actor, file);
    return fileView(ctx, file);
  },
});

export const activistsBranchFiles = defineAction({
  name: 'activists.branchFiles',
  summary: '本支部积极分子档案及其学期等次（学期评定页）',
  access: { kind: 'permission', permission: 'people.read' },
  errors: ['UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE'],
  async run({ actor, store, today }, { branchId, term }) {
    const branch = await requirePartyBranch(store, branchId);
    const scope = await branchScopeOf(store, branch);
    if (!isOfficer(actor, { branchScope: scope })) throw new DomainError('OUT_OF_SCOPE');
    return branchFilesView(store, branch, term ?? semesterOf(today), actor.personId, isKeeper(actor, scope));
  },
});

export async function branchFilesView(
  store: Store,
  branch: Unit,
  term: string,
  viewerId: string | null,
  mayManage: boolean,
): Promise<BranchFilesView> {
  const range = semesterRange(term);
  if (!range) throw new DomainError('TERM_INVALID');
  // A6: the assessments are the development cases' (their dates kept on each case, whichever branch sent them, D6),
  // read with the files in one query for the whole branch.
  const [files, grades, sheet, reports, cases] = await Promise.all([
    store.all<FileDoc>(FILES, { branchId: branch._id }),
    store.all<GradeDoc>(GRADES, { branchId: branch._id, term }),
    store.get<GradeSheetDoc>(GRADE_SHEETS, gradeSheetId(branch._id, term)),
    store.all<ReportDoc>(REPORTS, { branchId: branch._id, term }, { field: { text: false } }),
    store.all<Pick<CaseDoc, '_id' | 'personId' | 'assessedOn'>>(
      CASES,
      { branchId: branch._id },
      { field: { personId: true, assessedOn: true } },
    ),
  ]);
  const assessedOf = new Map(cases.map((c) => [c.personId, c.assessedOn ?? []]));
  const gradeOf = new Map(grades.map((g) => [g.personId, g]));
  const reportCount = new Map<string, number>();
  for (const r of reports) reportCount.set(r.personId, (reportCount.get(r.personId) ?? 0) + 1);
  return {
    branchId: branch._id,
    branchName: branch.name,
    term,
    termLabel: semesterLabel(term),
    files: files
      // Person ids follow from student numbers: in student-number order.
      .sort((a, b) => (a.personId < b.personId ? -1 : 1))
      .map((f) => {
        const g = gradeOf.get(f.personId);
        const assessed = assessedOf.get(f.personId) ?? [];
        return {
          personId: f.personId,
          name: f.name,
          reports: reportCount.get(f.personId) ?? 0,
          assessments: assessed.filter((d) => inSemester(range, d)).length,
          lastAssessedOn: assessed.length ? assessed[assessed.length - 1] : null,
          grade: g ? gradeView(g, viewerId) : null,
        };
      }),
    graded: sheet?.graded ?? 0,
    excellentLimit: sheet?.excellentLimit ?? null,
    excellentDecided: sheet?.excellentDecided ?? 0,
    mayManage,
  };
}

export const activistsRecordContribution = defineAction({
  name: 'activists.recordContribution',
  summary: '记录积极分子的突出贡献及证明材料（云存储文件），计入该日期所在学期的等次',
  access: { kind: 'permission', permission: KEEPER_PERMISSION },
  errors: ['ACTIVIST_FILE_NOT_FOUND', 'OUT_OF_SCOPE', 'BAD_INPUT', 'CONTENT_REJECTED'],
  async run({ actor, store, ports, nowIso, today, write }, input) {
    const file = await requireFile(store, input.personId);
    assertKeeper(actor, file.branchScope);
    const on = input.on ?? today;
    if (on > today) throw new DomainError('BAD_INPUT', undefined, { on: '日期不能晚于今天' });
    const term = semesterOf(on);
    await assertPostable(ports, actor.openid, `${input.title}\n${input.description}`);
    const doc: ContributionDoc = {
      _id: newId('acb'),
      personId: file.personId,
      branchId: file.branchId,
      term,
      title: input.title,
      description: input.description,
      evidence: input.evidence,
      points: input.points,
      on,
      recordedBy: actor.requirePerson()._id,
      recordedAt: nowIso,
    };
    await write((tx) => tx.create('activists.recordContribution', CONTRIBUTIONS, doc));
    return { id: doc._id };
  },
});

export const activistsAddNote = defineAction({
  name: 'activists.addNote',
  summary: '在积极分子档案中记录干部意见（干部和培养联系人可见，本人不可见）',
  access: { kind: 'permission', permission: KEEPER_PERMISSION },
  errors: ['ACTIVIST_FILE_NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, nowIso, write }, { personId, text }) {
    const file = await requireFile(store, personId);
    assertKeeper(actor, file.branchScope);
    const me = actor.requirePerson();
    const doc: NoteDoc = { _id: newId('anote'), personId, text, by: me._id, byName: me.name, at: nowIso };
    await write((tx) => tx.create('activists.addNote', NOTES, doc));
    return { id: doc._id };
  },
});

export const activistsBranches = defineAction({
  name: 'activists.branches',
  summary: '我可查看积极分子档案的党支部（学期评定页的选择列表）',
  access: { kind: 'permission', permission: 'people.read' },
  errors: [],
  async run({ actor, store }) {
    const units = await unitIndex(store);
    const kindOf = kindIndex(units);
    return [...units.values()]
      .filter((u) => u.kind === 'party_branch')
      .filter((u) => isOfficer(actor, { branchScope: lineScope(u, 'party', kindOf) }))
      .sort((a, b) => (a._id < b._id ? -1 : 1))
      .map((u) => ({ id: u._id, name: u.name }));
  },
});
