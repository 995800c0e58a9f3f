/**
 * WeChat's answer to an asynchronous media check (D10): a `wxa_media_check` push naming the trace id. The image it
 * is about turns `pass` or `rejected`, and the post is listed once reviewed and every image passed. A verdict that
 * arrives before its check was filed is kept and applied by the filing (showcase.create).
 */
import {
  MEDIA_CHECKS,
  MEDIA_VERDICTS,
  type MediaCheckDoc,
  type MediaVerdictDoc,
  mediaCheckId,
  POSTS,
  type PostDoc,
} from '../actions/honors/docs';
import { mediaStateOf, postIsPublic } from '../domain/honors';
import { shanghaiIso } from '../domain/time';
import type { Store } from '../store';

export interface MediaCheckPush {
  Event: 'wxa_media_check';
  trace_id: string;
  result?: { suggest?: string };
}

export function isMediaCheckPush(event: unknown): event is MediaCheckPush {
  const e = event as Partial<MediaCheckPush> | null;
  return !!e && e.Event === 'wxa_media_check' && typeof e.trace_id === 'string' && e.trace_id.length > 0;
}

/**
 * Applies a verdict. Only a trace id this app filed moves an image (trace ids are WeChat's, never shown to
 * clients); an unknown one is kept as an early verdict, which nothing reads unless that trace is filed later.
 */
export async function applyMediaVerdict(
  store: Store,
  push: MediaCheckPush,
  now: Date,
): Promise<'applied' | 'early' | 'unchanged'> {
  const id = mediaCheckId(push.trace_id);
  const suggest = push.result?.suggest ?? 'review';
  const at = shanghaiIso(now);
  return store.write({ actorId: null, at }, async (tx) => {
    const check = await tx.get<MediaCheckDoc>(MEDIA_CHECKS, id);
    if (!check) {
      await tx.put<MediaVerdictDoc>(MEDIA_VERDICTS, { _id: id, suggest, at });
      return 'early';
    }
    const post = await tx.get<PostDoc>(POSTS, check.postId);
    const image = post?.images[check.index];
    if (!post || !image || image.state !== 'pending') return 'unchanged';
    const images = post.images.map((img, i) => (i === check.index ? { ...img, state: mediaStateOf(suggest) } : img));
    await tx.put<PostDoc>(POSTS, { ...post, images, listed: postIsPublic({ review: post.review, images }) });
    return 'applied';
  });
}
