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
import { newMediaCheck } from '../actions/honors/filing';
import { mediaStateOf, nextMediaCheckStep, postIsPublic } from '../domain/honors';
import { shanghaiIso } from '../domain/time';
import type { Store } from '../store';
import type { Job } from './job';

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
    if (check.state === 'pending') await tx.put<MediaCheckDoc>(MEDIA_CHECKS, { ...check, state: 'answered' });
    const post = await tx.get<PostDoc>(POSTS, check.postId);
    const image = post?.images[check.index];
    // A verdict for an earlier submission, or one that came after the image was given up, still counts: it is
    // WeChat's answer about the same file.
    if (!post || !image || (image.state !== 'pending' && image.state !== 'failed')) return 'unchanged';
    const images = post.images.map((img, i) => (i === check.index ? { ...img, state: mediaStateOf(suggest) } : img));
    await tx.put<PostDoc>(POSTS, { ...post, images, listed: postIsPublic({ review: post.review, images }) });
    return 'applied';
  });
}

/** Checks handled a tick: far more than a school's showcase has waiting at once (the rest wait for the next tick). */
const RECHECK_BATCH = 50;

/**
 * D10: an image whose media check WeChat never answered (a lost push) would keep its post pending forever. Each
 * tick, every check past its due time is looked at: settled (the image has its verdict) is closed; otherwise the
 * image is submitted again, a new check filed for the new trace id (its verdict may already be there), up to
 * `MEDIA_RECHECK.attempts` submissions; after the last one the image is marked `failed` (never shown), audited.
 * Idempotent: a check is acted on once (its state leaves `pending` in the same transaction).
 */
export const mediaRecheckJob: Job = {
  name: 'showcase.recheckMedia',
  async run({ store, ports, now }) {
    const nowMs = now.getTime();
    const at = shanghaiIso(now);
    const due = await store.find<MediaCheckDoc>(
      MEDIA_CHECKS,
      { state: 'pending', dueAt: store.command.lte(nowMs) },
      { orderBy: [['dueAt', 'asc']], limit: RECHECK_BATCH },
    );
    const out = { due: due.length, settled: 0, resubmitted: 0, failed: 0 };
    for (const seen of due) {
      const post = await store.get<PostDoc>(POSTS, seen.postId);
      const step = nextMediaCheckStep(seen, post?.images[seen.index]?.state, nowMs);
      if (step === 'wait') continue;
      if (step === 'settled') {
        await store.write({ actorId: null, at }, async (tx) => {
          const c = await tx.get<MediaCheckDoc>(MEDIA_CHECKS, seen._id);
          if (c?.state === 'pending') await tx.put<MediaCheckDoc>(MEDIA_CHECKS, { ...c, state: 'answered' });
        });
        out.settled++;
        continue;
      }
      if (step === 'resubmit') {
        // Submitted before the transaction (WeChat is no database); a failed submission leaves the check due.
        const { traceId } = await ports.mediaCheck.submitImage({ openid: seen.openid, fileID: seen.fileID, scene: 3 });
        const id = mediaCheckId(traceId);
        const done = await store.write({ actorId: null, at }, async (tx) => {
          const c = await tx.get<MediaCheckDoc>(MEDIA_CHECKS, seen._id);
          if (c?.state !== 'pending') return false;
          await tx.put<MediaCheckDoc>(MEDIA_CHECKS, { ...c, state: 'resubmitted' });
          const early = await tx.get<MediaVerdictDoc>(MEDIA_VERDICTS, id);
          const next = newMediaCheck(id, c.postId, c.index, c.fileID, c.openid, c.attempt + 1, nowMs, 'pending');
          await tx.insert<MediaCheckDoc>(MEDIA_CHECKS, early ? { ...next, state: 'answered' } : next);
          if (early) {
            const p = await tx.get<PostDoc>(POSTS, c.postId);
            if (p && p.images[c.index]?.state === 'pending') {
              const images = p.images.map((img, i) =>
                i === c.index ? { ...img, state: mediaStateOf(early.suggest) } : img,
              );
              await tx.put<PostDoc>(POSTS, { ...p, images, listed: postIsPublic({ review: p.review, images }) });
            }
          }
          return true;
        });
        if (done) out.resubmitted++;
        continue;
      }
      const gaveUp = await store.write({ actorId: null, at }, async (tx) => {
        const c = await tx.get<MediaCheckDoc>(MEDIA_CHECKS, seen._id);
        if (c?.state !== 'pending') return false;
        const p = await tx.get<PostDoc>(POSTS, c.postId);
        const image = p?.images[c.index];
        if (!p || image?.state !== 'pending') {
          // Answered meanwhile: nothing to give up.
          await tx.put<MediaCheckDoc>(MEDIA_CHECKS, { ...c, state: 'answered' });
          return false;
        }
        await tx.put<MediaCheckDoc>(MEDIA_CHECKS, { ...c, state: 'failed' });
        const images = p.images.map((img, i) => (i === c.index ? { ...img, state: 'failed' as const } : img));
        await tx.put<PostDoc>(POSTS, { ...p, images, listed: postIsPublic({ review: p.review, images }) });
        tx.audit(
          'showcase.mediaCheckFailed',
          p._id,
          { image: c.index, state: 'pending' },
          {
            image: c.index,
            state: 'failed',
            attempts: c.attempt,
          },
        );
        return true;
      });
      if (gaveUp) out.failed++;
    }
    return out;
  },
};
