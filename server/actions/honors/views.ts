/** View mappers: what the mini-program shows of honors and posts. */
import type { HonorView, PostCardView, PostView, TitleView, VerifyView } from '../../../typings/actions';
import {
  HONOR_STATE_LABELS,
  MEDIA_STATE_LABELS,
  POST_LIMITS,
  POST_REVIEW_STATE_LABELS,
  RECIPIENT_KIND_LABELS,
} from '../../../typings/vocabulary';
import { formatCertificateNumber, postIsPublic, revocationReasonShown, type TitleRule } from '../../domain/honors';
import type { Files } from '../../ports';
import type { HonorDoc, PostDoc } from './docs';

export function honorView(h: HonorDoc): HonorView {
  const state = h.revoked ? 'revoked' : 'valid';
  return {
    id: h._id,
    certificateNo: formatCertificateNumber(h.certificateNo),
    title: h.title,
    awardingUnitId: h.awardingUnitId,
    awardingUnitName: h.awardingUnitName,
    recipientKind: h.recipientKind,
    recipientKindLabel: RECIPIENT_KIND_LABELS[h.recipientKind],
    recipientUnitId: h.recipientKind === 'person' ? null : h.recipientId,
    recipientName: h.recipientName,
    term: h.term,
    citation: h.citation,
    awardedOn: h.awardedOn,
    state,
    stateLabel: HONOR_STATE_LABELS[state],
    hidden: h.hidden,
    voteId: h.voteId,
    noticeId: h.noticeId,
  };
}

export function verifyView(h: HonorDoc, officer: boolean): VerifyView {
  const state = h.revoked ? 'revoked' : 'valid';
  return {
    certificateNo: formatCertificateNumber(h.certificateNo),
    state,
    stateLabel: HONOR_STATE_LABELS[state],
    title: h.title,
    awardingUnitName: h.awardingUnitName,
    recipientName: h.recipientName,
    recipientKindLabel: RECIPIENT_KIND_LABELS[h.recipientKind],
    term: h.term,
    awardedOn: h.awardedOn,
    revokedOn: h.revoked?.on ?? null,
    revocationReason: h.revoked && revocationReasonShown(officer) ? h.revoked.reason : null,
    honorId: h._id,
    mayRevoke: officer && !h.revoked,
  };
}

export function titleView(t: TitleRule): TitleView {
  return {
    title: t.title,
    recipients: [...t.recipients],
    branchKinds: t.branchKinds ? [...t.branchKinds] : null,
    recipientLabels: t.recipients.map((r) => RECIPIENT_KIND_LABELS[r]),
    needsVote: t.needsVote,
    needsPublicity: t.needsPublicity,
  };
}

export const EXCERPT_LENGTH = 60;

/** fileID → a temporary HTTPS link the viewer's phone may load (the bucket lets it read only its own uploads). */
export type ImageLinks = ReadonlyMap<string, string>;

const coverOf = (p: Pick<PostDoc, 'images'>) => p.images.find((i) => i.state === 'pass')?.fileID ?? null;

/**
 * Links to the images these posts show: the cover of each card, or every image that passed the check of each full
 * post. Only images that passed are ever linked, and only of posts the caller already may see. One storage call for
 * the whole page, none for a page without images.
 */
export async function imageLinks(
  files: Files,
  posts: readonly Pick<PostDoc, 'images'>[],
  shown: 'cover' | 'all',
): Promise<ImageLinks> {
  const ids = [
    ...new Set(
      posts.flatMap((p) =>
        shown === 'cover'
          ? [coverOf(p)].filter((f): f is string => !!f)
          : p.images.filter((i) => i.state === 'pass').map((i) => i.fileID),
      ),
    ),
  ];
  const urls = await files.tempUrls(ids, POST_LIMITS.imageLinkSeconds);
  return new Map(ids.flatMap((id, k) => (urls[k] ? [[id, urls[k]] as const] : [])));
}

/** A card: only images that passed are ever shown, by link. Cards are read without the full text. */
export function postCardView(p: Omit<PostDoc, 'text'>, links: ImageLinks): PostCardView {
  const cover = coverOf(p);
  return {
    id: p._id,
    title: p.title,
    excerpt: p.excerpt,
    cover: cover ? (links.get(cover) ?? null) : null,
    associationId: p.associationId,
    associationName: p.associationName,
    tags: p.tags,
    likeCount: p.likeCount,
    publishedOn: p.createdAt.slice(0, 10),
  };
}

export function postView(p: PostDoc, likedByMe: boolean, showReason: boolean, links: ImageLinks): PostView {
  return {
    ...postCardView(p, links),
    text: p.text,
    likedByMe,
    images: p.images.map((i) => ({
      url: i.state === 'pass' ? (links.get(i.fileID) ?? null) : null,
      state: i.state,
      stateLabel: MEDIA_STATE_LABELS[i.state],
    })),
    authorName: p.authorName,
    review: p.review,
    reviewLabel: POST_REVIEW_STATE_LABELS[p.review],
    refusalReason: showReason ? p.refusalReason : null,
    isPublic: postIsPublic(p),
  };
}
