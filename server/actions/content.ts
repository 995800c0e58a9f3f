/**
 * The content check every capability uses. Text that other people will read — a posted notice, an objection, a
 * withdrawal reason, an investigation the objector reads, a training comment, the reasons on a vote decision or on
 * a rejected binding — is user-generated content to WeChat (msgSecCheck v2, scene 2): "risky" is refused with
 * CONTENT_REJECTED before anything is written; "review" goes through (the caller may flag it).
 */
import { DomainError } from '../domain/errors';
import type { Ports } from '../ports';

export async function assertPostable(ports: Ports, openid: string, content: string): Promise<'pass' | 'review'> {
  const verdict = await ports.contentCheck.checkText({ openid, scene: 2, content });
  if (verdict === 'risky') throw new DomainError('CONTENT_REJECTED');
  return verdict;
}
