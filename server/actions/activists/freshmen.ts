/**
 * Early identification (四早, S5): a college's freshmen as a database of basic facts (早选苗), students marked to watch
 * with the reason, and the college's "first lesson" (早教育), a training program whose attendance the list and the
 * activist file show.
 */
import type { FreshmanView } from '../../../typings/actions/activists';
import type { Unit } from '../../../typings/domain';
import { defineAction } from '../../action';
import type { Actor } from '../../actor';
import { DomainError } from '../../domain/errors';
import { emptyPage, mapPage, type Store } from '../../store';
import { personIdFor } from '../org/docs';
import { requireUnit } from '../org/load';
import { ATTENDANCE, type AttendanceDoc } from '../trainings/docs';
import { requireProgram } from '../trainings/load';
import { collegeScopeOf, FRESHMEN_PERMISSION } from './access';
import { type FirstLessonDoc, FRESHMEN, type FreshmanDoc, firstLessonId, freshmanId, SETTINGS } from './docs';
import { loadFirstLesson } from './load';
import { freshmanView } from './views';
import { freshmenWorkbook, readFreshmen } from './workbook';

/** Rows written per transaction (each batch with its audit entry, as the school import does). */
const IMPORT_BATCH = 100;

async function requireCollege(store: Store, id: string): Promise<Unit> {
  const unit = await requireUnit(store, id);
  if (unit.kind !== 'college') throw new DomainError('UNIT_KIND_INVALID', '新生名单由学院管理');
  return unit;
}

async function authorizeCollege(ctx: { actor: Actor; store: Store }, collegeId: string): Promise<Unit> {
  const college = await requireCollege(ctx.store, collegeId);
  ctx.actor.authorize(FRESHMEN_PERMISSION, await collegeScopeOf(ctx.store, college));
  return college;
}

/** Which of these freshmen attended any session of the college's first lesson (one query); null: none set. */
async function firstLessonAttendance(
  store: Store,
  collegeId: string,
  rows: readonly FreshmanDoc[],
): Promise<Map<string, boolean> | null> {
  const lesson = await loadFirstLesson(store, collegeId);
  if (!lesson) return null;
  const ids = rows.map((r) => personIdFor(r.studentNo));
  const present = ids.length
    ? await store.find<AttendanceDoc>(
        ATTENDANCE,
        { programId: lesson.programId, personId: store.command.in(ids) },
        { limit: 1000, field: { personId: true, checkedInAt: true } },
      )
    : [];
  const attended = new Set(present.filter((a) => a.checkedInAt).map((a) => a.personId));
  return new Map(rows.map((r) => [r._id, attended.has(personIdFor(r.studentNo))]));
}

export const freshmenImport = defineAction({
  name: 'freshmen.import',
  summary:
    '导入学院新生名单（xlsx，工作表「新生名单」）：逐行校验，按工作表、行、列列出问题；任何一行有误则不写入；再次导入同一学号更新基本信息，保留关注标记',
  access: { kind: 'permission', permission: FRESHMEN_PERMISSION },
  errors: ['UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE', 'NOT_FOUND', 'FRESHMEN_IMPORT_INVALID'],
  async run(ctx, { collegeId, fileID, check }) {
    const { ports, nowIso, write } = ctx;
    const college = await authorizeCollege(ctx, collegeId);
    const content = await ports.files.download(fileID);
    if (!content) throw new DomainError('NOT_FOUND', '找不到上传的文件');
    const { rows, problems } = await readFreshmen(content);
    if (problems.length) {
      if (check) return { checked: 0, written: 0, problems };
      throw new DomainError('FRESHMEN_IMPORT_INVALID', `新生名单有 ${problems.length} 处错误，未导入任何数据`, {
        problems: problems
          .slice(0, 20)
          .map((p) => `「${p.sheet}」第 ${p.row} 行「${p.column}」：${p.message}`)
          .join('\n'),
      });
    }
    if (check) return { checked: rows.length, written: 0, problems: [] };
    for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
      const batch = rows.slice(i, i + IMPORT_BATCH);
      await write(async (tx) => {
        const written: string[] = [];
        for (const r of batch) {
          const id = freshmanId(college._id, r.studentNo);
          const before = await tx.get<FreshmanDoc>(FRESHMEN, id);
          const doc: FreshmanDoc = {
            _id: id,
            collegeId: college._id,
            studentNo: r.studentNo,
            name: r.name,
            gender: r.gender,
            className: r.className,
            enrolYear: r.enrolYear,
            politicalStatus: r.politicalStatus,
            origin: r.origin,
            offices: r.offices,
            remark: r.remark,
            // An import never removes what officers marked.
            watch: before?.watch ?? null,
            importedAt: nowIso,
          };
          await tx.put(FRESHMEN, doc);
          written.push(id);
        }
        tx.audit('freshmen.import', `${FRESHMEN}/${college._id}`, null, { rows: written });
      });
    }
    return { checked: rows.length, written: rows.length, problems: [] };
  },
});

export const freshmenList = defineAction({
  name: 'freshmen.list',
  summary: '学院新生名单（基本情况、关注标记、是否参加「入党第一课」）',
  access: { kind: 'permission', permission: FRESHMEN_PERMISSION },
  errors: ['UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE'],
  async run(ctx, { collegeId, watchedOnly, page, pageSize }) {
    const { store } = ctx;
    const college = await authorizeCollege(ctx, collegeId);
    const where: Record<string, unknown> = { collegeId: college._id };
    if (watchedOnly) where.watch = store.command.neq(null);
    const rows = await store.page<FreshmanDoc>(FRESHMEN, where, {
      orderBy: [['studentNo', 'asc']],
      page,
      pageSize,
    });
    if (rows.items.length === 0) return emptyPage<FreshmanView>(page, pageSize);
    const attended = await firstLessonAttendance(store, college._id, rows.items);
    return mapPage(rows, (f) => freshmanView(f, attended ? (attended.get(f._id) ?? false) : null));
  },
});

export const freshmenWatch = defineAction({
  name: 'freshmen.watch',
  summary: '标记重点关注的新生并写明理由（早选苗），或取消标记；记入审计',
  access: { kind: 'permission', permission: FRESHMEN_PERMISSION },
  errors: ['FRESHMAN_NOT_FOUND', 'UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE', 'BAD_INPUT'],
  async run(ctx, { freshmanId: id, watch, reason }) {
    const { actor, store, nowIso, today, write } = ctx;
    const found = await store.require<FreshmanDoc>(FRESHMEN, id, 'FRESHMAN_NOT_FOUND');
    await authorizeCollege(ctx, found.collegeId);
    if (watch && !reason) throw new DomainError('BAD_INPUT', undefined, { reason: '请写明关注理由' });
    const by = actor.requirePerson()._id;
    const after = await write(async (tx) => {
      const f = await tx.require<FreshmanDoc>(FRESHMEN, id, 'FRESHMAN_NOT_FOUND');
      const next: FreshmanDoc = { ...f, watch: watch ? { reason, by, at: nowIso, on: today } : null };
      await tx.put(FRESHMEN, next);
      tx.audit('freshmen.watch', `${FRESHMEN}/${id}`, { watch: f.watch }, { watch: next.watch });
      return next;
    });
    const attended = await firstLessonAttendance(store, after.collegeId, [after]);
    return freshmanView(after, attended ? (attended.get(after._id) ?? false) : null);
  },
});

export const freshmenSetFirstLesson = defineAction({
  name: 'freshmen.setFirstLesson',
  summary: '指定学院的「入党第一课」培训项目（早教育），新生名单和积极分子档案据此显示出勤；记入审计',
  access: { kind: 'permission', permission: FRESHMEN_PERMISSION },
  errors: ['UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE', 'NOT_FOUND'],
  async run(ctx, { collegeId, programId }) {
    const { actor, store, nowIso, write } = ctx;
    const college = await authorizeCollege(ctx, collegeId);
    const program = await requireProgram(store, programId);
    // The college's own program, or one run above it (the party committee's first lesson for every college).
    const reaches = program.unitId === college._id || college.ancestors.includes(program.unitId);
    if (!reaches) throw new DomainError('OUT_OF_SCOPE', '该培训项目不是本学院或其上级组织举办的');
    const id = firstLessonId(college._id);
    const doc: FirstLessonDoc = {
      _id: id,
      collegeId: college._id,
      programId,
      title: program.title,
      updatedAt: nowIso,
      updatedBy: actor.requirePerson()._id,
    };
    await write(async (tx) => {
      const before = await tx.get<FirstLessonDoc>(SETTINGS, id);
      await tx.put(SETTINGS, doc);
      tx.audit('freshmen.setFirstLesson', `${SETTINGS}/${id}`, before, doc);
    });
    return { collegeId: college._id, programId, title: program.title };
  },
});

/** How long the template's download link lives. */
export const TEMPLATE_LINK_SECONDS = 3600;

export const freshmenTemplate = defineAction({
  name: 'freshmen.template',
  summary: '下载新生名单模板（xlsx：工作表「新生名单」、列说明和下拉选项），返回临时下载链接',
  access: { kind: 'permission', permission: FRESHMEN_PERMISSION },
  errors: ['UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE'],
  async run(ctx, { collegeId }) {
    const college = await authorizeCollege(ctx, collegeId);
    const example = [['2026010101', '李明', '男', '示例班级', 2026, '共青团员', '', '', '示例行，导入前请删除']];
    const fileID = await ctx.ports.files.upload(
      `lingyan-templates/freshmen/${college._id}.xlsx`,
      await freshmenWorkbook(example),
    );
    const url = await ctx.ports.files.tempUrl(fileID, TEMPLATE_LINK_SECONDS);
    return { fileID, url, fileName: '领雁-新生名单模板.xlsx', expiresInS: TEMPLATE_LINK_SECONDS };
  },
});
