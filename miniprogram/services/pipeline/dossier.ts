/**
 * 发展档案全卷: the dossier as the server sends it — every record in order with the resolution and the 公示 of its
 * step, the dates of the journey, who was responsible, and the forms the server can print. Nothing here decides
 * whether a form is ready or what a record means: the view says so; this module only words it and opens the file.
 */

import type { DossierEntryView, DossierView } from '../../../typings/actions/dossier';
import { openDocument } from '../../utils/document';
import { formatChineseDate } from '../format';
import { type AttachmentVM, toAttachmentVMs } from './attachments';
import { type ChainLineVM, chainLines } from './journey';

export interface DossierEntryVM {
  id: string;
  date: string;
  title: string;
  meta: string;
  /** Lines under the title: the text, the three evaluations, the resolution, the 公示. */
  lines: string[];
  helpNeeded: boolean;
  attachments: AttachmentVM[];
}

export interface DossierFormVM {
  form: string;
  label: string;
  ready: boolean;
  hint: string;
}

export interface DossierVM {
  title: string;
  meta: string;
  milestones: { label: string; date: string }[];
  chain: ChainLineVM[];
  entries: DossierEntryVM[];
  forms: DossierFormVM[];
}

function linesOf(e: DossierEntryView): string[] {
  const lines: string[] = [];
  if (e.talk) {
    lines.push(`提纲：${e.talk.topics}`, e.talk.content, `谈话意见：${e.talk.opinion}`);
  } else if (e.assessment) {
    lines.push(e.assessment.content, `考察意见：${e.assessment.opinion}`);
  } else if (e.text) {
    lines.push(e.text);
  }
  for (const x of e.evaluations) lines.push(`${x.label}：${x.resultLabel}（${x.opinion}）`);
  const r = e.resolution;
  if (r) {
    lines.push(
      `${r.kindLabel} · ${formatChineseDate(r.date)} · 应到 ${r.expected} 人，实到 ${r.present} 人 · 赞成 ${r.yes}、反对 ${r.no}、弃权 ${r.abstain}${r.outcomeLabel ? ` · ${r.outcomeLabel}` : ''}`,
    );
  }
  const p = e.publicity;
  if (p) {
    const window = p.start && p.end ? `${formatChineseDate(p.start)}至${formatChineseDate(p.end)}` : '未发布';
    lines.push(
      `公示：${p.title}（${window}，${p.outcomeLabel ?? p.stateLabel}${p.objections ? `，异议 ${p.objections} 件，成立 ${p.upheld} 件` : ''}）`,
    );
  }
  if (e.meetingRef) lines.push(`会议记录：${e.meetingRef}`);
  return lines;
}

export function toDossierVM(v: DossierView): DossierVM {
  return {
    title: `${v.personName}的发展档案`,
    meta: [v.studentNo, v.branchName, v.stageLabel, v.ruleVersionLabel].filter(Boolean).join(' · '),
    milestones: v.milestones.map((m) => ({ label: m.label, date: m.on ? formatChineseDate(m.on) : '—' })),
    chain: chainLines(v.chain),
    entries: v.entries.map((e) => ({
      id: e.id,
      date: formatChineseDate(e.on),
      title: e.title,
      meta: [e.label, e.byName, e.fromUnitName].filter(Boolean).join(' · '),
      lines: linesOf(e),
      helpNeeded: e.helpNeeded,
      attachments: toAttachmentVMs(e.attachments),
    })),
    forms: v.forms.map((f) => ({
      form: f.form,
      label: f.label,
      ready: f.ready,
      hint: f.ready ? '生成 Word 文档' : (f.missing ?? ''),
    })),
  };
}

/** Downloads the generated form and opens it in the document viewer. */
export const openForm = (url: string): Promise<boolean> => openDocument(url, 'docx');
