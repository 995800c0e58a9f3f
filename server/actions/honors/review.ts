/** A federation officer reviews an association's post before it is public; a refusal carries a reason. */
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { checkReview, postIsPublic } from '../../domain/honors';
import { assertPostable } from '../content';
import { assertMayReview, OFFICER_PERMISSION } from './access';
import { POSTS, type PostDoc } from './docs';
import { postsPage, requirePost } from './load';
import { imageLinks, postView } from './views';

export const showcaseReviewQueue = defineAction({
  name: 'showcase.reviewQueue',
  summary: '待审核的社团风采展示（社联干部），最新在前，按游标分页',
  access: { kind: 'permission', permission: OFFICER_PERMISSION },
  errors: [],
  async run({ actor, store, ports }, { cursor, limit }) {
    const units = actor.unitsWhere(OFFICER_PERMISSION);
    const page = await postsPage(store, { review: 'pending', federationScope: store.command.in(units) }, cursor, limit);
    // The reviewer sees the images that passed, to judge the post: one storage call for the page.
    const links = await imageLinks(ports.files, page.items, 'all');
    return { items: page.items.map((p) => postView(p, false, true, links)), next: page.next };
  },
});

export const showcaseReview = defineAction({
  name: 'showcase.review',
  summary: '社联干部审核社团风采展示：通过后（图片检测均通过时）公开；不通过须写明理由',
  access: { kind: 'permission', permission: OFFICER_PERMISSION },
  errors: ['POST_NOT_FOUND', 'OUT_OF_SCOPE', 'POST_NOT_PENDING', 'REVIEW_REASON_REQUIRED', 'CONTENT_REJECTED'],
  async run({ actor, store, ports, nowIso, write }, input) {
    const found = await requirePost(store, input.postId);
    assertMayReview(actor, found);
    const reason = checkReview(found, input.approve, input.reason);
    if (reason) await assertPostable(ports, actor.openid, reason); // the author reads it
    const reviewed = await write(async (tx) => {
      const post = await tx.get<PostDoc>(POSTS, found._id);
      if (!post) throw new DomainError('POST_NOT_FOUND');
      checkReview(post, input.approve, input.reason);
      const review = input.approve ? ('approved' as const) : ('refused' as const);
      const after: PostDoc = {
        ...post,
        review,
        reviewedBy: actor.requirePerson()._id,
        reviewedAt: nowIso,
        refusalReason: reason,
        listed: postIsPublic({ review, images: post.images }),
      };
      await tx.put(POSTS, after);
      tx.audit('showcase.review', post._id, { review: post.review }, { review, refusalReason: reason });
      return after;
    });
    return postView(reviewed, false, true, await imageLinks(ports.files, [reviewed], 'all'));
  },
});
