/**
 * Honors and the showcase over the one seam (services/api.ts): the calls the pages make and the small view models
 * they render (a card carries only what the card shows, so the first page stays small in setData).
 */
import type {
  CursorPage,
  FeedItemView,
  HonorView,
  Input,
  Page,
  PostCardView,
  PostView,
  VerifyView,
} from '../../../typings/actions';
import type { Result } from '../../../typings/errors';
import { call } from '../api';

export interface PostCardVM {
  id: string;
  title: string;
  excerpt: string;
  cover: string;
  association: string;
  likes: number;
  on: string;
}

export function toPostCardVM(c: PostCardView): PostCardVM {
  return {
    id: c.id,
    title: c.title,
    excerpt: c.excerpt,
    cover: c.cover ?? '',
    association: c.associationName,
    likes: c.likeCount,
    on: c.publishedOn,
  };
}

export interface WaitingVM {
  kind: string;
  label: string;
  count: number;
  path: string;
}

export function toWaitingVM(w: FeedItemView): WaitingVM {
  return { kind: w.kind, label: w.label, count: w.count, path: w.path };
}

export function loadFeed() {
  return call('home.feed', {});
}

export function loadShowcase(cursor?: string, filter: { associationId?: string; tag?: string } = {}) {
  return call('showcase.list', { ...filter, ...(cursor ? { cursor } : {}), limit: 10 });
}

export function loadPost(postId: string): Promise<Result<PostView>> {
  return call('showcase.get', { postId });
}

export function likePost(postId: string) {
  return call('showcase.like', { postId });
}

export function createPost(input: Input<'showcase.create'>): Promise<Result<PostView>> {
  return call('showcase.create', input);
}

export function loadReviewQueue(cursor?: string): Promise<Result<CursorPage<PostView>>> {
  return call('showcase.reviewQueue', cursor ? { cursor } : {});
}

export function reviewPost(postId: string, approve: boolean, reason = '') {
  return call('showcase.review', { postId, approve, reason });
}

export function verifyCertificate(certificateNo: string): Promise<Result<VerifyView>> {
  return call('honors.verify', { certificateNo });
}

export function loadWall(of: Input<'honors.wall'>['of'], page = 1): Promise<Result<Page<HonorView>>> {
  return call('honors.wall', { of, page, pageSize: 20 });
}

export function setHonorHidden(honorId: string, hidden: boolean) {
  return call('honors.setHidden', { honorId, hidden });
}

/** What a person typed or scanned: a scanned mini-program code carries `no=` in its scene. */
export function certificateNoFromScene(scene: string | undefined): string {
  if (!scene) return '';
  const decoded = decodeURIComponent(scene);
  const m = /(?:^|&)no=([^&]+)/.exec(decoded);
  return m ? m[1] : decoded;
}

/** The certificate image's lines, top to bottom (drawn on a canvas, saved to the album). */
export function certificateLines(v: VerifyView): string[] {
  return [
    '荣誉证书',
    `${v.recipientName}：`,
    `荣获${v.term}「${v.title}」称号。`,
    `授予单位：${v.awardingUnitName}`,
    `授予日期：${v.awardedOn}`,
    `证书编号：${v.certificateNo}`,
    v.state === 'revoked' ? `（已于 ${v.revokedOn} 撤销）` : '凭编号可在“领雁”小程序查验',
  ];
}

export function loadShareCode(target: Input<'share.code'>['target']) {
  return call('share.code', { target });
}

/** The post id a scanned poster code carries (`scene=id%3Dsp_…`), or the id of an ordinary link. */
export function postIdFrom(query: Record<string, string | undefined>): string {
  if (query.id) return query.id;
  const scene = query.scene ? decodeURIComponent(query.scene) : '';
  const m = /(?:^|&)id=([^&]+)/.exec(scene);
  return m ? m[1] : '';
}

export function loadAssociation(associationId: string) {
  return call('showcase.association', { associationId });
}
