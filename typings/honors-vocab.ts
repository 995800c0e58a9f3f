/**
 * Honors and the showcase: the vocabulary both sides spell the same way (zod-free, so the mini-program can
 * import it as it is). Rules live on the server (server/domain/honors); this file holds names, labels and limits.
 */

/** Who or what receives an honor. */
export const RECIPIENT_KINDS = ['person', 'branch', 'association'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = {
  person: '个人',
  branch: '支部',
  association: '社团',
};

/** The kinds of unit that award honors, each with its own list of titles. */
export const AWARDING_KINDS = ['federation', 'league_committee', 'party_committee', 'college'] as const;
export type AwardingKind = (typeof AWARDING_KINDS)[number];

/** An honor as it stands: valid, or revoked (the record stays; verification says when). */
export const HONOR_STATES = ['valid', 'revoked'] as const;
export type HonorState = (typeof HONOR_STATES)[number];

export const HONOR_STATE_LABELS: Record<HonorState, string> = {
  valid: '有效',
  revoked: '已撤销',
};

/** Where a showcase post stands in review. Federation officers' posts need none. */
export const POST_REVIEW_STATES = ['pending', 'approved', 'refused'] as const;
export type PostReviewState = (typeof POST_REVIEW_STATES)[number];

export const POST_REVIEW_STATE_LABELS: Record<PostReviewState, string> = {
  pending: '待社联审核',
  approved: '已通过',
  refused: '未通过',
};

/** One image's media check: pending until WeChat answers; only a passed image is shown. */
export const MEDIA_STATES = ['pending', 'pass', 'rejected'] as const;
export type MediaState = (typeof MEDIA_STATES)[number];

export const MEDIA_STATE_LABELS: Record<MediaState, string> = {
  pending: '图片审核中',
  pass: '已通过',
  rejected: '未通过审核',
};

/** Image formats a post accepts (what the media check reads). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** Limits of a showcase post. */
export const POST_LIMITS = {
  titleMax: 40,
  textMax: 2000,
  images: 9,
  /** Bytes per image: WeChat's media check reads images up to 10 MB; a post keeps them to 5 MB. */
  imageBytes: 5 * 1024 * 1024,
  tags: 5,
  tagMax: 10,
} as const;

/** Limits of an honor. */
export const HONOR_LIMITS = {
  titleMax: 30,
  citationMax: 300,
  reasonMax: 200,
} as const;

/** What waits for a signed-in person on the home tab. */
export const FEED_ITEM_KINDS = ['open_votes', 'open_notices', 'posts_to_review'] as const;
export type FeedItemKind = (typeof FEED_ITEM_KINDS)[number];

export const FEED_ITEM_LABELS: Record<FeedItemKind, string> = {
  open_votes: '待参加的表决',
  open_notices: '公示中的公示',
  posts_to_review: '待审核的风采展示',
};

/** Where the mini-program lists each kind of waiting item. */
export const FEED_ITEM_PATHS: Record<FeedItemKind, string> = {
  open_votes: '/packages/votes/mine/index',
  open_notices: '/pages/notices/index',
  posts_to_review: '/packages/honors/review/index',
};
