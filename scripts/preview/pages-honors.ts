/**
 * Honors and the showcase, for the preview registry (pages.ts spreads these into PAGES). The views come from the
 * server's own mappers (tests/component/honors-fixtures.ts): 篮球协会's posts, 蒋文博's 优秀共青团员.
 */
import { fail, ok } from '../../tests/component/harness';
import {
  BBALL_PAGE,
  card,
  honor,
  honorDoc,
  post,
  postDoc,
  revokedDoc,
  verified,
} from '../../tests/support/demo-views/honors';
import type { PreviewPage } from './types';

const POSTS = [1, 2, 3].map((i) => postDoc(i));

export const HOME_FEED = {
  anonymous: ok({ posts: POSTS.map(card), next: null, waiting: [], personId: null, publishAs: [] }),
  student: ok({
    posts: POSTS.map(card),
    next: null,
    waiting: [
      { kind: 'open_votes' as const, label: '待参加的表决', count: 1, path: '/packages/votes/mine/index' },
      { kind: 'open_notices' as const, label: '公示中的公示', count: 2, path: '/pages/notices/index' },
    ],
    personId: 'p_2023010108',
    publishAs: [],
  }),
  officer: ok({
    posts: POSTS.map(card),
    next: null,
    waiting: [
      { kind: 'posts_to_review' as const, label: '待审核的风采展示', count: 3, path: '/packages/honors/review/index' },
    ],
    personId: 'p_2023010103',
    publishAs: [{ associationId: 'u_as_bball', name: '篮球协会' }],
  }),
};

const DOC = honorDoc();

export const HONOR_PAGES: PreviewPage[] = [
  {
    name: 'honor-verify',
    path: 'packages/honors/verify/index',
    states: [
      {
        name: 'valid',
        title: '荣誉证书查验 · 有效',
        query: { no: DOC.certificateNo },
        responses: { 'honors.verify': ok(verified(DOC)) },
        expect: ['证书有效', '优秀共青团员', '蒋文博', '校团委'],
      },
      {
        name: 'revoked',
        title: '荣誉证书查验 · 已撤销（干部可见理由）',
        query: { no: DOC.certificateNo },
        responses: { 'honors.verify': ok(verified(revokedDoc('材料不实'), true)) },
        expect: ['该荣誉已撤销', '2026-12-01', '材料不实'],
      },
      {
        name: 'invalid',
        title: '荣誉证书查验 · 编号有误',
        responses: { 'honors.verify': fail('CERTIFICATE_NUMBER_INVALID') },
        setup: async (p) => {
          await p.trigger('#no-input', 'change', { value: 'LY-1234' });
          await p.tap('#verify-button');
        },
        expect: ['证书编号有误，请核对后重新输入'],
      },
    ],
  },
  {
    name: 'honor-wall',
    path: 'packages/honors/wall/index',
    states: [
      {
        name: 'mine',
        title: '荣誉墙 · 我的荣誉（可隐藏）',
        query: { personId: DOC.recipientId, mine: '1' },
        responses: {
          'honors.wall': ok({
            items: [honor(DOC), honor({ ...DOC, _id: 'h_2', title: '优秀学生骨干', hidden: true })],
            page: 1,
            pageSize: 20,
            hasMore: false,
          }),
        },
        expect: ['优秀共青团员', '优秀学生骨干', '已隐藏 · 显示'],
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
        query: { id: POSTS[0]._id },
        responses: { 'showcase.get': ok(post(POSTS[0])) },
        expect: [POSTS[0].title, '点赞', '分享'],
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
        responses: {
          'showcase.reviewQueue': ok({
            items: [post(postDoc(5, { review: 'pending', listed: false }), false, true)],
            next: null,
          }),
        },
        expect: ['通过', '不通过', '1 张检测中'],
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
        responses: { 'showcase.association': ok(BBALL_PAGE) },
        expect: ['篮球协会', '五星社团', '篮球协会临时党支部', '罗浩然'],
      },
    ],
  },
];
