/**
 * Honors and the showcase over the one seam (services/api.ts): the calls the pages make and the small view models
 * they render (a card carries only what the card shows, so the first page stays small in setData).
 */
import type {
  AwardOptionsView,
  CursorPage,
  FeedItemView,
  HonorView,
  Input,
  Page,
  PostCardView,
  PostView,
  TitleView,
  VerifyView,
} from '../../../typings/actions';
import type { Result } from '../../../typings/errors';
import { call } from '../api';

export interface PostCardVM {
  id: string;
  title: string;
  excerpt: string;
  cover: string;
  association: string;
  likes: number;
  on: string;
}

export function toPostCardVM(c: PostCardView): PostCardVM {
  return {
    id: c.id,
    title: c.title,
    excerpt: c.excerpt,
    cover: c.cover ?? '',
    association: c.associationName,
    likes: c.likeCount,
    on: c.publishedOn,
  };
}

export interface WaitingVM {
  kind: string;
  label: string;
  count: number;
  path: string;
}

export function toWaitingVM(w: FeedItemView): WaitingVM {
  return { kind: w.kind, label: w.label, count: w.count, path: w.path };
}

export function loadFeed() {
  return call('home.feed', {});
}

export function loadShowcase(cursor?: string, filter: { associationId?: string; tag?: string } = {}) {
  return call('showcase.list', { ...filter, ...(cursor ? { cursor } : {}), limit: 10 });
}

export function loadPost(postId: string): Promise<Result<PostView>> {
  return call('showcase.get', { postId });
}

export function likePost(postId: string) {
  return call('showcase.like', { postId });
}

export function createPost(input: Input<'showcase.create'>): Promise<Result<PostView>> {
  return call('showcase.create', input);
}

export function loadReviewQueue(cursor?: string): Promise<Result<CursorPage<PostView>>> {
  return call('showcase.reviewQueue', cursor ? { cursor } : {});
}

export function reviewPost(postId: string, approve: boolean, reason = '') {
  return call('showcase.review', { postId, approve, reason });
}

export function verifyCertificate(certificateNo: string): Promise<Result<VerifyView>> {
  return call('honors.verify', { certificateNo });
}

export function loadWall(of: Input<'honors.wall'>['of'], page = 1): Promise<Result<Page<HonorView>>> {
  return call('honors.wall', { of, page, pageSize: 20 });
}

export function setHonorHidden(honorId: string, hidden: boolean) {
  return call('honors.setHidden', { honorId, hidden });
}

/** What a person typed or scanned: a scanned mini-program code carries `no=` in its scene. */
export function certificateNoFromScene(scene: string | undefined): string {
  if (!scene) return '';
  const decoded = decodeURIComponent(scene);
  const m = /(?:^|&)no=([^&]+)/.exec(decoded);
  return m ? m[1] : decoded;
}

/** The certificate image's lines, top to bottom (drawn on a canvas, saved to the album). */
export function certificateLines(v: VerifyView): string[] {
  return [
    '荣誉证书',
    `${v.recipientName}：`,
    `荣获${v.term}「${v.title}」称号。`,
    `授予单位：${v.awardingUnitName}`,
    `授予日期：${v.awardedOn}`,
    `证书编号：${v.certificateNo}`,
    v.state === 'revoked' ? `（已于 ${v.revokedOn} 撤销）` : '凭编号可在“领雁”小程序查验',
  ];
}

export function loadShareCode(target: Input<'share.code'>['target']) {
  return call('share.code', { target });
}

/** The post id a scanned poster code carries (`scene=id%3Dsp_…`), or the id of an ordinary link. */
export function postIdFrom(query: Record<string, string | undefined>): string {
  if (query.id) return query.id;
  const scene = query.scene ? decodeURIComponent(query.scene) : '';
  const m = /(?:^|&)id=([^&]+)/.exec(scene);
  return m ? m[1] : '';
}

export function loadAssociation(associationId: string) {
  return call('showcase.association', { associationId });
}

export function loadAwardOptions(unitId: string): Promise<Result<AwardOptionsView>> {
  return call('honors.awardOptions', { unitId });
}

export function awardHonor(input: Input<'honors.award'>): Promise<Result<HonorView>> {
  return call('honors.award', input);
}

export function revokeHonor(honorId: string, reason: string): Promise<Result<HonorView>> {
  return call('honors.revoke', { honorId, reason });
}

/** The people of the awarding unit, for a title that needs neither vote nor 公示 (one page of 50). */
export function loadUnitPeople(unitId: string) {
  return call('people.list', { unitId, page: 1, pageSize: 50 });
}

/** A title as the awarding page lists it. */
export interface TitleChoiceVM {
  title: string;
  /** What it needs before it is conferred, in words. */
  needs: string;
  recipients: string;
}

export function toTitleChoiceVM(t: TitleView): TitleChoiceVM {
  const steps = [t.needsVote ? '评优表决' : '', t.needsPublicity ? '公示' : ''].filter(Boolean);
  return {
    title: t.title,
    needs: steps.length ? `须经${steps.join('和')}` : '无需表决和公示',
    recipients: `授予${t.recipientLabels.join('、')}`,
  };
}

/** One recipient the officer may pick: `person:<id>`, `branch:<id>` or `association:<id>`. */
export interface RecipientChoiceVM {
  key: string;
  name: string;
  note: string;
}

/**
 * Whom the chosen title may go to, from what the server offered: for a person title, those the chosen 评优 vote
 * elected, else the subjects of the chosen 公示, else the unit's people; for a unit title, the units of its kinds.
 */
export function recipientChoices(
  title: TitleView,
  options: AwardOptionsView,
  chosen: { voteId: string; noticeId: string },
  people: { id: string; name: string }[],
): RecipientChoiceVM[] {
  const out: RecipientChoiceVM[] = [];
  if (title.recipients.includes('person')) {
    if (title.needsVote) {
      const vote = options.votes.find((v) => v.id === chosen.voteId);
      for (const p of vote?.elected ?? []) out.push({ key: `person:${p.id}`, name: p.name, note: '评优表决当选' });
    } else if (title.needsPublicity) {
      const notice = options.notices.find((n) => n.id === chosen.noticeId);
      for (const s of notice?.subjects ?? []) {
        if (s.id) out.push({ key: `person:${s.id}`, name: s.name, note: '公示对象' });
      }
    } else {
      for (const p of people) out.push({ key: `person:${p.id}`, name: p.name, note: '' });
    }
  }
  for (const u of options.units) {
    if (!title.recipients.includes(u.kind)) continue;
    // A branch title is for the kinds of branch its rule names (a party title for party branches …).
    if (u.kind === 'branch' && title.branchKinds && !title.branchKinds.includes(u.unitKind)) continue;
    out.push({ key: `${u.kind}:${u.id}`, name: u.name, note: u.kindLabel });
  }
  return out;
}

/** The recipient input of honors.award from a choice's key. */
export function recipientOf(key: string): Input<'honors.award'>['recipient'] {
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'person') return { kind: 'person', personId: id };
  return { kind: kind === 'branch' ? 'branch' : 'association', unitId: id };
}
