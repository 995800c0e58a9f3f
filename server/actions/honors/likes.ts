/** Likes: one per person and post, by the like's deterministic id (a second insert of the same id fails). */
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { LIKES, type LikeDoc, likeId, POSTS, type PostDoc } from './docs';

export const showcaseLike = defineAction({
  name: 'showcase.like',
  summary: '为公开的风采展示点赞（每人一次）',
  access: { kind: 'member' },
  errors: ['POST_NOT_FOUND', 'ALREADY_LIKED'],
  async run({ actor, store, nowIso, write }, { postId }) {
    const me = actor.requirePerson()._id;
    const id = likeId(postId, me);
    return write(async (tx) => {
      const post = await tx.get<PostDoc>(POSTS, postId);
      if (!post?.listed) throw new DomainError('POST_NOT_FOUND');
      if (await tx.get<LikeDoc>(LIKES, id)) throw new DomainError('ALREADY_LIKED');
      await tx.insert<LikeDoc>(LIKES, { _id: id, postId, personId: me, at: nowIso });
      await tx.patch(POSTS, postId, { likeCount: store.command.inc(1) });
      return { likeCount: post.likeCount + 1, likedByMe: true as const };
    });
  },
});
