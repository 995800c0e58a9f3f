/** Showcase posts: publishing (text and media checks), the showcase list, a post page and an association's page. */
import { randomBytes } from 'node:crypto';
import type { AssociationPageView } from '../../../typings/actions';
import { type Person, ROLE_LABELS, UNIT_KIND_LABELS, type Unit } from '../../../typings/domain';
import { defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import {
  checkPostImages,
  checkStoredImages,
  IMAGE_HEAD_BYTES,
  initialReview,
  mediaStateOf,
  postIsPublic,
} from '../../domain/honors';
import { positionIsActive } from '../../domain/org/permissions';
import type { Tx } from '../../store';
import { assertPostable } from '../content';
import { UNITS } from '../org/docs';
import { assertMayPost, federationScopeOf, maySeeUnlisted } from './access';
import {
  HONORS,
  type HonorDoc,
  LIKES,
  type LikeDoc,
  likeId,
  MEDIA_CHECKS,
  MEDIA_VERDICTS,
  type MediaCheckDoc,
  type MediaVerdictDoc,
  mediaCheckId,
  POSTS,
  type PostDoc,
} from './docs';
import { newMediaCheck } from './filing';
import { CARD_FIELDS, federationAbove, postsPage, requirePost, requireUnitOf, theFederation } from './load';
import { EXCERPT_LENGTH, honorView, imageLinks, postCardView, postView } from './views';

/**
 * D10: each image goes to WeChat's asynchronous media check before anything is stored (a failed submission writes
 * nothing); the trace ids are filed with the post in one transaction so the verdict, pushed later (see
 * server/jobs/media.ts), finds its image. A verdict that arrived before the filing is applied here.
 */
async function fileWithMediaChecks(
  tx: Tx,
  post: PostDoc,
  traces: readonly { traceId: string }[],
  openid: string,
): Promise<PostDoc> {
  const images = [...post.images];
  for (let index = 0; index < traces.length; index++) {
    const id = mediaCheckId(traces[index].traceId);
    const early = await tx.get<MediaVerdictDoc>(MEDIA_VERDICTS, id);
    if (early) images[index] = { ...images[index], state: mediaStateOf(early.suggest) };
    await tx.insert<MediaCheckDoc>(
      MEDIA_CHECKS,
      newMediaCheck(id, post._id, index, images[index].fileID, openid, 1, post.at, early ? 'answered' : 'pending'),
    );
  }
  const filed = { ...post, images, listed: postIsPublic({ review: post.review, images }) };
  await tx.insert(POSTS, filed);
  return filed;
}

export const showcaseCreate = defineAction({
  name: 'showcase.create',
  summary:
    '发布风采展示：社联干部直接发布，社团负责人只能为本社团发布并须经社联审核；正文经内容安全检测，图片（≤9 张）按云存储中的文件核对格式与大小，逐张经图片检测通过后才显示',
  access: { kind: 'member' },
  errors: [
    'UNIT_NOT_FOUND',
    'UNIT_KIND_INVALID',
    'OUT_OF_SCOPE',
    'TOO_MANY_IMAGES',
    'IMAGE_TYPE_INVALID',
    'IMAGE_TOO_LARGE',
    'IMAGE_NOT_FOUND',
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, now, nowIso, write }, input) {
    const person = actor.requirePerson();
    const association = input.associationId ? await requireUnitOf(store, input.associationId, ['association']) : null;
    const federation = association ? await federationAbove(store, association) : await theFederation(store);
    const federationScope = await federationScopeOf(store, federation);
    const { byFederation } = assertMayPost(actor, federationScope, association);
    checkPostImages(input.images);
    // D10: size and type from the stored files themselves (what the client declared was only a first filter).
    const stored = checkStoredImages(
      await ports.files.inspect(
        input.images.map((i) => i.fileID),
        IMAGE_HEAD_BYTES,
      ),
    );
    const verdict = await assertPostable(ports, actor.openid, [input.title, input.text, ...input.tags].join('\n'));
    const review = initialReview(byFederation);
    const images = input.images.map((i, k) => ({
      fileID: i.fileID,
      size: stored[k].size,
      type: stored[k].type,
      state: 'pending' as const,
    }));
    const tags = [...new Set(input.tags)];
    const post: PostDoc = {
      _id: `sp_${randomBytes(10).toString('hex')}`,
      associationId: association?._id ?? null,
      associationName: association?.name ?? federation.name,
      federationScope,
      authorId: person._id,
      authorName: person.name,
      byFederation,
      title: input.title,
      text: input.text,
      excerpt: input.text.slice(0, EXCERPT_LENGTH),
      textNeedsReview: verdict === 'review',
      tags,
      images,
      review,
      reviewedBy: byFederation ? person._id : null,
      reviewedAt: byFederation ? nowIso : null,
      refusalReason: null,
      listed: postIsPublic({ review, images }),
      likeCount: 0,
      createdAt: nowIso,
      at: now.getTime(),
    };
    const traces = await Promise.all(
      images.map((img) => ports.mediaCheck.submitImage({ openid: actor.openid, fileID: img.fileID, scene: 3 })),
    );
    const filed = await write(async (tx) => {
      const out = await fileWithMediaChecks(tx, post, traces, actor.openid);
      tx.audit('showcase.create', post._id, null, { ...out, text: undefined });
      return out;
    });
    // The author sees their own images at once (those the check already passed), through the same links.
    return postView(filed, false, true, await imageLinks(ports.files, [filed], 'all'));
  },
});

export const showcaseList = defineAction({
  name: 'showcase.list',
  summary: '风采展示：公开的展示最新在前，可按社团、标签筛选，按游标分页（每页一次数据库查询）',
  access: { kind: 'anyone' },
  errors: [],
  async run({ store, ports }, { associationId, tag, cursor, limit }) {
    const where: Record<string, unknown> = { listed: true };
    if (associationId) where.associationId = associationId;
    if (tag) where.tags = tag;
    const page = await postsPage(store, where, cursor, limit, CARD_FIELDS);
    const links = await imageLinks(ports.files, page.items, 'cover');
    return { items: page.items.map((p) => postCardView(p, links)), next: page.next };
  },
});

export const showcaseGet = defineAction({
  name: 'showcase.get',
  summary: '风采展示详情：正文、已通过检测的图片、点赞数；未公开的只有作者、本社团负责人和社联审核人可见',
  access: { kind: 'anyone' },
  errors: ['POST_NOT_FOUND'],
  async run({ actor, store, ports }, { postId }) {
    const me = actor.personId;
    const [post, like] = await Promise.all([
      requirePost(store, postId),
      me ? store.get<LikeDoc>(LIKES, likeId(postId, me)) : Promise.resolve(null),
    ]);
    const insider = maySeeUnlisted(actor, post);
    if (!post.listed && !insider) throw new DomainError('POST_NOT_FOUND');
    // Links only for a post the viewer may see: public, or theirs to edit or review.
    return postView(post, like !== null, insider, await imageLinks(ports.files, [post], 'all'));
  },
});

const BACKBONE_ROLES = ['association_president', 'advisor', 'backbone'] as const;

export const showcaseAssociation = defineAction({
  name: 'showcase.association',
  summary: '社团主页：公开的风采展示、荣誉、临时支部和骨干',
  access: { kind: 'anyone' },
  errors: ['UNIT_NOT_FOUND', 'UNIT_KIND_INVALID'],
  async run({ store, ports, today }, { associationId }): Promise<AssociationPageView> {
    const _ = store.command;
    const [association, posts, honors, branches, people] = await Promise.all([
      requireUnitOf(store, associationId, ['association']),
      postsPage(store, { listed: true, associationId }, undefined, 6, CARD_FIELDS),
      store.find<HonorDoc>(
        HONORS,
        { recipientId: associationId, onWall: true },
        {
          orderBy: [
            ['awardedAt', 'desc'],
            ['_id', 'desc'],
          ],
          limit: 20,
        },
      ),
      store.find<Unit>(UNITS, { parentId: associationId }, { orderBy: [['_id', 'asc']], limit: 20 }),
      store.find<Person>(
        PEOPLE,
        { 'positions.unitId': associationId },
        { orderBy: [['_id', 'asc']], limit: 100, field: { name: true, positions: true } },
      ),
    ]);
    const backbones = people.flatMap((p) =>
      p.positions
        .filter(
          (pos) =>
            pos.unitId === associationId &&
            (BACKBONE_ROLES as readonly string[]).includes(pos.role) &&
            positionIsActive(pos, today),
        )
        .map((pos) => ({ name: p.name, roleLabel: ROLE_LABELS[pos.role] })),
    );
    const links = await imageLinks(ports.files, posts.items, 'cover');
    return {
      id: association._id,
      name: association.name,
      posts: posts.items.map((p) => postCardView(p, links)),
      honors: honors.map(honorView),
      branches: branches.map((b) => ({ id: b._id, name: b.name, kindLabel: UNIT_KIND_LABELS[b.kind] })),
      backbones,
    };
  },
});
