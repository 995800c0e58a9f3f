/**
 * The dossier of a development case (发展档案, A23: the cultivation and assessment records that go with the file):
 * every record of the journey in order, with what the other modules hold about its steps — the branch's resolution
 * from the votes module (F4: aggregates only, this person's line only) and the 公示's text and outcome from the
 * notices module (objections as counts, never who raised them) — the League's 推优 decisions, the responsibility
 * chain, and the paper forms secretaries still file, generated from it as .docx (see forms.ts) and handed back as a
 * temporary link. Read by the person, the officers of the home branch and the committees above it in the party line.
 */
import type {
  DossierEntryView,
  DossierFileView,
  DossierPublicityView,
  DossierResolutionView,
  DossierView,
  EvaluationView,
} from '../../../typings/actions/dossier';
import type { Person } from '../../../typings/domain';
import {
  CANDIDATE_OUTCOME_LABELS,
  DOSSIER_FORM_LABELS,
  DOSSIER_FORMS,
  EVALUATION_KIND_LABELS,
  EVALUATION_KINDS,
  EVALUATION_RESULT_LABELS,
  NOTICE_OUTCOME_LABELS,
  NOTICE_STATE_LABELS,
  PIPELINE_RECORD_LABELS,
  PIPELINE_STAGE_LABELS,
  PRE_EXAM_CONCLUSION_LABELS,
  PRE_EXAM_LEVEL_LABELS,
  RULE_VERSION_LABELS,
  TALK_KIND_LABELS,
  TUIYOU_TARGET_LABELS,
  VOTE_KIND_LABELS,
} from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import type { Actor } from '../../actor';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import { effectiveState } from '../../domain/notices';
import { evaluatedPoorly, formMissing } from '../../domain/pipeline';
import { shanghaiIso } from '../../domain/time';
import type { Store } from '../../store';
import { NOTICES, type NoticeDoc, OBJECTIONS, type ObjectionDoc } from '../notices/docs';
import {
  DECISIONS,
  type DecisionDoc,
  decisionId,
  RESULTS,
  type ResultsDoc,
  resultsId,
  VOTES,
  type VoteDoc,
} from '../votes/docs';
import { votesOfUnit } from '../votes/history';
import { assertSees, isBranchOfficer, isCommitteeOver } from './access';
import type { CaseDoc, RecordDoc } from './docs';
import { renderDocx } from './docx';
import { formDocument } from './forms';
import { recordsOf, requireCase } from './load';
import { chainView } from './views';

/**
 * Who reads the dossier: the person, the home branch's officers and the committees above it in the party line.
 * Someone who cannot see the case is OUT_OF_SCOPE; a cultivation contact or introducer, who sees the case page, does
 * not take the forms (NOT_BRANCH_OFFICER).
 */
export function assertReadsDossier(actor: Actor, c: CaseDoc, today: string): void {
  assertSees(actor, c, today);
  const p = actor.person;
  if (p?._id === c.personId || isBranchOfficer(p, c.branchId, today) || isCommitteeOver(p, c, today)) return;
  throw new DomainError('NOT_BRANCH_OFFICER');
}

/** What the dossier is made of, read in two rounds: the case's own records, then what its steps point to. */
export interface DossierSources {
  records: RecordDoc[];
  person: Person | null;
  votes: Map<string, VoteDoc>;
  results: Map<string, ResultsDoc>;
  notices: Map<string, NoticeDoc>;
  objections: Map<string, ObjectionDoc[]>;
  tuiyou: { vote: VoteDoc; decidedOn: string; minutesRef: string; recordedByName: string }[];
}

/**
 * The League branch's 推优 decisions recommending the person (B2), with their votes in full: the unit's closed votes
 * (one query), then their decisions and the votes' titles and names (one batch each), whatever their number.
 */
async function tuiyouOf(
  store: Store,
  leagueBranchId: string | null,
  personId: string,
): Promise<DossierSources['tuiyou']> {
  if (!leagueBranchId) return [];
  const ids = (await votesOfUnit(store, leagueBranchId, 'tuiyou'))
    .filter((v) => v.state === 'closed' && v.outcome === 'counted')
    .map((v) => v._id);
  if (!ids.length) return [];
  const [votes, decisions] = await Promise.all([
    store.byIds<VoteDoc>(VOTES, ids),
    store.byIds<DecisionDoc>(DECISIONS, ids.map(decisionId)),
  ]);
  return ids.flatMap((id) => {
    const vote = votes.get(id);
    const d = decisions.get(decisionId(id));
    if (!vote || !d || d.decision.type !== 'tuiyou' || !d.decision.recommended.includes(personId)) return [];
    return [{ vote, decidedOn: d.decidedOn, minutesRef: d.minutesRef, recordedByName: d.recordedByName }];
  });
}

export async function loadDossierSources(store: Store, c: CaseDoc): Promise<DossierSources> {
  const [records, person, tuiyou] = await Promise.all([
    recordsOf(store, c._id),
    store.get<Person>(PEOPLE, c.personId),
    tuiyouOf(store, c.subject.homeLeagueBranchId, c.personId),
  ]);
  const voteIds = [...new Set(records.flatMap((r) => (r.voteId ? [r.voteId] : [])))];
  const noticeIds = [...new Set(records.flatMap((r) => (r.noticeId ? [r.noticeId] : [])))];
  const resultIds = [...voteIds, ...tuiyou.map((t) => t.vote._id)].map(resultsId);
  const [votes, results, notices, objections] = await Promise.all([
    store.byIds<VoteDoc>(VOTES, voteIds),
    store.byIds<ResultsDoc>(RESULTS, resultIds),
    store.byIds<NoticeDoc>(NOTICES, noticeIds),
    noticeIds.length
      ? store.all<ObjectionDoc>(OBJECTIONS, { noticeId: store.command.in(noticeIds) })
      : Promise.resolve([] as ObjectionDoc[]),
  ]);
  for (const t of tuiyou) votes.set(t.vote._id, t.vote);
  return {
    records,
    person,
    votes,
    results,
    notices,
    objections: new Map(noticeIds.map((id) => [id, objections.filter((o) => o.noticeId === id)])),
    tuiyou,
  };
}

/** F4: this person's line of the vote's resolution (other candidates are not in this person's dossier). */
export function resolutionOf(
  vote: VoteDoc | undefined,
  results: ResultsDoc | undefined,
  personId: string,
): DossierResolutionView | null {
  if (!vote) return null;
  const s = results?.sheet;
  const line = s?.lines.find((l) => l.candidateId === personId) ?? null;
  return {
    voteId: vote._id,
    title: vote.title,
    kindLabel:
      vote.kind === 'tuiyou' && vote.tuiyouTarget
        ? `${VOTE_KIND_LABELS.tuiyou}（${TUIYOU_TARGET_LABELS[vote.tuiyouTarget]}）`
        : VOTE_KIND_LABELS[vote.kind],
    unitName: vote.unitName ?? '',
    date: s?.date ?? (vote.openedAt ?? vote.scheduledStart).slice(0, 10),
    method: s?.method ?? '',
    expected: s?.expected ?? 0,
    present: s?.present ?? 0,
    yes: line ? line.yes + line.writtenYes : 0,
    no: line ? line.no + line.writtenNo : 0,
    abstain: line ? line.abstain + line.writtenAbstain : 0,
    invalid: line?.invalid ?? 0,
    outcomeLabel: line?.outcome ? CANDIDATE_OUTCOME_LABELS[line.outcome] : null,
  };
}

/** The 公示 as the dossier files it: its text, window and outcome; objections counted, their authors never named. */
export function publicityOf(
  notice: NoticeDoc | undefined,
  objections: readonly ObjectionDoc[],
  now: Date,
): DossierPublicityView | null {
  if (!notice) return null;
  const w = notice.published?.window ?? null;
  return {
    noticeId: notice._id,
    title: notice.title,
    body: notice.body,
    unitName: notice.unitName,
    subjects: notice.subjects.map((s) => s.name),
    start: w?.start ?? null,
    end: w?.end ?? null,
    stateLabel: NOTICE_STATE_LABELS[effectiveState(notice, now)],
    outcomeLabel: notice.closed ? NOTICE_OUTCOME_LABELS[notice.closed.outcome] : null,
    objections: objections.length,
    upheld: objections.filter((o) => o.handling?.outcome === 'upheld').length,
  };
}

/** The parts a talk or an assessment was recorded with (records.ts writes them as `content\n…意见：opinion`). */
function split(text: string | null, marker: string): { content: string; opinion: string } {
  const t = text ?? '';
  const at = t.lastIndexOf(`\n${marker}`);
  return at < 0 ? { content: t, opinion: '' } : { content: t.slice(0, at), opinion: t.slice(at + 1 + marker.length) };
}

function evaluationsOf(r: RecordDoc): EvaluationView[] {
  const e = r.evaluations;
  if (!e) return [];
  return EVALUATION_KINDS.map((kind) => ({
    kind,
    label: EVALUATION_KIND_LABELS[kind],
    resultLabel: EVALUATION_RESULT_LABELS[e[kind].result],
    opinion: e[kind].opinion,
  }));
}

function entryOf(r: RecordDoc, c: CaseDoc, src: DossierSources, now: Date): DossierEntryView {
  const talkLabel = r.talkKind ? TALK_KIND_LABELS[r.talkKind] : '';
  const talkParts = r.kind === 'talk' ? split(r.text, '谈话意见：') : null;
  return {
    id: r._id,
    kind: r.kind,
    label: PIPELINE_RECORD_LABELS[r.kind],
    on: r.on,
    title: r.title,
    byName: r.byName,
    fromUnitName: r.fromUnitName,
    text: r.text,
    meetingRef: r.meetingRef,
    attachments: r.attachments,
    step: r.step,
    talk: talkParts
      ? {
          kindLabel: talkLabel,
          topics: r.title.startsWith(`${talkLabel}：`) ? r.title.slice(talkLabel.length + 1) : r.title,
          content: talkParts.content,
          opinion: talkParts.opinion,
        }
      : null,
    assessment: r.kind === 'assessment' || r.kind === 'activity' ? split(r.text, '考察意见：') : null,
    evaluations: evaluationsOf(r),
    helpNeeded: r.evaluations ? evaluatedPoorly(EVALUATION_KINDS.map((k) => r.evaluations![k].result)) : false,
    preExam: r.preExam
      ? {
          level: r.preExam.level,
          levelLabel: PRE_EXAM_LEVEL_LABELS[r.preExam.level],
          conclusion: r.preExam.conclusion,
          conclusionLabel: PRE_EXAM_CONCLUSION_LABELS[r.preExam.conclusion],
        }
      : null,
    resolution: r.voteId
      ? resolutionOf(src.votes.get(r.voteId), src.results.get(resultsId(r.voteId)), c.personId)
      : null,
    publicity: r.noticeId ? publicityOf(src.notices.get(r.noticeId), src.objections.get(r.noticeId) ?? [], now) : null,
  };
}

function tuiyouEntry(t: DossierSources['tuiyou'][number], c: CaseDoc, src: DossierSources): DossierEntryView {
  const resolution = resolutionOf(t.vote, src.results.get(resultsId(t.vote._id)), c.personId);
  return {
    id: `tuiyou_${t.vote._id}`,
    kind: 'tuiyou',
    label: '团组织推优',
    on: t.decidedOn,
    title: resolution?.kindLabel ?? VOTE_KIND_LABELS.tuiyou,
    byName: t.recordedByName,
    fromUnitName: t.vote.unitName ?? '',
    text: null,
    meetingRef: t.minutesRef,
    attachments: [],
    step: null,
    talk: null,
    assessment: null,
    evaluations: [],
    helpNeeded: false,
    preExam: null,
    resolution,
    publicity: null,
  };
}

export function dossierView(c: CaseDoc, src: DossierSources, now: Date): DossierView {
  const entries = [
    ...src.records.map((r) => entryOf(r, c, src, now)),
    ...src.tuiyou.map((t) => tuiyouEntry(t, c, src)),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const material = {
    tuiyou: src.tuiyou.length,
    recommendations: entries.filter((e) => e.kind === 'recommendation').length,
    assessments: entries.filter((e) => e.kind === 'assessment').length,
    resolutions: entries.filter((e) => e.kind === 'step' && e.resolution).length,
    publicity: entries.filter((e) => e.publicity).length,
    talks: entries.filter((e) => e.kind === 'talk').length,
  };
  return {
    caseId: c._id,
    personName: c.personName,
    studentNo: src.person?.studentNo ?? '',
    branchName: c.branchName,
    stage: c.stage,
    stageLabel: PIPELINE_STAGE_LABELS[c.stage],
    ruleVersion: c.ruleVersion,
    ruleVersionLabel: RULE_VERSION_LABELS[c.ruleVersion],
    milestones: [
      { label: '递交入党申请', on: c.appliedOn },
      { label: '确定为入党积极分子', on: c.activistSince },
      { label: '确定为发展对象', on: c.candidateSince },
      { label: '党委预审', on: c.preExamOn },
      { label: '支部大会接收为预备党员', on: c.acceptedOn },
      { label: '转为正式党员（党龄起算）', on: c.fullSince },
    ],
    chain: chainView(c),
    entries,
    forms: DOSSIER_FORMS.map((form) => {
      const missing = formMissing(form, material);
      return { form, label: DOSSIER_FORM_LABELS[form], ready: missing === null, missing };
    }),
  };
}

export const pipelineDossier = defineAction({
  name: 'pipeline.dossier',
  summary:
    '发展档案全卷：全部记录按时间排列，附表决结果（仅本人一行）、公示文本和结果、团组织推优、责任链和可生成的纸质表格（本人、本支部书记支委与上级党委可见，A23）',
  access: { kind: 'member' },
  errors: ['CASE_NOT_FOUND', 'OUT_OF_SCOPE', 'NOT_BRANCH_OFFICER'],
  async run({ actor, store, today, now }, input) {
    const c = await requireCase(store, input.caseId);
    assertReadsDossier(actor, c, today);
    return dossierView(c, await loadDossierSources(store, c), now);
  },
});

/** How long the download link of a form lives. */
export const FORM_LINK_SECONDS = 3600;

export const pipelineDossierForm = defineAction({
  name: 'pipeline.dossierForm',
  summary:
    '生成发展档案中的纸质表格（推优表、考察表、支部大会决议、公示材料、谈话记录）为 .docx，存入云存储，返回临时下载链接（A23）',
  access: { kind: 'member' },
  errors: ['CASE_NOT_FOUND', 'OUT_OF_SCOPE', 'NOT_BRANCH_OFFICER', 'DOSSIER_FORM_EMPTY'],
  async run({ actor, store, ports, today, now }, input): Promise<DossierFileView> {
    const c = await requireCase(store, input.caseId);
    assertReadsDossier(actor, c, today);
    const src = await loadDossierSources(store, c);
    const view = dossierView(c, src, now);
    const option = view.forms.find((f) => f.form === input.form);
    if (!option?.ready) {
      throw new DomainError('DOSSIER_FORM_EMPTY', option?.missing ?? undefined, { form: option?.missing ?? '' });
    }
    const doc = formDocument(input.form, view, { birthDate: src.person?.birthDate ?? null, today });
    const content = await renderDocx(doc);
    const stamp = shanghaiIso(now).slice(0, 19).replace(/[-:T]/g, '');
    const fileName = `${DOSSIER_FORM_LABELS[input.form]}-${c.personName}-${stamp}.docx`;
    const fileID = await ports.files.upload(`lingyan-dossiers/${c._id}/${input.form}-${stamp}.docx`, content);
    const url = await ports.files.tempUrl(fileID, FORM_LINK_SECONDS);
    return { fileID, url, fileName, expiresInS: FORM_LINK_SECONDS };
  },
});
