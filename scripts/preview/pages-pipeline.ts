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
