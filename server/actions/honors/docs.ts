/** Stored shapes and collection names of honors and the showcase. */
import { createHash } from 'node:crypto';
import type { AwardingKind, MediaState, PostReviewState, RecipientKind } from '../../../typings/vocabulary';
import type { TitleRule } from '../../domain/honors';

export const HONORS = 'honors';
/** honor_keys/<digest of unit, title, recipient, term>: one honor of a title per recipient and term. */
export const HONOR_KEYS = 'honor_keys';
export const POSTS = 'showcase_posts';
/** showcase_likes/<postId>_<personId>: one like per person by construction. */
export const LIKES = 'showcase_likes';
/** media_checks/<digest of trace id>: which image of which post a pending media check is about. */
export const MEDIA_CHECKS = 'media_checks';
/** media_verdicts/<digest of trace id>: a verdict that arrived before its check was filed (rare; applied then). */
export const MEDIA_VERDICTS = 'media_verdicts';
export const SETTINGS = 'settings';
export const HONOR_TITLES_ID = 'honor_titles';

export interface HonorDoc {
  /** `h_<certificate number>`: the number is the key, so verifying is one read and a number exists once. */
  _id: string;
  certificateNo: string;
  title: string;
  awardingUnitId: string;
  awardingUnitName: string;
  /** The awarding unit and every unit above it: whose officers may revoke it and read revocation reasons. */
  awardingScope: string[];
  recipientKind: RecipientKind;
  /** A person's id, or the branch's or association's unit id. */
  recipientId: string;
  recipientName: string;
  term: string;
  citation: string;
  voteId: string | null;
  noticeId: string | null;
  awardedAt: string;
  awardedOn: string;
  awardedBy: string;
  /** Hidden by its holder from public walls (still verifies). */
  hidden: boolean;
  /** On public walls: neither hidden nor revoked (one field, so a wall is one query). */
  onWall: boolean;
  revoked: { at: string; on: string; by: string; reason: string } | null;
}

export interface HonorKeyDoc {
  _id: string;
  honorId: string;
}

export interface PostImageDoc {
  fileID: string;
  size: number;
  type: string;
  state: MediaState;
}

export interface PostDoc {
  _id: string;
  associationId: string | null;
  associationName: string;
  /** The federation and every unit above it: whose officers review the post. */
  federationScope: string[];
  authorId: string;
  authorName: string;
  byFederation: boolean;
  title: string;
  text: string;
  /** The first characters of the text, for cards (a page of cards reads no full text). */
  excerpt: string;
  /** The content check answered "review": accepted and flagged for the reviewer. */
  textNeedsReview: boolean;
  tags: string[];
  images: PostImageDoc[];
  review: PostReviewState;
  reviewedBy: string | null;
  reviewedAt: string | null;
  refusalReason: string | null;
  /** Reviewed and every image passed: what the showcase lists (one field, one index). */
  listed: boolean;
  likeCount: number;
  /** ISO +08:00. */
  createdAt: string;
  /** Milliseconds of `createdAt`: with `_id`, the order of the showcase and its cursor. */
  at: number;
}

export interface LikeDoc {
  _id: string;
  postId: string;
  personId: string;
  at: string;
}

/** Where a filed media check stands: waiting for WeChat, answered, superseded by a resubmission, or given up. */
export type MediaCheckState = 'pending' | 'answered' | 'resubmitted' | 'failed';

export interface MediaCheckDoc {
  _id: string;
  postId: string;
  index: number;
  /** The image checked (what a resubmission sends again). */
  fileID: string;
  /** Whose upload it was: the openid the check is submitted for. */
  openid: string;
  /** 1 for the first submission. */
  attempt: number;
  /** Milliseconds: when it was submitted, and when, still unanswered, it is resubmitted or given up. */
  submittedAt: number;
  dueAt: number;
  state: MediaCheckState;
}

export interface MediaVerdictDoc {
  _id: string;
  suggest: string;
  at: string;
}

/** settings/honor_titles: the school's title lists, per awarding kind (absent kinds: the defaults). */
export interface TitleSettingsDoc {
  _id: typeof HONOR_TITLES_ID;
  titles: Partial<Record<AwardingKind, TitleRule[]>>;
  updatedAt: string;
  updatedBy: string;
}

export const honorId = (certificateNo: string) => `h_${certificateNo}`;
export const likeId = (postId: string, personId: string) => `lk_${postId}_${personId}`;

export function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
}

export const honorKeyId = (unitId: string, title: string, recipientId: string, term: string) =>
  `hk_${digest(unitId, title, recipientId, term)}`;
export const mediaCheckId = (traceId: string) => `mc_${digest('trace', traceId)}`;
