/**
 * The development pipeline's pages for the preview registry (pages.ts spreads these into PAGES). Every answer is the
 * demo world's own (tests/support/world-views.ts): 吕航 (sport_masses), whose talk after applying is overdue; 白露
 * (info_masses), an activist of the 信息学院 branch with a cultivation contact.
 */
import { ok } from '../../tests/component/harness';
import { worldView } from '../../tests/support/world-views';
import type { PreviewPage } from './types';

const overdue = worldView('pipeline.mine.applicant_overdue')!;
const activist = worldView('pipeline.mine.activist')!;

export const PIPELINE_PAGES: PreviewPage[] = [
  {
    name: 'pipeline-journey',
    path: 'packages/pipeline/journey/index',
    states: [
      {
        name: 'applicant-overdue',
        title: '我的入党历程 · 入党申请人（谈话已逾期）',
        responses: { 'pipeline.mine': ok(overdue) },
        expect: ['入党申请人', '递交申请后一个月内谈话', '已逾期', '递交入党申请书'],
      },
      {
        name: 'activist',
        title: '我的入党历程 · 入党积极分子（培养联系人）',
        responses: { 'pipeline.mine': ok(activist) },
        expect: ['入党积极分子', '半年一次考察', '培养联系人', activist.chain.cultivatedBy[0] ?? ''],
      },
      {
        name: 'none',
        title: '我的入党历程 · 尚未申请',
        responses: { 'pipeline.mine': ok(null) },
        expect: ['您还没有递交入党申请'],
      },
    ],
  },
];

const todo = worldView('pipeline.todo.secretary');
const secretaryCase = worldView('pipeline.get.activist.secretary');

PIPELINE_PAGES.push(
  {
    name: 'pipeline-todo',
    path: 'packages/pipeline/todo/index',
    states: [
      {
        name: 'secretary',
        title: '发展党员待办 · 支部书记（谈话已逾期）',
        persona: 'sport_pb_sec',
        responses: { 'pipeline.todo': ok(todo) },
        expect: ['递交申请后一个月内谈话', '已逾期'],
      },
      {
        name: 'empty',
        title: '发展党员待办 · 暂无到期事项',
        responses: { 'pipeline.todo': ok([]) },
        expect: ['30 天内没有到期的发展党员事项'],
      },
    ],
  },
  {
    name: 'pipeline-case',
    path: 'packages/pipeline/case/index',
    states: [
      {
        name: 'activist',
        title: '发展档案 · 入党积极分子（支部书记查看）',
        persona: 'info_pb_sec',
        query: { caseId: secretaryCase.caseId },
        responses: { 'pipeline.get': ok(secretaryCase) },
        expect: ['入党积极分子', '确定为入党积极分子', '培养联系人'],
      },
    ],
  },
);

const dossier = worldView('pipeline.dossier.activist.secretary');
const applicantDossier = worldView('pipeline.dossier.applicant.secretary');

PIPELINE_PAGES.push({
  name: 'pipeline-dossier',
  path: 'packages/pipeline/dossier/index',
  states: [
    {
      name: 'activist',
      title: '发展档案全卷 · 入党积极分子（支部书记查看，含三评和表决结果）',
      persona: 'info_pb_sec',
      query: { caseId: dossier.caseId },
      responses: { 'pipeline.dossier': ok(dossier) },
      expect: [dossier.personName, '纸质表格', '谈话记录', '所在单位民主评议', '应到'],
    },
    {
      name: 'applicant',
      title: '发展档案全卷 · 入党申请人（尚无表决结果）',
      persona: 'sport_pb_sec',
      query: { caseId: applicantDossier.caseId },
      responses: { 'pipeline.dossier': ok(applicantDossier) },
      expect: [applicantDossier.personName, '尚无支部表决结果'],
    },
  ],
});
