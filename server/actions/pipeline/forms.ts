/**
 * The paper forms of the dossier (A23), as a small document model built from the dossier view: the 推优表, the
 * 考察表 (cultivation and assessment with the three evaluations, S6, and the two-level pre-examination, S7), the
 * branch meeting's resolution (F4: from the vote's stored aggregates), the 公示 texts and the talk records (A25).
 * Pure: the renderer (docx.ts) turns the model into a .docx; tests read the model or the rendered text.
 */
import type { DossierEntryView, DossierView } from '../../../typings/actions/dossier';
import type { DossierForm, PipelineStep } from '../../../typings/vocabulary';

export type FormBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A two-column table: label, value. */
  | { kind: 'fields'; rows: [string, string][] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  /** Lines to sign and date by hand, right-aligned. */
  | { kind: 'signature'; lines: string[] };

export interface FormDocument {
  title: string;
  /** Under the title: the branch and the rule version. */
  subtitle: string;
  blocks: FormBlock[];
}

/** 2026-10-12 → 2026年10月12日. */
export function chineseDate(day: string | null): string {
  if (!day) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

const or = (s: string | null | undefined): string => (s?.trim() ? s : '—');
const SIGN_DATE = '年    月    日';

/** What the branch resolved at each step, as the resolution words it when the person passed (F4). */
const RESOLVED: Record<PipelineStep, string> = {
  determine_activist: '同意确定为入党积极分子',
  determine_candidate: '同意列为发展对象',
  pre_examine: '同意报党委预审',
  branch_accept: '同意接收为中共预备党员，报上级党委审批',
  approve_acceptance: '批准接收为中共预备党员',
  extend_probation: '同意延长预备期，报上级党委审批',
  branch_convert: '同意按期转为中共正式党员，报上级党委审批',
  approve_conversion: '批准转为中共正式党员',
  cancel: '同意取消预备党员资格，报上级党委审批',
  approve_extension: '批准延长预备期',
  approve_cancellation: '批准取消预备党员资格',
};

function basics(v: DossierView, birthDate: string | null): FormBlock {
  return {
    kind: 'fields',
    rows: [
      ['姓名', v.personName],
      ['学号', or(v.studentNo)],
      ['出生日期', chineseDate(birthDate)],
      ['所在党支部', v.branchName],
      ['目前阶段', v.stageLabel],
      ['适用规定', v.ruleVersionLabel],
    ],
  };
}

function voteSentence(name: string, e: DossierEntryView): string {
  const r = e.resolution;
  if (!r) return '';
  const counted =
    `${r.unitName}于${chineseDate(r.date)}召开会议（${r.title}），应到有表决权的党员${r.expected}名，实到${r.present}名，` +
    `采取${or(r.method)}方式表决。${name}同志得赞成票${r.yes}票、反对票${r.no}票、弃权票${r.abstain}票` +
    (r.invalid ? `、无效票${r.invalid}票` : '');
  return `${counted}，表决结果：${or(r.outcomeLabel)}。`;
}

function tuiyouForm(v: DossierView, birthDate: string | null): FormDocument {
  const tuiyou = v.entries.filter((e) => e.kind === 'tuiyou');
  const members = v.entries.filter((e) => e.kind === 'recommendation');
  const blocks: FormBlock[] = [basics(v, birthDate)];
  if (tuiyou.length) {
    blocks.push({ kind: 'heading', text: '团组织推优' });
    blocks.push({
      kind: 'table',
      header: ['决定日期', '推优类别', '团组织', '会议记录', '表决情况', '结果'],
      rows: tuiyou.map((e) => [
        chineseDate(e.on),
        e.title,
        or(e.fromUnitName),
        or(e.meetingRef),
        e.resolution ? `应到${e.resolution.expected}人，实到${e.resolution.present}人，赞成${e.resolution.yes}票` : '—',
        '推荐',
      ]),
    });
  }
  if (members.length) {
    blocks.push({ kind: 'heading', text: '党员推荐' });
    for (const e of members) {
      blocks.push({
        kind: 'fields',
        rows: [
          ['推荐日期', chineseDate(e.on)],
          ['推荐人', e.title.replace(/^党员推荐：/, '')],
          ['推荐意见', or(e.text)],
          ['登记人', e.byName],
        ],
      });
    }
  }
  blocks.push({
    kind: 'signature',
    lines: ['团支部（盖章）：', SIGN_DATE, '党支部意见：', `党支部书记签字：    ${SIGN_DATE}`],
  });
  return { title: '推荐优秀团员入党（推优）登记表', subtitle: v.branchName, blocks };
}

function assessmentForm(v: DossierView, birthDate: string | null): FormDocument {
  const blocks: FormBlock[] = [
    basics(v, birthDate),
    {
      kind: 'fields',
      rows: [
        ['递交入党申请日期', chineseDate(v.milestones[0]?.on ?? null)],
        ['确定为入党积极分子日期', chineseDate(v.milestones[1]?.on ?? null)],
        ['确定为发展对象日期', chineseDate(v.milestones[2]?.on ?? null)],
        ['培养联系人', or(v.chain.cultivatedBy.join('、'))],
        ['入党介绍人', or(v.chain.introducedBy.join('、'))],
      ],
    },
  ];
  for (const e of v.entries.filter((x) => x.kind === 'assessment' || x.kind === 'activity')) {
    blocks.push({ kind: 'heading', text: `${e.label}（${chineseDate(e.on)}）` });
    blocks.push({
      kind: 'fields',
      rows: [
        ['报送单位', e.fromUnitName],
        ['考察人', e.byName],
        ['考察内容', or(e.assessment?.content)],
        ['考察意见', or(e.assessment?.opinion)],
      ],
    });
    if (e.evaluations.length) {
      blocks.push({
        kind: 'table',
        header: ['评议', '结果', '意见'],
        rows: e.evaluations.map((x) => [x.label, x.resultLabel, x.opinion]),
      });
      if (e.helpNeeded) blocks.push({ kind: 'paragraph', text: '评议结果有“较差”，党支部应安排帮扶。' });
    }
  }
  const reviews = v.entries.filter((e) => e.kind === 'political_review' || e.kind === 'pre_exam');
  if (reviews.length) {
    blocks.push({ kind: 'heading', text: '政治审查与预审' });
    blocks.push({
      kind: 'table',
      header: ['日期', '事项', '办理人', '意见'],
      rows: reviews.map((e) => [chineseDate(e.on), e.title, `${e.byName}（${e.fromUnitName}）`, or(e.text)]),
    });
  }
  blocks.push({ kind: 'signature', lines: [`培养联系人签字：    ${SIGN_DATE}`, `党支部书记签字：    ${SIGN_DATE}`] });
  return { title: '入党积极分子、发展对象培养考察登记表', subtitle: v.branchName, blocks };
}

function resolutionForm(v: DossierView): FormDocument {
  const blocks: FormBlock[] = [];
  for (const e of v.entries.filter((x) => x.kind === 'step' && x.resolution)) {
    const r = e.resolution!;
    const passed = r.outcomeLabel === '通过';
    blocks.push({ kind: 'heading', text: `${e.title}（${chineseDate(r.date)}）` });
    blocks.push({ kind: 'paragraph', text: voteSentence(v.personName, e) });
    blocks.push({
      kind: 'fields',
      rows: [
        ['表决类型', r.kindLabel],
        ['应到 / 实到', `${r.expected} / ${r.present}`],
        ['赞成 / 反对 / 弃权', `${r.yes} / ${r.no} / ${r.abstain}`],
        ['会议记录', or(e.meetingRef)],
      ],
    });
    blocks.push({
      kind: 'paragraph',
      text: `决议：${passed && e.step ? `${RESOLVED[e.step]}。` : `${v.personName}同志未获通过。`}`,
    });
  }
  blocks.push({ kind: 'signature', lines: ['党支部（盖章）：', `党支部书记签字：    ${SIGN_DATE}`] });
  return { title: `${v.branchName}支部大会决议`, subtitle: `关于${v.personName}同志`, blocks };
}

function publicityForm(v: DossierView): FormDocument {
  const blocks: FormBlock[] = [];
  for (const e of v.entries.filter((x) => x.publicity)) {
    const p = e.publicity!;
    blocks.push({ kind: 'heading', text: p.title });
    blocks.push({ kind: 'paragraph', text: p.body });
    blocks.push({
      kind: 'fields',
      rows: [
        ['公示对象', p.subjects.join('、')],
        ['发布单位', p.unitName],
        ['公示期', `${chineseDate(p.start)}至${chineseDate(p.end)}`],
        ['状态', p.stateLabel],
        ['公示结果', or(p.outcomeLabel)],
        ['异议', p.objections ? `${p.objections}件，其中成立${p.upheld}件` : '无'],
        ['关联步骤', `${e.title}（${chineseDate(e.on)}）`],
      ],
    });
  }
  return { title: '发展党员公示材料', subtitle: `${v.branchName} · ${v.personName}`, blocks };
}

function talksForm(v: DossierView): FormDocument {
  const blocks: FormBlock[] = [];
  for (const e of v.entries.filter((x) => x.kind === 'talk')) {
    const t = e.talk;
    blocks.push({ kind: 'heading', text: `${t?.kindLabel ?? e.label}（${chineseDate(e.on)}）` });
    blocks.push({
      kind: 'fields',
      rows: [
        ['谈话日期', chineseDate(e.on)],
        ['谈话人', `${e.byName}（${e.fromUnitName}）`],
        ['谈话对象', v.personName],
        ['谈话提纲', or(t?.topics)],
        ['谈话内容', or(t?.content)],
        ['谈话意见', or(t?.opinion)],
      ],
    });
    blocks.push({ kind: 'signature', lines: [`谈话人签字：    ${SIGN_DATE}`] });
  }
  return { title: '发展党员谈话记录', subtitle: `${v.branchName} · ${v.personName}`, blocks };
}

/** The form's document, from the dossier as the reader sees it (names, dates and outcomes as recorded). */
export function formDocument(
  form: DossierForm,
  v: DossierView,
  extra: { birthDate: string | null; today: string },
): FormDocument {
  const doc = (() => {
    switch (form) {
      case 'tuiyou':
        return tuiyouForm(v, extra.birthDate);
      case 'assessment':
        return assessmentForm(v, extra.birthDate);
      case 'resolution':
        return resolutionForm(v);
      case 'publicity':
        return publicityForm(v);
      case 'talks':
        return talksForm(v);
    }
  })();
  return { ...doc, subtitle: `${doc.subtitle}（${chineseDate(extra.today)}由领雁生成）` };
}

/** Every text of the document in order (what a reader of the printed form sees), for checks and tests. */
export function formText(doc: FormDocument): string {
  const parts = [doc.title, doc.subtitle];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') parts.push(b.text);
    else if (b.kind === 'fields') parts.push(...b.rows.flat());
    else if (b.kind === 'table') parts.push(...b.header, ...b.rows.flat());
    else parts.push(...b.lines);
  }
  return parts.join('\n');
}
