/**
 * The dossier's rules and its printed forms: the two-level pre-examination in order (S7), the evaluations that ask
 * for help (S6), what each form is made from (A23), and the .docx the renderer writes — unzipped and read back, so
 * the printed text is what a secretary files: the person's name, the dates and the outcomes as stored.
 */

import type { CaseDoc, RecordDoc } from '../../../server/actions/pipeline/docs';
import { renderDocx } from '../../../server/actions/pipeline/docx';
import { type DossierSources, dossierView } from '../../../server/actions/pipeline/dossier';
import { chineseDate, formDocument, formText } from '../../../server/actions/pipeline/forms';
import type { ResultsDoc, VoteDoc } from '../../../server/actions/votes/docs';
import { evaluatedPoorly, formMissing, preExamInOrder } from '../../../server/domain/pipeline';
import { docxText } from '../../support/docx-text';

describe('S7: the school pre-examines only after the college passed the case', () => {
  it('the college goes first; the school waits for a college pass', () => {
    expect(preExamInOrder('college', {})).toBeNull();
    expect(preExamInOrder('school', {})).toBe('须先经学院党委（党总支）预审通过');
    expect(preExamInOrder('school', { college: { conclusion: 'returned' } })).toBe('须先经学院党委（党总支）预审通过');
    expect(preExamInOrder('school', { college: { conclusion: 'passed' } })).toBeNull();
  });

  it('a level that returned the case examines it again; a level that passed does not', () => {
    expect(preExamInOrder('college', { college: { conclusion: 'returned' } })).toBeNull();
    expect(preExamInOrder('college', { college: { conclusion: 'passed' } })).toBe('学院党委（党总支）预审已通过');
    expect(
      preExamInOrder('school', { college: { conclusion: 'passed' }, school: { conclusion: 'returned' } }),
    ).toBeNull();
    expect(preExamInOrder('college', { college: { conclusion: 'passed' }, school: { conclusion: 'passed' } })).toBe(
      '两级预审均已通过',
    );
  });
});

describe('S6 and A23: evaluations and the forms', () => {
  it('an evaluation of 较差 asks the branch to help', () => {
    expect(evaluatedPoorly(['good', 'fair', 'average'])).toBe(false);
    expect(evaluatedPoorly(['good', 'poor', 'good'])).toBe(true);
  });

  it('each form needs its own material', () => {
    const none = { tuiyou: 0, recommendations: 0, assessments: 0, resolutions: 0, publicity: 0, talks: 0 };
    expect(formMissing('tuiyou', none)).toBe('尚无团组织推优或党员推荐记录');
    expect(formMissing('tuiyou', { ...none, recommendations: 1 })).toBeNull();
    expect(formMissing('assessment', none)).toBe('尚无考察记录');
    expect(formMissing('resolution', { ...none, resolutions: 1 })).toBeNull();
    expect(formMissing('publicity', none)).toBe('尚无关联的公示');
    expect(formMissing('talks', { ...none, talks: 2 })).toBeNull();
  });

  it('dates print as the forms write them', () => {
    expect(chineseDate('2027-03-05')).toBe('2027年3月5日');
    expect(chineseDate(null)).toBe('—');
  });
});

// A case as the store holds it: the shapes pipeline.* actions write (not a view).
const CASE = {
  _id: 'pc_p_1',
  personId: 'p_1',
  personName: '许诺',
  branchId: 'u_b',
  branchName: '化学学院学生党支部',
  scope: ['u_b', 'u_c', 'u_party'],
  subject: { birthDate: '2006-01-02', homeLeagueBranchId: null },
  ruleVersion: '2014',
  stage: 'probationary_member',
  appliedOn: '2025-03-01',
  activistSince: '2025-04-10',
  candidateSince: '2026-04-12',
  acceptedOn: '2026-06-20',
  awaiting: null,
  preExamOn: '2026-05-30',
  extensionMonths: null,
  fullSince: null,
  talks: {},
  assessedOn: [],
  contacts: [{ id: 'p_9', name: '梁文' }],
  introducers: [
    { id: 'p_9', name: '梁文' },
    { id: 'p_8', name: '秦川' },
  ],
  recommendation: null,
  review: null,
  extensions: 0,
  overridden: [],
  chain: { introducedBy: ['梁文', '秦川'], cultivatedBy: ['梁文'], talkedBy: [], reviewedBy: [], approvedBy: [] },
  nextKind: null,
  nextDue: '9999-12-31',
  nextNotBefore: null,
  openedAt: '2025-03-01T10:00:00.000+08:00',
  updatedAt: '2026-06-20T16:00:00.000+08:00',
} as unknown as CaseDoc;

const record = (r: Partial<RecordDoc> & Pick<RecordDoc, '_id' | 'kind' | 'on' | 'title'>): RecordDoc => ({
  caseId: CASE._id,
  personId: CASE.personId,
  step: null,
  talkKind: null,
  text: null,
  byId: 'p_s',
  byName: '赵敏',
  fromUnitId: 'u_b',
  fromUnitName: CASE.branchName,
  attachments: [],
  meetingRef: null,
  voteId: null,
  noticeId: null,
  enteredAt: `${r.on}T10:00:00.000+08:00`,
  ...r,
});

const VOTE = { _id: 'v_acc', title: '接收预备党员表决', kind: 'acceptance', unitName: CASE.branchName } as VoteDoc;
const RESULTS = {
  _id: 'r_v_acc',
  voteId: 'v_acc',
  sheet: {
    date: '2026-06-20',
    method: '无记名投票',
    expected: 9,
    present: 8,
    lines: [
      { candidateId: 'p_1', yes: 6, no: 1, abstain: 0, invalid: 0, writtenYes: 1, writtenNo: 0, writtenAbstain: 0 },
      { candidateId: 'p_other', yes: 2, no: 6, abstain: 0, invalid: 0, writtenYes: 0, writtenNo: 0, writtenAbstain: 0 },
    ].map((l) => ({
      ...l,
      totalYes: l.yes + l.writtenYes,
      outcome: l.candidateId === 'p_1' ? 'passed' : 'failed',
      grades: null,
    })),
  },
} as unknown as ResultsDoc;

const SOURCES: DossierSources = {
  records: [
    record({
      _id: 'pr_t',
      kind: 'talk',
      on: '2026-06-01',
      talkKind: 'before_approval',
      title: '审批前谈话：对党的认识 & 入党动机',
      text: '谈了理想信念\n分两段\n谈话意见：同意接收 <预备党员>',
      byName: '周立',
      fromUnitName: '化学学院党委',
    }),
    record({
      _id: 'pr_s',
      kind: 'step',
      on: '2026-06-20',
      step: 'branch_accept',
      title: '支部大会讨论接收',
      voteId: 'v_acc',
      meetingRef: '支部大会记录（2026）第3号',
    }),
  ],
  person: null,
  votes: new Map([['v_acc', VOTE]]),
  results: new Map([['r_v_acc', RESULTS]]),
  notices: new Map(),
  objections: new Map(),
  tuiyou: [],
};

describe('the printed forms carry the stored names, dates and outcomes', () => {
  const view = dossierView(CASE, SOURCES, new Date('2026-07-01T02:00:00Z'));

  it('the resolution counts only this person’s line, written opinions included (F4)', () => {
    const step = view.entries.find((e) => e.kind === 'step');
    expect(step?.resolution).toMatchObject({
      expected: 9,
      present: 8,
      yes: 7,
      no: 1,
      abstain: 0,
      outcomeLabel: '通过',
    });
  });

  it('the resolution .docx says who, when, the counts and what was resolved', async () => {
    const doc = formDocument('resolution', view, { birthDate: '2006-01-02', today: '2026-07-01' });
    const text = docxText(await renderDocx(doc));
    expect(text).toContain('化学学院学生党支部支部大会决议');
    expect(text).toContain('关于许诺同志（2026年7月1日由领雁生成）');
    expect(text).toContain(
      '化学学院学生党支部于2026年6月20日召开会议（接收预备党员表决），应到有表决权的党员9名，实到8名，采取无记名投票方式表决。许诺同志得赞成票7票、反对票1票、弃权票0票，表决结果：通过。',
    );
    expect(text).toContain('决议：同意接收为中共预备党员，报上级党委审批。');
    expect(text).toContain('支部大会记录（2026）第3号');
    expect(text).not.toContain('p_other');
    // What the document model says is what the file prints.
    for (const line of formText(doc).split('\n')) expect(text).toContain(line);
  });

  it('the talk record keeps the talk’s parts, line breaks and characters XML would escape', async () => {
    const text = docxText(await renderDocx(formDocument('talks', view, { birthDate: null, today: '2026-07-01' })));
    expect(text).toContain('审批前谈话（2026年6月1日）');
    expect(text).toContain('谈话人\n周立（化学学院党委）');
    expect(text).toContain('谈话提纲\n对党的认识 & 入党动机');
    expect(text).toContain('谈话内容\n谈了理想信念\n分两段');
    expect(text).toContain('谈话意见\n同意接收 <预备党员>');
  });

  it('the 考察表 names the contact and the introducers and the dates of the stages', () => {
    const text = formText(formDocument('assessment', view, { birthDate: '2006-01-02', today: '2026-07-01' }));
    expect(text).toContain('出生日期\n2006年1月2日');
    expect(text).toContain('确定为入党积极分子日期\n2025年4月10日');
    expect(text).toContain('入党介绍人\n梁文、秦川');
  });
});
