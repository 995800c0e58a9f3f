/**
 * Honors and the showcase, for the preview registry (pages.ts spreads these into PAGES). Every answer is the demo
 * world's own, recorded through the real actions (tests/support/world-views.ts): 沈可欣's 优秀共青团员 after the 评优
 * vote and the League committee's 公示, 篮球协会's 优秀社团, 谢天宇's revoked and 彭悦's hidden 社会实践先进个人, the
 * federation's and the associations' posts (public, waiting for review, refused, an image still being checked).
 */

import { worldInput, worldReply, worldView } from '../../tests/support/world-views';
import type { Input } from '../../typings/actions';
import type { PreviewPage } from './types';

/** The home tab's showcase and what waits: nobody, 彭悦 (a student), 郑雨桐 (the federation) and 陈志强 (体育学院). */
export const HOME_FEED = {
  anonymous: worldReply('home.feed.anonymous'),
  student: worldReply('home.feed.student'),
  officer: worldReply('home.feed.officer'),
  college: worldReply('home.feed.college_officer'),
};

const VALID = worldView('honors.verify.valid');
const REVOKED = worldView('honors.verify.revoked.officer');
const GATE = worldInput('honors.award.gate_publicity');
const AWARD_NEW = worldInput('honors.award.new');
const SPORT_TITLE = worldView('honors.awardOptions.sport').titles.findIndex((t) => t.title === AWARD_NEW.title);
const posts = worldIdsOfPosts();

function worldIdsOfPosts() {
  return {
    public: worldView('showcase.get.public.anonymous').id,
    pending: worldView('showcase.get.pending.author').id,
    refused: worldView('showcase.get.refused.author').id,
    imagePending: worldView('showcase.get.image_pending.officer').id,
  };
}

function showcase(input: Input<'showcase.list'>) {
  if (input.tag) return worldReply('showcase.list.tag');
  if (input.associationId) return worldReply('showcase.list.bball');
  return input.cursor ? worldReply('showcase.list.page2of2') : worldReply('showcase.list.page1of2');
}

export const HONOR_PAGES: PreviewPage[] = [
  {
    name: 'honor-verify',
    path: 'packages/honors/verify/index',
    states: [
      {
        name: 'valid',
        title: '荣誉证书查验 · 有效（沈可欣 优秀共青团员）',
        query: { no: VALID.certificateNo },
        responses: { 'honors.verify': worldReply('honors.verify.valid') },
        expect: ['证书有效', '优秀共青团员', '沈可欣', '校团委'],
      },
      {
        name: 'revoked',
        title: '荣誉证书查验 · 已撤销（授予单位干部可见理由）',
        query: { no: REVOKED.certificateNo },
        responses: { 'honors.verify': worldReply('honors.verify.revoked.officer') },
        expect: ['该荣誉已撤销', REVOKED.revokedOn ?? '', '服务时长与活动记录不符'],
      },
      {
        name: 'officer',
        title: '荣誉证书查验 · 授予单位干部可撤销',
        query: { no: worldView('honors.verify.new.officer').certificateNo },
        responses: { 'honors.verify': worldReply('honors.verify.new.officer') },
        expect: ['证书有效', '蒋文博', '撤销荣誉'],
      },
      {
        name: 'revoke-dialog',
        title: '荣誉证书查验 · 撤销须写明理由',
        query: { no: worldView('honors.verify.new.officer').certificateNo },
        responses: {
          'honors.verify': worldReply('honors.verify.new.officer'),
          'honors.revoke': worldReply('honors.revoke.no_reason'),
        },
        setup: async (p) => {
          await p.tap('#revoke-button');
          await p.trigger('#revoke-dialog', 'confirm', { reason: '' });
        },
        expect: ['撤销荣誉', '请填写撤销理由'],
      },
      {
        name: 'invalid',
        title: '荣誉证书查验 · 编号有误',
        responses: { 'honors.verify': worldReply('honors.verify.invalid') },
        setup: async (p) => {
          await p.trigger('#no-input', 'change', { value: worldInput('honors.verify.invalid').certificateNo });
          await p.tap('#verify-button');
        },
        expect: ['证书编号有误，请核对后重新输入'],
      },
    ],
  },
  {
    name: 'honor-award',
    path: 'packages/honors/award/index',
    states: [
      {
        name: 'league',
        title: '授予荣誉 · 校团委选择评优表决与公示',
        query: { unitId: 'u_league' },
        responses: { 'honors.awardOptions': worldReply('honors.awardOptions.league') },
        setup: async (p) => {
          await p.tap('#title-0');
          await p.tap(`#vote-${GATE.voteId}`);
        },
        expect: ['以「校团委」名义授予', '优秀共青团员', '须经评优表决和公示', '2026年度优秀团员评选', '沈可欣'],
      },
      {
        name: 'gate',
        title: '授予荣誉 · 尚未公示，不能授予',
        query: { unitId: 'u_league' },
        responses: {
          'honors.awardOptions': worldReply('honors.awardOptions.league'),
          'honors.award': worldReply('honors.award.gate_publicity'),
        },
        setup: async (p) => {
          await p.tap('#title-0');
          await p.tap(`#vote-${GATE.voteId}`);
          await p.tap('#recipient-0');
          await p.trigger('#term-input', 'change', { value: GATE.term });
          await p.trigger('#citation-input', 'change', { value: GATE.citation });
          await p.tap('#submit-button');
        },
        expect: ['尚不能授予', '公示：须先经公示'],
      },
      {
        name: 'college',
        title: '授予荣誉 · 学院授予无需表决和公示的称号',
        query: { unitId: 'u_sport' },
        responses: {
          'honors.awardOptions': worldReply('honors.awardOptions.sport'),
          'people.list': worldReply('people.list.sport'),
        },
        setup: async (p) => {
          await p.tap(`#title-${SPORT_TITLE}`);
        },
        expect: ['以「体育学院」名义授予', '社会实践先进个人', '无需表决和公示', '蒋文博'],
      },
      {
        name: 'empty',
        title: '授予荣誉 · 党支部没有可授予的称号',
        query: { unitId: 'u_sport_pb' },
        responses: { 'honors.awardOptions': worldReply('honors.awardOptions.branch') },
        expect: ['本单位没有可授予的荣誉称号'],
      },
      {
        name: 'forbidden',
        title: '授予荣誉 · 学生无权授予',
        query: { unitId: 'u_league' },
        responses: { 'honors.awardOptions': worldReply('honors.awardOptions.student') },
        expect: ['您没有执行此操作的权限', '重新加载'],
      },
    ],
  },
  {
    name: 'honor-wall',
    path: 'packages/honors/wall/index',
    states: [
      {
        name: 'mine',
        title: '荣誉墙 · 彭悦的荣誉（已隐藏）',
        query: { personId: 'p_2023010102', mine: '1' },
        responses: { 'honors.wall': worldReply('honors.wall.mine') },
        expect: ['社会实践先进个人', '已隐藏 · 显示'],
      },
      {
        name: 'person',
        title: '荣誉墙 · 沈可欣',
        query: { personId: 'p_2023010109' },
        responses: { 'honors.wall': worldReply('honors.wall.league2') },
        expect: ['优秀共青团员', '校团委'],
      },
    ],
  },
  {
    name: 'showcase',
    path: 'packages/honors/showcase/index',
    states: [
      {
        name: 'all',
        title: '风采展示 · 全部（加载更多）',
        responses: { 'showcase.list': showcase, 'org.tree': worldReply('org.tree.sport_prob2') },
        expect: ['全部社团', '篮球协会', worldView('showcase.list.page1of2').items[0].title, '加载更多'],
      },
      {
        name: 'tag',
        title: '风采展示 · 按标签筛选',
        query: { tag: '赛事' },
        responses: { 'showcase.list': showcase, 'org.tree': worldReply('org.tree.sport_prob2') },
        expect: ['标签：#赛事', '清除', '篮球协会秋季联赛圆满落幕', '没有更多了'],
      },
      {
        name: 'empty',
        title: '风采展示 · 没有符合条件的展示',
        query: { tag: '摄影' },
        responses: {
          'showcase.list': worldReply('showcase.list.none'),
          'org.tree': worldReply('org.tree.sport_prob2'),
        },
        expect: ['没有符合条件的展示'],
      },
    ],
  },
  {
    name: 'showcase-post',
    path: 'packages/honors/post/index',
    states: [
      {
        name: 'public',
        title: '风采展示详情',
        query: { id: posts.public },
        responses: { 'showcase.get': worldReply('showcase.get.public.liker') },
        expect: [worldView('showcase.get.public.liker').title, '已赞', '分享'],
      },
      {
        name: 'refused',
        title: '风采展示详情 · 未通过审核（发布者可见理由）',
        query: { id: posts.refused },
        responses: { 'showcase.get': worldReply('showcase.get.refused.author') },
        expect: ['未通过', '招新信息请发布在社团招新专栏'],
      },
      {
        name: 'image-pending',
        title: '风采展示详情 · 图片检测中',
        query: { id: posts.imagePending },
        responses: { 'showcase.get': worldReply('showcase.get.image_pending.officer') },
        expect: ['机器人创新协会获省赛一等奖', '已通过'],
      },
    ],
  },
  {
    name: 'showcase-review',
    path: 'packages/honors/review/index',
    states: [
      {
        name: 'queue',
        title: '风采展示审核 · 待审核',
        responses: { 'showcase.reviewQueue': worldReply('showcase.reviewQueue.officer') },
        expect: ['通过', '不通过', '篮球协会新生训练营'],
      },
    ],
  },
  {
    name: 'association',
    path: 'packages/honors/association/index',
    states: [
      {
        name: 'bball',
        title: '社团主页 · 篮球协会',
        query: { id: 'u_as_bball' },
        responses: { 'showcase.association': worldReply('showcase.association.bball') },
        expect: ['篮球协会', '优秀社团', '篮球协会临时党支部', '罗浩然'],
      },
    ],
  },
];
