/**
 * Honors and showcase views for the component tests and the preview, made by the server's own view mappers from
 * stored shapes, so a test never holds a hand-built view.
 */
import type { HonorDoc, PostDoc } from '../../../server/actions/honors/docs';
import { honorView, postCardView, postView, verifyView } from '../../../server/actions/honors/views';
import { certificateNumberFrom } from '../../../server/domain/honors';

export function honorDoc(over: Partial<HonorDoc> = {}): HonorDoc {
  const certificateNo = certificateNumberFrom(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  return {
    _id: `h_${certificateNo}`,
    certificateNo,
    title: '优秀共青团员',
    awardingUnitId: 'u_league',
    awardingUnitName: '校团委',
    awardingScope: ['u_league', 'u_school'],
    recipientKind: 'person',
    recipientId: 'p_2023010108',
    recipientName: '蒋文博',
    term: '2026年度',
    citation: '学习工作表现突出',
    voteId: 'v_1',
    noticeId: 'n_1',
    awardedAt: '2026-11-20T10:00:00.000+08:00',
    awardedOn: '2026-11-20',
    awardedBy: 'p_T0001',
    hidden: false,
    onWall: true,
    revoked: null,
    ...over,
  };
}

export const revokedDoc = (reason: string) =>
  honorDoc({
    onWall: false,
    revoked: { at: '2026-12-01T09:00:00.000+08:00', on: '2026-12-01', by: 'p_T0001', reason },
  });

export const verified = (doc: HonorDoc, officer = false) => verifyView(doc, officer);
export const honor = (doc: HonorDoc) => honorView(doc);

export function postDoc(i: number, over: Partial<PostDoc> = {}): PostDoc {
  const text = `篮球协会第${i}次活动圆满结束，同学们在比赛中展现了团结协作的精神。`.repeat(3);
  return {
    _id: `sp_${String(i).padStart(6, '0')}`,
    associationId: 'u_as_bball',
    associationName: '篮球协会',
    federationScope: ['u_fed', 'u_league', 'u_school'],
    authorId: 'p_2023010103',
    authorName: '罗浩然',
    byFederation: false,
    title: `篮球协会活动风采第${i}期`,
    text,
    excerpt: text.slice(0, 60),
    textNeedsReview: false,
    tags: ['赛事'],
    images: [
      { fileID: `cloud://lingyan/showcase/${i}-a.jpg`, size: 300_000, type: 'image/jpeg', state: 'pass' },
      { fileID: `cloud://lingyan/showcase/${i}-b.jpg`, size: 300_000, type: 'image/jpeg', state: 'pending' },
    ],
    review: 'approved',
    reviewedBy: 'p_2022029901',
    reviewedAt: '2026-11-20T10:00:00.000+08:00',
    refusalReason: null,
    listed: true,
    likeCount: i % 7,
    createdAt: '2026-11-20T09:00:00.000+08:00',
    at: Date.parse('2026-11-20T09:00:00.000+08:00') - i * 1000,
    ...over,
  };
}

export const card = (doc: PostDoc) => postCardView(doc);
export const post = (doc: PostDoc, liked = false, insider = false) => postView(doc, liked, insider);

/** 篮球协会's page as showcase.association answers it. */
export const BBALL_PAGE = {
  id: 'u_as_bball',
  name: '篮球协会',
  posts: [card(postDoc(1)), card(postDoc(2))],
  honors: [
    honor(
      honorDoc({
        title: '五星社团',
        recipientKind: 'association',
        recipientId: 'u_as_bball',
        recipientName: '篮球协会',
        awardingUnitId: 'u_fed',
        awardingUnitName: '校学生社团联合会',
      }),
    ),
  ],
  branches: [
    { id: 'u_as_bball_tpb', name: '篮球协会临时党支部', kindLabel: '临时党支部' },
    { id: 'u_as_bball_tlb', name: '篮球协会临时团支部', kindLabel: '临时团支部' },
  ],
  backbones: [
    { name: '罗浩然', roleLabel: '社团负责人' },
    { name: '谢天宇', roleLabel: '骨干' },
  ],
};
