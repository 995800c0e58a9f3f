/**
 * Honors and the achievement showcase: action inputs and the views the mini-program shows. Labels and limits live
 * in the zod-free vocabulary (typings/vocabulary.ts).
 */
import * as z from 'zod';
import { UNIT_KINDS, type UnitKind } from '../domain';
import {
  AWARDING_KINDS,
  type FeedItemKind,
  HONOR_LIMITS,
  type HonorState,
  type MediaState,
  type NoticeState,
  POST_LIMITS,
  type PostReviewState,
  RECIPIENT_KINDS,
  type RecipientKind,
} from '../vocabulary';
import { FreeText, Id, type Page, PageInput, Text } from './common';

const Recipient = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('person'), personId: Id }),
  z.strictObject({ kind: z.literal('branch'), unitId: Id }),
  z.strictObject({ kind: z.literal('association'), unitId: Id }),
]);

const ImageInput = z.strictObject({
  /** A cloud file the mini-program uploaded (wx.cloud.uploadFile). */
  fileID: z
    .string()
    .min(1)
    .max(300)
    .regex(/^cloud:\/\/[A-Za-z0-9._/-]+$/, '图片应为云存储文件'),
  /** Bytes, as the upload reported. */
  size: z.number().int().min(1),
  /** What the picker reported; checked against the allowed types by the domain (IMAGE_TYPE_INVALID). */
  type: z.string().max(40),
});

/**
 * An honor's id: `h_` and its certificate number (16 symbols and a check symbol, which may be one of `*~$=`, so the
 * general Id pattern does not fit).
 */
const HonorId = z
  .string()
  .max(40)
  .regex(/^h_[0-9A-Z*~$=]{17}$/, '荣誉编号格式不正确');

const Tag = Text('标签', POST_LIMITS.tagMax);

/** A page of a list ordered newest first: pass back `next` for the following page. */
const CursorInput = {
  cursor: z
    .string()
    .max(120)
    .regex(/^[A-Za-z0-9_:.+-]+$/, '分页标记格式不正确')
    .optional(),
  limit: z.number().int().min(1).max(30).default(10),
};

export const honorsSchemas = {
  /** Awards a title of the unit's list; `voteId` and `noticeId` link the 评优 vote and the 公示 the title needs. */
  'honors.award': z.strictObject({
    unitId: Id,
    title: Text('荣誉称号', HONOR_LIMITS.titleMax),
    recipient: Recipient,
    /** The term the honor is for, e.g. 2025—2026学年. */
    term: Text('届期', HONOR_LIMITS.termMax),
    citation: Text('表彰事由', HONOR_LIMITS.citationMax),
    voteId: Id.optional(),
    noticeId: Id.optional(),
  }),
  /** Anyone, bound or not: the certificate number as printed or scanned. */
  'honors.verify': z.strictObject({ certificateNo: z.string().min(1, '请输入证书编号').max(40) }),
  /** A blank reason is refused with REVOKE_REASON_REQUIRED. */
  'honors.revoke': z.strictObject({
    honorId: HonorId,
    reason: FreeText('撤销理由', HONOR_LIMITS.reasonMax).default(''),
  }),
  /** The wall of a person, an association or a branch (honors it received), or a unit (honors it awarded). */
  'honors.wall': z.strictObject({
    of: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('person'), personId: Id }),
      z.strictObject({ kind: z.literal('recipientUnit'), unitId: Id }),
      z.strictObject({ kind: z.literal('awardingUnit'), unitId: Id }),
    ]),
    ...PageInput,
  }),
  /** My own honor, hidden from or shown again on public walls (it still verifies). */
  'honors.setHidden': z.strictObject({ honorId: HonorId, hidden: z.boolean() }),
  /**
   * What an officer chooses from when awarding in the unit's name: its titles, the closed 评优 votes held under it
   * (with the elected), its honor 公示 (with their subjects) and the branches and associations below it.
   */
  'honors.awardOptions': z.strictObject({ unitId: Id }),
  /** The titles a unit may award, with what each needs. */
  'honors.titles': z.strictObject({ unitId: Id }),
  /**
   * The school's list of titles for one kind of awarding unit (replaces that list; the others keep theirs). A title
   * of the defaults keeps its vote and 公示 (RULE_OVERRIDE_LOOSER).
   */
  'honors.setTitles': z.strictObject({
    kind: z.enum(AWARDING_KINDS),
    titles: z
      .array(
        z.strictObject({
          title: Text('荣誉称号', HONOR_LIMITS.titleMax),
          recipients: z.array(z.enum(RECIPIENT_KINDS)).min(1, '请选择授予对象').max(3),
          branchKinds: z.array(z.enum(UNIT_KINDS)).max(4).optional(),
          needsVote: z.boolean(),
          needsPublicity: z.boolean(),
        }),
      )
      .max(30, '称号不超过 30 个'),
  }),

  /** A post for an association (or the federation's own, without `associationId`). */
  'showcase.create': z.strictObject({
    associationId: Id.optional(),
    title: Text('标题', POST_LIMITS.titleMax),
    text: Text('正文', POST_LIMITS.textMax),
    /** Counted and typed by the domain (TOO_MANY_IMAGES, IMAGE_TYPE_INVALID, IMAGE_TOO_LARGE). */
    images: z.array(ImageInput).max(50).default([]),
    tags: z.array(Tag).max(POST_LIMITS.tags, `标签不超过 ${POST_LIMITS.tags} 个`).default([]),
  }),
  /** Public posts, newest first, by association and tag. */
  'showcase.list': z.strictObject({ associationId: Id.optional(), tag: Tag.optional(), ...CursorInput }),
  'showcase.get': z.strictObject({ postId: Id }),
  /** Posts waiting for a federation officer (newest first). */
  'showcase.reviewQueue': z.strictObject({ ...CursorInput }),
  /** A refusal needs a reason (REVIEW_REASON_REQUIRED). */
  'showcase.review': z.strictObject({
    postId: Id,
    approve: z.boolean(),
    reason: FreeText('理由', 200).default(''),
  }),
  /** One like per person. */
  'showcase.like': z.strictObject({ postId: Id }),
  /** An association's page: its posts, honors, temporary branches and backbones. */
  'showcase.association': z.strictObject({ associationId: Id }),
  /** The mini-program code of a public post (for the Moments poster) or of a certificate (to verify it by scanning). */
  'share.code': z.strictObject({
    target: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('post'), postId: Id }),
      z.strictObject({ kind: z.literal('certificate'), certificateNo: z.string().min(1).max(40) }),
    ]),
  }),
  /** The home tab: the newest posts and what waits for me, each with its count. */
  'home.feed': z.strictObject({}),
};

export interface HonorView {
  id: string;
  /** As printed: LY-XXXX-XXXX-XXXX-XXXX-C. */
  certificateNo: string;
  title: string;
  awardingUnitId: string;
  awardingUnitName: string;
  recipientKind: RecipientKind;
  recipientKindLabel: string;
  /**
   * The branch's or association's unit id; null for a person (person ids carry the student number, which walls
   * anyone may read must not show).
   */
  recipientUnitId: string | null;
  recipientName: string;
  term: string;
  citation: string;
  awardedOn: string;
  state: HonorState;
  stateLabel: string;
  hidden: boolean;
  voteId: string | null;
  noticeId: string | null;
}

export interface VerifyView {
  certificateNo: string;
  state: HonorState;
  stateLabel: string;
  title: string;
  awardingUnitName: string;
  recipientName: string;
  recipientKindLabel: string;
  term: string;
  awardedOn: string;
  revokedOn: string | null;
  /** Only for officers of the awarding unit. */
  revocationReason: string | null;
  /** The honor's id (what honors.revoke takes). */
  honorId: string;
  /** The viewer is an officer of the awarding unit and the honor is valid: the page offers 撤销. */
  mayRevoke: boolean;
}

export interface TitleView {
  title: string;
  recipients: RecipientKind[];
  /** For a branch title: the kinds of branch it is for (null: any branch). */
  branchKinds: UnitKind[] | null;
  recipientLabels: string[];
  needsVote: boolean;
  needsPublicity: boolean;
}

export interface AwardOptionsView {
  unitId: string;
  unitName: string;
  titles: TitleView[];
  /** Closed 评优 votes of units under the awarding unit, newest first, with whom each elected. */
  votes: { id: string; title: string; unitName: string; closedOn: string; elected: { id: string; name: string }[] }[];
  /** The awarding unit's own honor 公示, newest first, with their subjects (a person's id where the 公示 named one). */
  notices: {
    id: string;
    title: string;
    state: NoticeState;
    stateLabel: string;
    subjects: { id: string | null; name: string }[];
  }[];
  /** Branches and associations under the awarding unit (recipients of unit titles). */
  units: { id: string; name: string; kind: Exclude<RecipientKind, 'person'>; unitKind: UnitKind; kindLabel: string }[];
}

export interface PostImageView {
  /**
   * A temporary HTTPS link to the image (valid `POST_LIMITS.imageLinkSeconds`), never a fileID: the phone may read
   * only its own uploads. Null until the media check passed: the image is not shown before.
   */
  url: string | null;
  state: MediaState;
  stateLabel: string;
}

export interface PostCardView {
  id: string;
  title: string;
  /** The first lines of the text. */
  excerpt: string;
  /** A temporary HTTPS link to the first image that passed the media check, or null. */
  cover: string | null;
  associationId: string | null;
  associationName: string;
  tags: string[];
  likeCount: number;
  publishedOn: string;
}

export interface PostView extends PostCardView {
  text: string;
  likedByMe: boolean;
  images: PostImageView[];
  authorName: string;
  review: PostReviewState;
  reviewLabel: string;
  /** Shown to the author and reviewers when refused. */
  refusalReason: string | null;
  isPublic: boolean;
}

export interface CursorPage<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null at the end. */
  next: string | null;
}

export interface AssociationPageView {
  id: string;
  name: string;
  posts: PostCardView[];
  honors: HonorView[];
  branches: { id: string; name: string; kindLabel: string }[];
  /** Names and offices only: no person id (it carries the student number). */
  backbones: { name: string; roleLabel: string }[];
}

export interface FeedItemView {
  kind: FeedItemKind;
  label: string;
  count: number;
  /** The page that lists them. */
  path: string;
}

export interface HomeFeedView {
  posts: PostCardView[];
  next: string | null;
  /** Empty for someone not bound. */
  waiting: FeedItemView[];
  /** The signed-in person (their honor wall), null when not bound. */
  personId: string | null;
  /** Where I may publish a showcase post: the federation's own (associationId null) and my associations. */
  publishAs: { associationId: string | null; name: string }[];
  /** The units in whose name I may award honors (I am their officer and they have a list of titles). */
  awardAs: { unitId: string; name: string }[];
}

export interface HonorsOutputs {
  'honors.award': HonorView;
  'honors.verify': VerifyView;
  'honors.revoke': HonorView;
  'honors.wall': Page<HonorView>;
  'honors.setHidden': HonorView;
  'honors.titles': TitleView[];
  'honors.awardOptions': AwardOptionsView;
  'honors.setTitles': TitleView[];
  'showcase.create': PostView;
  'showcase.list': CursorPage<PostCardView>;
  'showcase.get': PostView;
  'showcase.reviewQueue': CursorPage<PostView>;
  'showcase.review': PostView;
  'showcase.like': { likeCount: number; likedByMe: true };
  'showcase.association': AssociationPageView;
  'home.feed': HomeFeedView;
  'share.code': ShareCodeView;
}

export interface ShareCodeView {
  /** The code's PNG, base64. */
  png: string;
  /** The page it opens and the scene it carries. */
  page: string;
  scene: string;
}
