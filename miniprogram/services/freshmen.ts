/**
 * 新生信息库 (四早): view models of a college's freshmen list, and the upload of a workbook chosen from a chat. What
 * counts as a problem, who may see the list and whether a student attended the first lesson all come from the server.
 */
import type { FreshmanView, FreshmenImportView } from '../../typings/actions';
import { chooseChatFiles, uniqueStem, uploadToCloud } from '../utils/upload';

export interface FreshmanVM {
  id: string;
  name: string;
  studentNo: string;
  /** 班级 · 政治面貌 · 生源地, what is filled in. */
  meta: string;
  /** 高中任职 and 备注, when given. */
  extra: string;
  watched: boolean;
  watchText: string;
  /** 已参加 / 未参加 / '' (no first lesson set). */
  lesson: string;
  lessonTheme: 'success' | 'warning' | 'default';
}

export function toFreshmanVM(f: FreshmanView): FreshmanVM {
  const lesson = f.firstLessonAttended === null ? '' : f.firstLessonAttended ? '已参加第一课' : '未参加第一课';
  return {
    id: f.id,
    name: f.name,
    studentNo: f.studentNo,
    meta: [f.gender, f.className, f.politicalStatus, f.origin].filter(Boolean).join(' · '),
    extra: [f.offices && `高中任职：${f.offices}`, f.remark && `备注：${f.remark}`].filter(Boolean).join('　'),
    watched: f.watch !== null,
    watchText: f.watch ? `重点关注（${f.watch.on}）：${f.watch.reason}` : '',
    lesson,
    lessonTheme: f.firstLessonAttended === null ? 'default' : f.firstLessonAttended ? 'success' : 'warning',
  };
}

/** Every problem of a refused workbook, one line each, as the server named it (sheet, row, column). */
export function problemLines(v: FreshmenImportView): string[] {
  return v.problems.map((p) => `「${p.sheet}」第 ${p.row} 行「${p.column}」：${p.message}`);
}

/** Lets the person pick an .xlsx from a chat (the way a workbook reaches a phone); null when cancelled. */
export async function chooseWorkbook(): Promise<{ path: string; name: string } | null> {
  const [f] = await chooseChatFiles(1, ['xlsx']);
  return f ? { path: f.path, name: f.name } : null;
}

/** Uploads the chosen workbook to cloud storage (the server reads it there); its fileID, or null on failure. */
export function uploadWorkbook(collegeId: string, path: string): Promise<string | null> {
  return uploadToCloud(`imports/freshmen/${collegeId}/${uniqueStem()}.xlsx`, path);
}
