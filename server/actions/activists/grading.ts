/** The branch's grading setting, the computed semester grades, and the committee's decision beside them (S4). */
import type { GradingSettingsView } from '../../../typings/actions/activists';
import type { ActivistGrade, GradeComponent } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import {
  assertBandsDescend,
  assertCommitteeReason,
  assertExcellentWithinQuota,
  assertWeightsSumToHundred,
  attendanceScore,
  contributionsScore,
  examsScore,
  excellentLimit,
  type GradingSettings,
  reportsScore,
  semesterGrades,
  semesterOf,
  semesterRange,
  semesterScore,
} from '../../domain/activists';
import { DomainError } from '../../domain/errors';
import type { Tx } from '../../store';
import { assertPostable } from '../content';
import { assertKeeper, branchScopeOf, isOfficer, KEEPER_PERMISSION } from './access';
import {
  CONTRIBUTIONS,
  type ContributionDoc,
  FILES,
  type FileDoc,
  GRADE_SHEETS,
  GRADES,
  type GradeDoc,
  type GradeSheetDoc,
  type GradingSettingsDoc,
  gradeId,
  gradeSheetId,
  gradingSettingsId,
  REPORTS,
  type ReportDoc,
  SETTINGS,
} from './docs';
import { branchFilesView, requirePartyBranch } from './files';
import { loadGradingSettings, requireGrade, trainingCountsOf } from './load';
import { gradeView } from './views';

function settingsView(branchId: string, s: GradingSettings, own: boolean): GradingSettingsView {
  return { branchId, ...s, own };
}

export const activistsGradingSettings = defineAction({
  name: 'activists.gradingSettings',
  summary: '本支部积极分子学期等次的权重、优秀比例和分数线（未设置时为默认值）',
  access: { kind: 'permission', permission: 'people.read' },
  errors: ['UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE'],
  async run({ actor, store }, { branchId }) {
    const branch = await requirePartyBranch(store, branchId);
    if (!isOfficer(actor, { branchScope: await branchScopeOf(store, branch) })) throw new DomainError('OUT_OF_SCOPE');
    const { settings, own } = await loadGradingSettings(store, branchId);
    return settingsView(branchId, settings, own);
  },
});

export const activistsSetGradingSettings = defineAction({
  name: 'activists.setGradingSettings',
  summary:
    '设置本支部积极分子学期等次的权重（整数，合计须为 100）、优秀比例（规定未作要求，由支部设定）和分数线；记入审计',
  access: { kind: 'permission', permission: KEEPER_PERMISSION },
  errors: ['UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE', 'WEIGHTS_NOT_100', 'BAD_INPUT'],
  async run({ actor, store, nowIso, write }, input) {
    const branch = await requirePartyBranch(store, input.branchId);
    assertKeeper(actor, await branchScopeOf(store, branch));
    assertWeightsSumToHundred(input.weights);
    assertBandsDescend(input.bands);
    const settings: GradingSettings = {
      weights: input.weights,
      excellentShare: input.excellentShare,
      reportsExpected: input.reportsExpected,
      bands: input.bands,
    };
    const id = gradingSettingsId(branch._id);
    await write(async (tx) => {
      const before = await tx.get<GradingSettingsDoc>(SETTINGS, id);
      const doc: GradingSettingsDoc = {
        _id: id,
        branchId: branch._id,
        ...settings,
        updatedAt: nowIso,
        updatedBy: actor.requirePerson()._id,
      };
      await tx.put(SETTINGS, doc);
      tx.audit('activists.setGradingSettings', `${SETTINGS}/${id}`, before, doc);
    });
    return settingsView(branch._id, settings, true);
  },
});

export const activistsComputeGrades = defineAction({
  name: 'activists.computeGrades',
  summary:
    '计算本支部积极分子本学期的等次：出勤、思想汇报、考试、突出贡献按支部权重合成，优秀不超过支部设定的比例；支委会确定等次后不能重算',
  access: { kind: 'permission', permission: KEEPER_PERMISSION },
  errors: ['UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE', 'TERM_INVALID', 'GRADES_DECIDED'],
  async run({ actor, store, today, now, nowIso, write }, input) {
    const { branchId } = input;
    const term = input.term ?? semesterOf(today);
    const branch = await requirePartyBranch(store, branchId);
    const branchScope = await branchScopeOf(store, branch);
    assertKeeper(actor, branchScope);
    const range = semesterRange(term);
    if (!range || range.start > today) throw new DomainError('TERM_INVALID');
    const sheetId = gradeSheetId(branch._id, term);
    const existing = await store.get<GradeSheetDoc>(GRADE_SHEETS, sheetId);
    if (existing && existing.decided > 0) throw new DomainError('GRADES_DECIDED');
    const { settings } = await loadGradingSettings(store, branch._id);
    const [files, reports, contributions] = await Promise.all([
      store.all<FileDoc>(FILES, { branchId: branch._id }),
      store.all<ReportDoc>(REPORTS, { branchId: branch._id, term }, { field: { text: false } }),
      store.all<ContributionDoc>(CONTRIBUTIONS, { branchId: branch._id, term }),
    ]);
    const counts = await trainingCountsOf(
      store,
      files.map((f) => f.personId),
      now,
      range,
    );
    const rows: { file: FileDoc; components: Record<GradeComponent, number | null>; score: number }[] = [];
    for (const file of files) {
      const evidence = counts.get(file.personId);
      if (!evidence) continue;
      const components: Record<GradeComponent, number | null> = {
        attendance: attendanceScore(evidence.present, evidence.absent),
        reports: reportsScore(
          reports.filter((r) => r.personId === file.personId).map((r) => r.review?.mark ?? null),
          settings.reportsExpected,
        ),
        exams: examsScore(evidence.exams),
        contributions: contributionsScore(
          contributions.filter((c) => c.personId === file.personId).map((c) => c.points),
        ),
      };
      rows.push({ file, components, score: semesterScore(components, settings.weights) });
    }
    const grades = semesterGrades(
      rows.map((r) => ({ personId: r.file.personId, score: r.score })),
      settings,
    );
    const sheet: GradeSheetDoc = {
      _id: sheetId,
      branchId: branch._id,
      term,
      graded: rows.length,
      excellentShare: settings.excellentShare,
      excellentLimit: excellentLimit(rows.length, settings.excellentShare),
      decided: 0,
      excellentDecided: 0,
      computedAt: nowIso,
    };
    await write(async (tx) => {
      const again = await tx.get<GradeSheetDoc>(GRADE_SHEETS, sheetId);
      if (again && again.decided > 0) throw new DomainError('GRADES_DECIDED');
      for (const r of rows) {
        const doc: GradeDoc = {
          _id: gradeId(term, r.file.personId),
          personId: r.file.personId,
          name: r.file.name,
          branchId: branch._id,
          branchScope,
          term,
          components: r.components,
          weights: settings.weights,
          score: r.score,
          computed: grades.get(r.file.personId)!,
          computedAt: nowIso,
          decision: null,
          appeal: null,
        };
        await tx.put(GRADES, doc);
      }
      await tx.put(GRADE_SHEETS, sheet);
      tx.audit('activists.computeGrades', `${GRADE_SHEETS}/${sheetId}`, again, {
        ...sheet,
        grades: rows.map((r) => [r.file.personId, r.score, grades.get(r.file.personId)]),
      });
    });
    return branchFilesView(store, branch, term, actor.personId, true);
  },
});

/**
 * Moves the sheet's tally from grade `from` (null: undecided) to `to`, checking the 优秀 quota when `to` is 优秀.
 * Inside the transaction, on the sheet itself, so two decisions at once cannot both take the last place.
 */
export async function retally(tx: Tx, g: GradeDoc, from: ActivistGrade | null, to: ActivistGrade): Promise<void> {
  const sheetId = gradeSheetId(g.branchId, g.term);
  const sheet = await tx.require<GradeSheetDoc>(GRADE_SHEETS, sheetId, 'GRADE_NOT_FOUND');
  const excellentAfter = sheet.excellentDecided - (from === 'excellent' ? 1 : 0) + (to === 'excellent' ? 1 : 0);
  if (to === 'excellent' && from !== 'excellent') assertExcellentWithinQuota(excellentAfter, sheet.excellentLimit);
  await tx.patch(GRADE_SHEETS, sheetId, {
    decided: sheet.decided + (from === null ? 1 : 0),
    excellentDecided: excellentAfter,
  });
}

export const activistsDecideGrade = defineAction({
  name: 'activists.decideGrade',
  summary: '记录支委会确定的学期等次（与计算等次并列保存；不同时须写明理由；优秀不超过支部设定的比例），记入审计',
  access: { kind: 'permission', permission: KEEPER_PERMISSION },
  errors: [
    'GRADE_NOT_FOUND',
    'OUT_OF_SCOPE',
    'GRADE_REASON_REQUIRED',
    'GRADE_QUOTA_EXCEEDED',
    'APPEAL_EXISTS',
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, nowIso, today, write }, { gradeId: id, grade, reason }) {
    const found = await requireGrade(store, id);
    assertKeeper(actor, found.branchScope);
    assertCommitteeReason(found.computed, grade, reason);
    if (found.appeal) throw new DomainError('APPEAL_EXISTS', '该等次已有申诉，请通过答复申诉调整');
    if (reason) await assertPostable(ports, actor.openid, reason);
    const by = actor.requirePerson()._id;
    return write(async (tx) => {
      const g = await tx.require<GradeDoc>(GRADES, id, 'GRADE_NOT_FOUND');
      if (g.appeal) throw new DomainError('APPEAL_EXISTS', '该等次已有申诉，请通过答复申诉调整');
      await retally(tx, g, g.decision?.grade ?? null, grade);
      const decision = { grade, reason, by, at: nowIso, on: today };
      const after: GradeDoc = { ...g, decision };
      await tx.put(GRADES, after);
      tx.audit(
        'activists.decideGrade',
        `${GRADES}/${id}`,
        { computed: g.computed, decision: g.decision },
        { decision },
      );
      return gradeView(after, actor.personId);
    });
  },
});
