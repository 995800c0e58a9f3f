/** Opening an activist's file, reading it, and what officers record in it (contributions with evidence, notes). */
import type { ActivistFileView, BranchFilesView } from '../../../typings/actions/activists';
import type { Person, Unit } from '../../../typings/domain';
import { type ActionContext, defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import { assertContactsMayCultivate, semesterLabel, semesterOf, semesterRange } from '../../domain/activists';
import { DomainError } from '../../domain/errors';
import { lineScope } from '../../domain/org/lines';
import { newId, type Store } from '../../store';
import { assertPostable } from '../content';
import { kindIndex, unitIndex } from '../org/authority';
import { requireUnit } from '../org/load';
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
  fileId,
  GRADE_SHEETS,
  GRADES,
  type GradeDoc,
  type GradeSheetDoc,
  gradeSheetId,
  NOTES,
  type NoteDoc,
  REPORTS,
  type ReportDoc,
} from './docs';
import { attendedProgram, loadFirstLesson, requireFile, requirePerson, trainingEvidence } from './load';
import { gradeView, reportView } from './views';

/** The statuses an activist file is kept for: from activist until the person is accepted. */
const FILE_STATUSES: readonly Person['status'][] = ['activist', 'development_candidate'];

/** A party branch by id (UNIT_NOT_FOUND, UNIT_KIND_INVALID): files are kept by home party branches only. */
export async function requirePartyBranch(store: Store, id: string): Promise<Unit> {
  const unit = await requireUnit(store, id);
  if (unit.kind !== 'party_branch') throw new DomainError('UNIT_KIND_INVALID', '积极分子档案由所在的党支部管理');
  return unit;
}

export async function fileView(ctx: ActionContext, file: FileDoc): Promise<ActivistFileView> {
  const { actor, store, today, now } = ctx;
  const viewer = actor.personId;
  const officer = isOfficer(actor, file) || isContact(actor, file);
  const person = await requirePerson(store, file.personId);
  const [evidence, reports, contributions, notes, grades, contacts, firstLesson] = await Promise.all([
    trainingEvidence(store, person, today, now, null),
    store.all<ReportDoc>(REPORTS, { personId: file.personId }),
    store.all<ContributionDoc>(CONTRIBUTIONS, { personId: file.personId }),
    officer ? store.all<NoteDoc>(NOTES, { personId: file.personId }) : Promise.resolve(null),
    store.all<GradeDoc>(GRADES, { personId: file.personId }),
    store.byIds<Person>(PEOPLE, file.contactIds),
    loadFirstLesson(store, file.collegeId),
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
    contacts: file.contactIds.map((id) => ({ personId: id, name: contacts.get(id)?.name ?? '' })),
    attendance: {
      present: evidence.present,
      onLeave: evidence.onLeave,
      absent: evidence.absent,
      hours: evidence.hours,
    },
    firstLesson: firstLesson ? { programId: firstLesson.programId, title: firstLesson.title, attended } : null,
    reports: newestFirst(reports, (r) => r.submittedAt).map((r) => reportView(r, viewer, file.contactIds)),
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
    can: {
      self: viewer === file.personId,
      review: isContact(actor, file),
      manage: isKeeper(actor, file.branchScope),
    },
  };
}

export const activistsOpen = defineAction({
  name: 'activists.open',
  summary: '建立入党积极分子档案并指定 1 至 2 名正式党员为培养联系人（A5）；仅积极分子所在的党支部',
  access: { kind: 'permission', permission: KEEPER_PERMISSION },
  errors: [
    'NOT_FOUND',
    'NOT_IN_BRANCH',
    'UNIT_NOT_FOUND',
    'UNIT_KIND_INVALID',
    'OUT_OF_SCOPE',
    'CONTACTS_INVALID',
    'ACTIVIST_FILE_EXISTS',
  ],
  async run(ctx, { personId, contactIds }) {
    const { actor, store, nowIso, today, write } = ctx;
    const person = await requirePerson(store, personId);
    if (!person.homePartyBranchId || !FILE_STATUSES.includes(person.status)) throw new DomainError('NOT_IN_BRANCH');
    const branch = await requirePartyBranch(store, person.homePartyBranchId);
    const branchScope = await branchScopeOf(store, branch);
    assertKeeper(actor, branchScope);
    const contacts = await store.byIds<Person>(PEOPLE, contactIds);
    if (contacts.size !== new Set(contactIds).size) throw new DomainError('CONTACTS_INVALID', '找不到指定的培养联系人');
    assertContactsMayCultivate(
      personId,
      contactIds.map((id) => contacts.get(id)!),
    );
    const doc: FileDoc = {
      _id: fileId(personId),
      personId,
      name: person.name,
      studentNo: person.studentNo,
      collegeId: person.collegeId,
      branchId: branch._id,
      branchName: branch.name,
      branchScope,
      contactIds: [...contactIds],
      openedAt: nowIso,
      openedOn: today,
      openedBy: actor.requirePerson()._id,
    };
    await write(async (tx) => {
      if (await tx.get<FileDoc>(FILES, doc._id)) throw new DomainError('ACTIVIST_FILE_EXISTS');
      await tx.create('activists.open', FILES, doc);
    });
    return fileView(ctx, doc);
  },
});

export const activistsFile = defineAction({
  name: 'activists.file',
  summary:
    '积极分子档案：活动与培训出勤、思想汇报及审阅、考试成绩、突出贡献、学期等次与申诉（本人、培养联系人、所在支部干部和党的上级组织可查看）',
  access: { kind: 'member' },
  errors: ['ACTIVIST_FILE_NOT_FOUND', 'OUT_OF_SCOPE', 'NOT_FOUND'],
  async run(ctx, { personId }) {
    const file = await requireFile(ctx.store, personId);
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
  const [files, grades, sheet, reports] = await Promise.all([
    store.all<FileDoc>(FILES, { branchId: branch._id }),
    store.all<GradeDoc>(GRADES, { branchId: branch._id, term }),
    store.get<GradeSheetDoc>(GRADE_SHEETS, gradeSheetId(branch._id, term)),
    store.all<ReportDoc>(REPORTS, { branchId: branch._id, term }, { field: { text: false } }),
  ]);
  const gradeOf = new Map(grades.map((g) => [g.personId, g]));
  const reportCount = new Map<string, number>();
  for (const r of reports) reportCount.set(r.personId, (reportCount.get(r.personId) ?? 0) + 1);
  return {
    branchId: branch._id,
    branchName: branch.name,
    term,
    termLabel: semesterLabel(term),
    files: files
      .sort((a, b) => (a.studentNo < b.studentNo ? -1 : 1))
      .map((f) => {
        const g = gradeOf.get(f.personId);
        return {
          personId: f.personId,
          name: f.name,
          reports: reportCount.get(f.personId) ?? 0,
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

export const activistsSetContacts = defineAction({
  name: 'activists.setContacts',
  summary: '更换积极分子的培养联系人（1 至 2 名正式党员，A5），记入审计；未审阅的思想汇报由新的联系人审阅',
  access: { kind: 'permission', permission: KEEPER_PERMISSION },
  errors: ['ACTIVIST_FILE_NOT_FOUND', 'OUT_OF_SCOPE', 'CONTACTS_INVALID'],
  async run(ctx, { personId, contactIds }) {
    const { actor, store, write } = ctx;
    const found = await requireFile(store, personId);
    assertKeeper(actor, found.branchScope);
    const contacts = await store.byIds<Person>(PEOPLE, contactIds);
    if (contacts.size !== new Set(contactIds).size) throw new DomainError('CONTACTS_INVALID', '找不到指定的培养联系人');
    assertContactsMayCultivate(
      personId,
      contactIds.map((id) => contacts.get(id)!),
    );
    const after = await write(async (tx) => {
      const f = await tx.require<FileDoc>(FILES, found._id, 'ACTIVIST_FILE_NOT_FOUND');
      const next: FileDoc = { ...f, contactIds: [...contactIds] };
      await tx.put(FILES, next);
      tx.audit(
        'activists.setContacts',
        `${FILES}/${f._id}`,
        { contactIds: f.contactIds },
        { contactIds: next.contactIds },
      );
      return next;
    });
    return fileView(ctx, after);
  },
});
