/**
 * The demo world's answers, recorded: one emulator seeded with the full demo world (emulator/demo/world.ts) at the
 * pinned preview instant, then the real actions called as the personas each page needs, and every reply written
 * to a file. The preview (scripts/preview) and the component tests feed pages these replies, so what they show is
 * what the handlers answer for the one demo world, never a hand-built copy.
 *
 * Recorded once per component test run (tests/component/global-setup.ts, `.data/world-views.json`, which the jest
 * workers read) and once per preview run (scripts/preview/index.ts, `.data/world-views.preview.json`, read in the
 * same process), so neither rewrites the other's; `npx tsx tests/support/record-world-views.ts` records by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DemoWorldIds } from '../../emulator/demo/context';
import type { ActionName, Input, Output } from '../../typings/actions';
import type { Result } from '../../typings/errors';

/** The instant the world is seeded at and the pages' clock is pinned to: Monday 2026-11-23, mid-morning in Shanghai. */
export const WORLD_NOW = '2026-11-23T10:30:00+08:00';

/** The component tests' recording: written by their global setup (or by hand), read by every jest worker. */
export const WORLD_VIEWS_FILE = path.resolve(__dirname, '../../.data/world-views.json');
/**
 * The preview's and the benches' recording: they record and read it in the same process, so the file is only there
 * to look at; kept apart so that a preview never rewrites the file a component run is reading.
 */
export const WORLD_VIEWS_PREVIEW_FILE = path.resolve(__dirname, '../../.data/world-views.preview.json');

/** The ids the world's actions generated, by the demo's own names (emulator/demo/world.ts). */
export type WorldIds = DemoWorldIds;

interface Call<A extends ActionName = ActionName> {
  /** Demo persona slug (emulator/demo/school.ts) or null (nobody). */
  who: string | null;
  action: A;
  input: Input<A>;
  /** Makes the input from what was recorded before (a code only an earlier answer shows). */
  from?: (views: Record<string, Recorded>) => Input<A>;
  /**
   * Files stored in the emulator's cloud storage before the call, as the mini-program's wx.cloud.uploadFile leaves
   * them (cloudPath → bytes), for actions that read what was uploaded.
   */
  files?: Record<string, Buffer>;
}

/** The fileID the world's emulator gives a file stored at `cloudPath`. */
export const worldFileId = (cloudPath: string) => `cloud://local.lingyan-local/${cloudPath}`;

const call = <A extends ActionName>(who: string | null, action: A, input: Input<A>): Call<A> => ({
  who,
  action,
  input,
});

/** A call whose input needs an earlier answer; `input` is only its shape's placeholder until then. */
const callFrom = <A extends ActionName>(
  who: string,
  action: A,
  placeholder: Input<A>,
  from: (views: Record<string, Recorded>) => Input<A>,
): Call<A> => ({ who, action, input: placeholder, from });

/** The data of an answer recorded before (throws when it was refused). */
function dataOf<T>(views: Record<string, Recorded>, key: string): T {
  const r = views[key]?.reply;
  if (!r?.ok)
    throw new Error(
      `world-views: ${key} is needed first and was ${r ? `refused ${JSON.stringify(r.error)}` : 'not recorded'}`,
    );
  return r.data as T;
}

/**
 * What is recorded, by key. A page's state names the key it shows; the persona in the key is whose eyes. The
 * personas: 彭悦 (sport_prob2, a probationary member of the sport party branch, in the 太极拳社), 马骁
 * (sport_pb_sec, the branch secretary), 陈志强 (sport_officer, the sport college's officer), …
 */
function calls(w: WorldIds) {
  const n = w.notices;
  return {
    // ------------------------------------------------------------------------------------------ 公示
    'notices.list.student': call('sport_prob2', 'notices.list', { scope: 'visible', page: 1, pageSize: 20 }),
    'notices.list.info_student': call('info_prob1', 'notices.list', { scope: 'visible', page: 1, pageSize: 20 }),
    'notices.list.student_page1of2': call('sport_prob2', 'notices.list', { scope: 'visible', page: 1, pageSize: 2 }),
    'notices.list.student_page2of2': call('sport_prob2', 'notices.list', { scope: 'visible', page: 2, pageSize: 2 }),
    'notices.list.unbound': call('applicant_new', 'notices.list', { scope: 'visible', page: 1, pageSize: 20 }),
    'notices.managed.secretary': call('sport_pb_sec', 'notices.list', { scope: 'managed', page: 1, pageSize: 20 }),
    'notices.managed.officer': call('sport_officer', 'notices.list', { scope: 'managed', page: 1, pageSize: 20 }),
    'notices.managed.student': call('sport_masses', 'notices.list', { scope: 'managed', page: 1, pageSize: 20 }),
    'notices.get.open.student': call('sport_prob2', 'notices.get', { noticeId: n.open_objected }),
    'notices.get.open.objector': call('sport_league2', 'notices.get', { noticeId: n.open_objected }),
    'notices.get.open.officer': call('sport_officer', 'notices.get', { noticeId: n.open_objected }),
    'notices.get.draft.secretary': call('sport_pb_sec', 'notices.get', { noticeId: n.draft }),
    'notices.get.scheduled.student': call('info_prob1', 'notices.get', { noticeId: n.scheduled }),
    'notices.get.closed_pending.student': call('sport_prob2', 'notices.get', { noticeId: n.closed_pending }),
    'notices.get.closed_pending.secretary': call('sport_pb_sec', 'notices.get', { noticeId: n.closed_pending }),
    'notices.list.league2': call('sport_league2', 'notices.list', { scope: 'visible', page: 1, pageSize: 20 }),
    'notices.list.officer': call('sport_officer', 'notices.list', { scope: 'visible', page: 1, pageSize: 20 }),
    'notices.get.withdrawn.student': call('sport_league2', 'notices.get', { noticeId: n.withdrawn }),
    'notices.get.missing': call('sport_prob2', 'notices.get', { noticeId: 'n_no_such_notice' }),
    'notices.myObjections.handled': call('sport_prob2', 'notices.myObjections', { page: 1, pageSize: 20 }),
    'notices.myObjections.pending': call('sport_full3', 'notices.myObjections', { page: 1, pageSize: 20 }),
    'notices.myObjections.none': call('sport_league1', 'notices.myObjections', { page: 1, pageSize: 20 }),
    'notices.objections.open.officer': call('sport_officer', 'notices.objections', {
      noticeId: n.open_objected,
      page: 1,
      pageSize: 20,
    }),
    'notices.objections.closed_pending.secretary': call('sport_pb_sec', 'notices.objections', {
      noticeId: n.closed_pending,
      page: 1,
      pageSize: 20,
    }),
    'notices.objections.draft.secretary': call('sport_pb_sec', 'notices.objections', {
      noticeId: n.draft,
      page: 1,
      pageSize: 20,
    }),
    'notices.closeReport.closed_pending': call('sport_pb_sec', 'notices.closeReport', { noticeId: n.closed_pending }),
    'notices.closeReport.closed_handled': call('robot_pres', 'notices.closeReport', { noticeId: n.closed_handled }),
    'notices.closeReport.closed_clean': call('info_lb1_sec', 'notices.closeReport', { noticeId: n.closed_clean }),
    'notices.closeReport.withdrawn': call('taiji_pres', 'notices.closeReport', { noticeId: n.withdrawn }),
    'notices.closeReport.open': call('sport_officer', 'notices.closeReport', { noticeId: n.open_objected }),

    // ------------------------------------------------------------------------------------------ 票决
    ...voteViews(w),

    // ------------------------------------------------------------------------------------------ 荣誉与风采展示
    ...honorViews(w),
    // ------------------------------------------------------------------------------------------ 积极分子档案
    ...activistViews(),
    // ------------------------------------------------------------------------------------------ 发展党员
    'pipeline.mine.applicant_overdue': call('sport_masses', 'pipeline.mine', {}),
    'pipeline.mine.applicant_talked': call('sport_league2', 'pipeline.mine', {}),
    'pipeline.mine.activist': call('info_masses', 'pipeline.mine', {}),
    'pipeline.mine.none': call('sport_league1', 'pipeline.mine', {}),
    'pipeline.todo.secretary': call('sport_pb_sec', 'pipeline.todo', { days: 30 }),
    'pipeline.todo.student': call('sport_league1', 'pipeline.todo', { days: 30 }),
    'pipeline.get.activist.secretary': call('info_pb_sec', 'pipeline.get', {
      caseId: w.cases?.activist ?? 'pc_missing',
    }),
    // 发展档案全卷 and its forms (白露's dossier; 吕航's has no resolution yet)
    'pipeline.dossier.activist.secretary': call('info_pb_sec', 'pipeline.dossier', {
      caseId: w.cases?.activist ?? 'pc_missing',
    }),
    'pipeline.dossier.activist.student': call('info_masses', 'pipeline.dossier', {
      caseId: w.cases?.activist ?? 'pc_missing',
    }),
    'pipeline.dossier.applicant.secretary': call('sport_pb_sec', 'pipeline.dossier', {
      caseId: w.cases?.applicant_overdue ?? 'pc_missing',
    }),
    'pipeline.dossierForm.activist.talks': call('info_pb_sec', 'pipeline.dossierForm', {
      caseId: w.cases?.activist ?? 'pc_missing',
      form: 'talks',
    }),
    // Past 发展对象 (emulator/demo/world-members.ts): 顾晨阳 a 正式党员 through conversion, 江雪 whose probation was
    // extended, 苏婉 a 预备党员 who took the oath, 叶舟 approved and not sworn in yet; each by themselves and by 林思远.
    ...memberViews(w),

    // ------------------------------------------------------------------------------------------ who I am
    ...mePersonas(),

    // ------------------------------------------------------------------------------------------ 实名绑定, settings
    ...orgViews(),
  };
}

/** The certificate number an honor's id carries (`h_<number>`). */
const certificateOf = (honorId: string) => honorId.slice(2);

/**
 * The world's honors and showcase (emulator/demo/world-honors.ts) as its people see them: 郑雨桐 (fed_chair, the
 * federation's officer), 张晓东 (league_admin), 陈志强 (sport_officer), 罗浩然 (bball_pres), 唐诗雨 (taiji_pres),
 * 彭悦 (sport_prob2, who hid her honor), 蒋文博 (sport_league1, who liked 篮球协会's post), and a WeChat user the
 * school has never seen (newcomer).
 */
function honorViews(w: WorldIds) {
  const h = w.honors;
  const p = w.posts;
  const verify = (who: string, honorId: string) =>
    call(who, 'honors.verify', { certificateNo: certificateOf(honorId) });
  const excellent = {
    unitId: 'u_league',
    title: '优秀共青团员',
    recipient: { kind: 'person' as const, personId: 'p_2023010108' },
    term: '2026年度',
    citation: '学习工作表现突出',
  };
  return {
    'home.feed.anonymous': call('newcomer', 'home.feed', {}),
    'home.feed.student': call('sport_prob2', 'home.feed', {}),
    'home.feed.officer': call('fed_chair', 'home.feed', {}),
    'home.feed.president': call('bball_pres', 'home.feed', {}),
    'showcase.list.all': call('newcomer', 'showcase.list', { limit: 10 }),
    'showcase.list.page1of2': call('newcomer', 'showcase.list', { limit: 2 }),
    'showcase.list.page2of2': callFrom('sport_prob2', 'showcase.list', { limit: 2 }, (views) => ({
      limit: 2,
      cursor: dataOf<{ next: string }>(views, 'showcase.list.page1of2').next,
    })),
    'showcase.list.bball': call('newcomer', 'showcase.list', { associationId: 'u_as_bball', limit: 10 }),
    'showcase.list.tag': call('newcomer', 'showcase.list', { tag: '赛事', limit: 10 }),
    'showcase.list.none': call('newcomer', 'showcase.list', { tag: '摄影', limit: 10 }),
    'showcase.get.public.liker': call('sport_league1', 'showcase.get', { postId: p.public_bball }),
    'showcase.get.public.anonymous': call('newcomer', 'showcase.get', { postId: p.public_bball }),
    'showcase.get.federation.anonymous': call('newcomer', 'showcase.get', { postId: p.public_federation }),
    'showcase.get.pending.author': call('bball_pres', 'showcase.get', { postId: p.pending_review }),
    'showcase.get.pending.stranger': call('sport_masses', 'showcase.get', { postId: p.pending_review }),
    'showcase.get.refused.author': call('taiji_pres', 'showcase.get', { postId: p.refused }),
    'showcase.get.image_pending.officer': call('fed_chair', 'showcase.get', { postId: p.image_pending }),
    'showcase.reviewQueue.officer': call('fed_chair', 'showcase.reviewQueue', { limit: 10 }),
    'showcase.association.bball': call('newcomer', 'showcase.association', { associationId: 'u_as_bball' }),
    'honors.verify.valid': verify('newcomer', h.league_excellent),
    'honors.verify.association': verify('newcomer', h.association),
    'honors.verify.revoked.stranger': verify('newcomer', h.revoked),
    'honors.verify.revoked.officer': verify('sport_officer', h.revoked),
    'honors.verify.hidden': verify('newcomer', h.hidden),
    'honors.verify.invalid': call('newcomer', 'honors.verify', { certificateNo: 'LY-1234' }),
    'honors.wall.mine': call('sport_prob2', 'honors.wall', {
      of: { kind: 'person', personId: 'p_2023010102' },
      page: 1,
      pageSize: 20,
    }),
    'honors.wall.league2': call('newcomer', 'honors.wall', {
      of: { kind: 'person', personId: 'p_2023010109' },
      page: 1,
      pageSize: 20,
    }),
    'honors.wall.awarded_sport': call('newcomer', 'honors.wall', {
      of: { kind: 'awardingUnit', unitId: 'u_sport' },
      page: 1,
      pageSize: 20,
    }),
    'honors.awardOptions.league': call('league_admin', 'honors.awardOptions', { unitId: 'u_league' }),
    'honors.awardOptions.sport': call('sport_officer', 'honors.awardOptions', { unitId: 'u_sport' }),
    'honors.awardOptions.fed': call('fed_chair', 'honors.awardOptions', { unitId: 'u_fed' }),
    // A branch publishes 公示 but has no titles of its own to award.
    'honors.awardOptions.branch': call('sport_pb_sec', 'honors.awardOptions', { unitId: 'u_sport_pb' }),
    'honors.awardOptions.student': call('sport_prob2', 'honors.awardOptions', { unitId: 'u_league' }),
    'people.list.sport': call('sport_officer', 'people.list', { unitId: 'u_sport', page: 1, pageSize: 50 }),
    // 张晓东 tries 优秀共青团员 for 蒋文博 with nothing linked, then with the vote and a 公示 that does not name him.
    'honors.award.gate_missing': call('league_admin', 'honors.award', excellent),
    'honors.award.gate_failed': call('league_admin', 'honors.award', {
      ...excellent,
      voteId: w.votes.honor_closed,
      noticeId: w.notices.honor_publicity,
    }),
    // Then with 沈可欣, whom the vote elected, but without the 公示; then with both (she already holds it).
    'honors.award.gate_publicity': call('league_admin', 'honors.award', {
      ...excellent,
      recipient: { kind: 'person', personId: 'p_2023010109' },
      voteId: w.votes.honor_closed,
    }),
    'honors.award.duplicate': call('league_admin', 'honors.award', {
      ...excellent,
      recipient: { kind: 'person', personId: 'p_2023010109' },
      voteId: w.votes.honor_closed,
      noticeId: w.notices.honor_publicity,
    }),
    'honors.revoke.no_reason': call('sport_officer', 'honors.revoke', { honorId: h.hidden, reason: '  ' }),
    'showcase.like.again': call('sport_league1', 'showcase.like', { postId: p.public_bball }),
    'showcase.get.public.masses': call('sport_masses', 'showcase.get', { postId: p.public_bball }),
    'showcase.review.refused_again': call('fed_chair', 'showcase.review', {
      postId: p.refused,
      approve: false,
      reason: '与社团活动无关',
    }),
    'share.code.public': call('newcomer', 'share.code', { target: { kind: 'post', postId: p.public_bball } }),
    'me.get.fed_chair': call('fed_chair', 'me.get', {}),
    'me.get.league_admin.honors': call('league_admin', 'me.get', {}),
    'home.feed.league_admin': call('league_admin', 'home.feed', {}),
    'home.feed.college_officer': call('sport_officer', 'home.feed', {}),
  };
}

/** The term the world's activist grades are of: the semester of WORLD_NOW. */
export const WORLD_TERM = '2026-2027-1';

/**
 * 体育学院学生党支部's activist files (emulator/demo/world.ts: seedActivists): 黄子豪 (sport_lb_sec) with a decided
 * 优秀 he may appeal and a report waiting for his contact 邓凯 (sport_full3); 谢天宇 (bball_backbone) whose appeal
 * waits for the secretary 马骁 (sport_pb_sec), assessed by the branch and by the basketball association's temporary
 * League branch. Their contacts are their development cases'.
 */
function activistViews() {
  const HUANG = 'p_2023010104';
  const XIE = 'p_2023010105';
  return {
    'activists.file.activist': call('sport_lb_sec', 'activists.file', { personId: HUANG }),
    'activists.file.appealed': call('bball_backbone', 'activists.file', { personId: XIE }),
    'activists.file.contact': call('sport_full3', 'activists.file', { personId: HUANG }),
    'activists.file.secretary': call('sport_pb_sec', 'activists.file', { personId: HUANG }),
    'activists.file.none': call('sport_league1', 'activists.file', { personId: 'p_2023010108' }),
    'activists.file.stranger': call('info_pb_sec', 'activists.file', { personId: HUANG }),
    // 白露's file, opened by the pipeline's 确定入党积极分子 step (seedPipeline), her contact named on the case.
    'activists.file.opened_by_step': call('info_pb_sec', 'activists.file', { personId: 'p_2024020204' }),
    'activists.branchFiles.secretary': call('sport_pb_sec', 'activists.branchFiles', {
      branchId: 'u_sport_pb',
      term: WORLD_TERM,
    }),
    'activists.branchFiles.committee': call('sport_pb_cm', 'activists.branchFiles', {
      branchId: 'u_sport_pb',
      term: WORLD_TERM,
    }),
    'activists.gradingSettings.secretary': call('sport_pb_sec', 'activists.gradingSettings', {
      branchId: 'u_sport_pb',
    }),
    'activists.branches.secretary': call('sport_pb_sec', 'activists.branches', {}),
    'activists.branches.party_admin': call('party_admin', 'activists.branches', {}),
  };
}

/** Every vote of the world as its secretary sees it (get, presence, resolution), and as the people a page needs. */
function voteViews(w: WorldIds) {
  const v = w.votes;
  const get = (who: string, key: keyof typeof VOTE_OWNERS) => call(who, 'votes.get', { voteId: v[key] });
  const out = {
    'votes.get.acceptance_open.secretary': get('sport_pb_sec', 'acceptance_open'),
    'votes.get.acceptance_open.ready': get('sport_full2', 'acceptance_open'),
    'votes.get.acceptance_open.voted': get('sport_pb_cm', 'acceptance_open'),
    'votes.get.acceptance_open.written': get('sport_full3', 'acceptance_open'),
    'votes.get.acceptance_open.off_roster': get('sport_prob1', 'acceptance_open'),
    'votes.presence.acceptance_open': call('sport_pb_sec', 'votes.presence', { voteId: v.acceptance_open }),
    'votes.resolution.acceptance_open': call('sport_full2', 'votes.resolution', { voteId: v.acceptance_open }),
    'votes.get.conversion_draft.voter': get('info_full1', 'conversion_draft'),
    'votes.get.conversion_draft.secretary': get('info_pb_sec', 'conversion_draft'),
    'votes.get.backbone_election_open.ready': get('bball_backbone', 'backbone_election_open'),
    'votes.get.league_evaluation_open.ready': get('robot_backbone', 'league_evaluation_open'),
    'votes.presence.league_evaluation_open': call('info_lb1_sec', 'votes.presence', {
      voteId: v.league_evaluation_open,
    }),
    // The meeting screens' rotating QR codes, as their secretaries' presence pages fetch them.
    'votes.checkInToken.acceptance_open': call('sport_pb_sec', 'votes.checkInToken', { voteId: v.acceptance_open }),
    'votes.checkInToken.league_evaluation_open': call('info_lb1_sec', 'votes.checkInToken', {
      voteId: v.league_evaluation_open,
    }),
    'votes.get.extension_cancelled.voter': get('sport_full1', 'extension_cancelled'),
    'votes.listMine.open': call('sport_pb_cm', 'votes.listMine', { state: 'open', page: 1, pageSize: 10 }),
    'votes.listMine.draft': call('sport_pb_cm', 'votes.listMine', { state: 'draft', page: 1, pageSize: 10 }),
    'votes.listMine.closed': call('sport_pb_cm', 'votes.listMine', { state: 'closed', page: 1, pageSize: 10 }),
    'votes.listMine.unbound': call('applicant_new', 'votes.listMine', { state: 'open', page: 1, pageSize: 10 }),
    'votes.list.sport_pb': call('sport_pb_sec', 'votes.list', { unitId: 'u_sport_pb', page: 1, pageSize: 10 }),
    'votes.list.info_pb': call('info_pb_sec', 'votes.list', { unitId: 'u_info_pb', page: 1, pageSize: 10 }),
    'votes.noticeDraft.tuiyou_closed': call('sport_lb_sec', 'votes.noticeDraft', { voteId: v.tuiyou_closed }),
    'votes.ruleSettings.admin': call('admin', 'votes.ruleSettings', {}),
    'people.list.info_pb': call('info_pb_sec', 'people.list', { unitId: 'u_info_pb', page: 1, pageSize: 50 }),
    'votes.get.league_branch_election_draft.secretary': call('sport_lb_sec', 'votes.get', {
      voteId: v.league_branch_election_draft,
    }),
    'votes.get.league_branch_election_draft.voter': call('sport_league1', 'votes.get', {
      voteId: v.league_branch_election_draft,
    }),
    'votes.get.league_evaluation_open.absent': get('info_prob1', 'league_evaluation_open'),
    'votes.get.league_evaluation_open.secretary': get('info_lb1_sec', 'league_evaluation_open'),
  } as const;
  const closed = {} as Record<
    `votes.get.${ClosedVote}.voter` | `votes.get.${ClosedVote}.secretary`,
    Call<'votes.get'>
  > &
    Record<
      `votes.resolution.${ClosedVote}.voter` | `votes.resolution.${ClosedVote}.secretary`,
      Call<'votes.resolution'>
    >;
  for (const key of CLOSED_VOTES) {
    const [owner, voter] = VOTE_OWNERS[key];
    closed[`votes.get.${key}.voter`] = call(voter, 'votes.get', { voteId: v[key] });
    closed[`votes.get.${key}.secretary`] = call(owner, 'votes.get', { voteId: v[key] });
    closed[`votes.resolution.${key}.voter`] = call(voter, 'votes.resolution', { voteId: v[key] });
    closed[`votes.resolution.${key}.secretary`] = call(owner, 'votes.resolution', { voteId: v[key] });
  }
  return { ...out, ...closed };
}

/** Each vote's secretary (who manages it) and a voter who was there (emulator/demo/world.ts). */
const VOTE_OWNERS = {
  acceptance_open: ['sport_pb_sec', 'sport_full2'],
  conversion_draft: ['info_pb_sec', 'info_full1'],
  backbone_election_open: ['sport_officer', 'bball_backbone'],
  league_evaluation_open: ['info_lb1_sec', 'robot_backbone'],
  extension_cancelled: ['sport_pb_sec', 'sport_full1'],
  party_evaluation_closed: ['sport_officer', 'sport_full2'],
  league_evaluation_closed: ['sport_lb_sec', 'sport_league1'],
  party_branch_election_closed: ['info_pb_sec', 'info_full2'],
  tuiyou_closed: ['sport_lb_sec', 'sport_league1'],
  tuiyou_development_closed: ['info_lb1_sec', 'vol_pres'],
  activist_determination_closed: ['sport_pb_sec', 'sport_full2'],
  honor_closed: ['sport_lb_sec', 'sport_league1'],
} as const satisfies Record<string, readonly [string, string]>;

const CLOSED_VOTES = [
  'party_evaluation_closed',
  'league_evaluation_closed',
  'party_branch_election_closed',
  'tuiyou_closed',
  'tuiyou_development_closed',
  'activist_determination_closed',
  'honor_closed',
] as const;
type ClosedVote = (typeof CLOSED_VOTES)[number];

/** The personas whose `me.get` and `org.tree` the pages start from. */
export const WORLD_PERSONAS = [
  'sport_prob2',
  'sport_league1',
  'sport_league2',
  'sport_full3',
  'sport_masses',
  'sport_pb_sec',
  'sport_officer',
  'sport_full2',
  'sport_pb_cm',
  'sport_lb_sec',
  'info_prob1',
  'info_pb_sec',
  'info_officer',
  'league_admin',
  'party_admin',
  'admin',
  'robot_pres',
  'taiji_pres',
  'applicant_new',
  // A WeChat user the school has never seen (no binding, no person).
  'newcomer',
  // Claims made by the world's actions (emulator/demo/world.ts DEMO_APPLICANTS): 魏来 waiting, 白杨 rejected with
  // the reason, 秦朗 approved (bound, in no branch, no position).
  'applicant_wei',
  'applicant_bai',
  'applicant_qin',
] as const;
export type WorldPersona = (typeof WORLD_PERSONAS)[number];

function mePersonas() {
  const out = {} as Record<`me.get.${WorldPersona}`, Call<'me.get'>> &
    Record<`org.tree.${WorldPersona}`, Call<'org.tree'>>;
  for (const who of WORLD_PERSONAS) {
    out[`me.get.${who}`] = call(who, 'me.get', {});
    out[`org.tree.${who}`] = call(who, 'org.tree', {});
  }
  return out;
}

/**
 * What happens after everything above was read, in order: the answers of writes (an objection submitted, a late
 * objection handled after the close) and what the world looks like after them.
 */
function later(w: WorldIds, pid: (slug: string) => string = (slug) => slug) {
  return {
    // 积极分子档案: a report written, 邓凯's review of the one waiting, 黄子豪's appeal, the secretary's answer to 谢天宇.
    'activists.submitReport.activist': call('sport_lb_sec', 'activists.submitReport', {
      title: '参加支部主题党日的体会',
      text: '本月我参加了支部组织的主题党日活动，重温入党誓词，参观了校史馆。通过活动，我更加深刻地理解了共产党员的初心使命，也认识到自己在理论学习上的不足，今后将制定学习计划，按时向党组织汇报思想。',
    }),
    'activists.submitReport.not_activist': call('sport_league1', 'activists.submitReport', {
      title: '思想汇报',
      text: '本月我参加了支部组织的主题党日活动，重温入党誓词，参观了校史馆。通过活动，我更加深刻地理解了共产党员的初心使命。',
    }),
    'activists.reviewReport.contact': callFrom(
      'sport_full3',
      'activists.reviewReport',
      { reportId: '', mark: 'good' },
      (views) => ({
        reportId: dataOf<Output<'activists.file'>>(views, 'activists.file.contact').reports.find((r) => r.mayReview)!
          .id,
        mark: 'good',
        comment: '结合学习实际，体会较深。',
      }),
    ),
    'activists.appeal.activist': callFrom('sport_lb_sec', 'activists.appeal', { gradeId: '', reason: '' }, (views) => ({
      gradeId: dataOf<Output<'activists.file'>>(views, 'activists.file.activist').grades[0]!.id,
      reason: '请说明突出贡献一项的计分方法。',
    })),
    'activists.answerAppeal.secretary': callFrom(
      'sport_pb_sec',
      'activists.answerAppeal',
      { gradeId: '', answer: '' },
      (views) => ({
        gradeId: dataOf<Output<'activists.file'>>(views, 'activists.file.appealed').grades[0]!.id,
        answer: '经支委会复核，本学期无突出贡献记录，维持合格等次。',
      }),
    ),
    // 杨帆, not yet at the League evaluation, scans the code of the party branch's meeting by mistake, then the one on
    // his own meeting's screen (its secretary's screen fetches it).
    'votes.checkIn.league_evaluation_open.other_vote': callFrom(
      'info_prob1',
      'votes.checkIn',
      { voteId: w.votes.league_evaluation_open, token: '' },
      (views) => ({
        voteId: w.votes.league_evaluation_open,
        token: dataOf<{ token: string }>(views, 'votes.checkInToken.acceptance_open').token,
      }),
    ),
    'votes.checkIn.league_evaluation_open': callFrom(
      'info_prob1',
      'votes.checkIn',
      { voteId: w.votes.league_evaluation_open, token: '' },
      (views) => ({
        voteId: w.votes.league_evaluation_open,
        token: dataOf<{ token: string }>(views, 'votes.checkInToken.league_evaluation_open').token,
      }),
    ),
    'votes.get.league_evaluation_open.checked_in': call('info_prob1', 'votes.get', {
      voteId: w.votes.league_evaluation_open,
    }),
    // The League evaluation closes (杨帆 checked in, did not vote); the college officer first grades everyone 优秀.
    'votes.close.league_evaluation_open': call('info_lb1_sec', 'votes.close', {
      voteId: w.votes.league_evaluation_open,
    }),
    'votes.resolution.league_evaluation_closed_now.officer': call('info_officer', 'votes.resolution', {
      voteId: w.votes.league_evaluation_open,
    }),
    'votes.resolution.league_evaluation_closed_now.voter': call('robot_backbone', 'votes.resolution', {
      voteId: w.votes.league_evaluation_open,
    }),
    'votes.recordDecision.league_evaluation.over': callFrom(
      'info_officer',
      'votes.recordDecision',
      {
        voteId: w.votes.league_evaluation_open,
        decidedOn: '2026-11-23',
        minutesRef: '',
        decision: { type: 'grades', grades: [] },
      },
      (views) => ({
        voteId: w.votes.league_evaluation_open,
        decidedOn: '2026-11-23',
        minutesRef: '信息学院团委〔2026〕7号',
        decision: {
          type: 'grades',
          grades: dataOf<{ lines: { candidateId: string }[] }>(
            views,
            'votes.resolution.league_evaluation_closed_now.officer',
          ).lines.map((l) => ({ personId: l.candidateId, grade: 'excellent' as const })),
        },
      }),
    ),
    // Then he grades within the limit: the one the meeting rated 优秀 most, the rest 合格.
    'votes.get.league_evaluation_closed_now.officer': call('info_officer', 'votes.get', {
      voteId: w.votes.league_evaluation_open,
    }),
    'votes.get.league_evaluation_closed_now.voter': call('robot_backbone', 'votes.get', {
      voteId: w.votes.league_evaluation_open,
    }),
    'votes.recordDecision.league_evaluation': callFrom(
      'info_officer',
      'votes.recordDecision',
      {
        voteId: w.votes.league_evaluation_open,
        decidedOn: '2026-11-23',
        minutesRef: '',
        decision: { type: 'grades', grades: [] },
      },
      (views) => {
        const lines = dataOf<{ lines: { candidateId: string; grades: { excellent: number } | null }[] }>(
          views,
          'votes.resolution.league_evaluation_closed_now.officer',
        ).lines;
        const best = [...lines].sort((a, b) => (b.grades?.excellent ?? 0) - (a.grades?.excellent ?? 0))[0];
        return {
          voteId: w.votes.league_evaluation_open,
          decidedOn: '2026-11-23',
          minutesRef: '信息学院团委〔2026〕7号',
          decision: {
            type: 'grades',
            grades: lines.map((l) => ({
              personId: l.candidateId,
              grade: l === best ? ('excellent' as const) : ('qualified' as const),
            })),
          },
        };
      },
    ),
    'votes.resolution.league_evaluation_decided.officer': call('info_officer', 'votes.resolution', {
      voteId: w.votes.league_evaluation_open,
    }),
    'votes.recordDecision.league_evaluation.again': call('info_officer', 'votes.recordDecision', {
      voteId: w.votes.league_evaluation_open,
      decidedOn: '2026-11-23',
      minutesRef: '信息学院团委〔2026〕8号',
      decision: { type: 'grades', grades: [] },
    }),
    // The League branch secretary files the 公示 drafted from the decided 推优 (again, as the result page offers).
    'notices.create.from_tuiyou': callFrom(
      'sport_lb_sec',
      'notices.create',
      {
        unitId: '',
        kind: 'tuiyou',
        title: '',
        body: '',
        subjects: [],
        scopeUnitIds: [],
        window: { start: '2026-11-24', length: 5, unit: 'workday', counting: 'inclusive' },
      },
      (views) => dataOf<Input<'notices.create'>>(views, 'votes.noticeDraft.tuiyou_closed'),
    ),
    // 钱程 cannot come to the conversion meeting: his written opinion before it.
    'votes.addWrittenOpinion.conversion_draft': call('info_full1', 'votes.addWrittenOpinion', {
      voteId: w.votes.conversion_draft,
      marks: [{ candidateId: pid('info_prob1'), choice: 'yes' }],
    }),
    'votes.get.conversion_draft.written': call('info_full1', 'votes.get', { voteId: w.votes.conversion_draft }),
    // The info party branch's secretary creates an acceptance vote, and an election with too few candidates.
    'votes.create.acceptance': call('info_pb_sec', 'votes.create', {
      unitId: 'u_info_pb',
      kind: 'acceptance',
      title: '接收预备党员表决：朱晓雯',
      ruleVersion: '2014',
      scheduledStart: '2026-11-26T14:30:00+08:00',
      candidateIds: [pid('vol_pres')],
      secret: true,
    }),
    'votes.create.election_too_few': call('info_pb_sec', 'votes.create', {
      unitId: 'u_info_pb',
      kind: 'party_branch_election',
      title: '党支部委员会选举表决',
      ruleVersion: '2014',
      scheduledStart: '2026-11-26T14:30:00+08:00',
      candidateIds: [pid('info_full2')],
      secret: true,
      seats: 3,
    }),
    // The secretary opens the conversion meeting: a 监票人, a 计票人 and a member abroad left out of 应到.
    'votes.open.conversion_draft': call('info_pb_sec', 'votes.open', {
      voteId: w.votes.conversion_draft,
      scrutineerIds: [pid('info_pb_cm')],
      tellerIds: [pid('info_full1')],
      exclusions: [
        {
          personId: pid('info_full2'),
          reason: 'abroad_private',
          higherApproval: '信息学院党委〔2026〕12号',
          meetingAgreed: true,
        },
      ],
    }),
    // The League branch's election will not be held this week.
    'votes.cancel.league_branch_election_draft': call('sport_lb_sec', 'votes.cancel', {
      voteId: w.votes.league_branch_election_draft,
      reason: '会议改期，重新发起',
    }),
    // 曹宁 (checked in, not yet voted) casts, then the secretary closes the meeting; 邓凯 stays away, his written
    // opinion counts.
    'votes.cast.acceptance_open.ready': call('sport_full2', 'votes.cast', {
      voteId: w.votes.acceptance_open,
      marks: [{ candidateId: pid('bball_pres'), choice: 'yes' }],
    }),
    'votes.close.acceptance_open': call('sport_pb_sec', 'votes.close', { voteId: w.votes.acceptance_open }),
    // 曹宁 checks the code his ballot got, and one he mistyped (the last letter differs).
    'votes.verifyBallot.counted': callFrom(
      'sport_full2',
      'votes.verifyBallot',
      { voteId: w.votes.acceptance_open, code: '' },
      (views) => ({
        voteId: w.votes.acceptance_open,
        code: dataOf<{ code: string }>(views, 'votes.cast.acceptance_open.ready').code,
      }),
    ),
    'votes.verifyBallot.not_found': callFrom(
      'sport_full2',
      'votes.verifyBallot',
      { voteId: w.votes.acceptance_open, code: '' },
      (views) => {
        const code = dataOf<{ code: string }>(views, 'votes.cast.acceptance_open.ready').code;
        return { voteId: w.votes.acceptance_open, code: `${code.slice(0, 7)}${code.endsWith('A') ? 'B' : 'A'}` };
      },
    ),
    'votes.get.acceptance_closed.voter': call('sport_full2', 'votes.get', { voteId: w.votes.acceptance_open }),
    'votes.get.acceptance_closed.secretary': call('sport_pb_sec', 'votes.get', { voteId: w.votes.acceptance_open }),
    'votes.resolution.acceptance_closed.voter': call('sport_full2', 'votes.resolution', {
      voteId: w.votes.acceptance_open,
    }),
    'notices.object.submitted': call('sport_prob2', 'notices.object', {
      noticeId: w.notices.open_objected,
      text: '名单中冯晨同志本学期的团员教育评议尚未完成，建议核实是否符合评选条件。',
      anonymous: false,
    }),
    'notices.handleObjection.late': call('sport_pb_sec', 'notices.handleObjection', {
      objectionId: w.objections['closed_pending.pending'],
      outcome: 'dismissed',
      investigation: '经与班级团支部及辅导员逐一核实，该同志在班级事务中表现属实，未发现不实情况，异议不成立。',
    }),
    'notices.closeReport.refiled': call('sport_pb_sec', 'notices.closeReport', { noticeId: w.notices.closed_pending }),
    'notices.create.new': call('sport_officer', 'notices.create', {
      unitId: 'u_sport',
      kind: 'honor',
      title: '2026年度体育学院优秀团干部评选结果公示',
      body: '经学院团委审核……',
      subjects: [{ name: '黄子豪' }, { name: '何静' }],
      scopeUnitIds: ['u_sport_pb'],
      window: { start: '2026-12-01', length: 7, unit: 'calendar_day', counting: 'inclusive' },
    }),
    'notices.update.draft': call('sport_pb_sec', 'notices.update', {
      noticeId: w.notices.draft,
      title: '关于拟确定罗浩然同志为发展对象的公示（更正）',
      window: { start: '2026-11-28', length: 6, unit: 'workday', counting: 'inclusive' },
    }),
    'notices.publish.draft': call('sport_pb_sec', 'notices.publish', { noticeId: w.notices.draft }),
    'notices.get.draft_published.secretary': call('sport_pb_sec', 'notices.get', { noticeId: w.notices.draft }),
    'notices.handleObjection.real_name': call('sport_officer', 'notices.handleObjection', {
      objectionId: w.objections['open_objected.real_name'],
      investigation: '经与本人核对学籍信息，公示名单中姓名录入有误，已更正。',
      outcome: 'upheld',
    }),
    'notices.objections.open.after_handling': call('sport_officer', 'notices.objections', {
      noticeId: w.notices.open_objected,
      page: 1,
      pageSize: 20,
    }),
    'notices.withdraw.open': call('sport_officer', 'notices.withdraw', {
      noticeId: w.notices.open_objected,
      reason: '名单有误',
    }),
    'notices.get.open_withdrawn.officer': call('sport_officer', 'notices.get', { noticeId: w.notices.open_objected }),
    // 陈志强 awards 社会实践先进个人 to 蒋文博, then revokes it with a reason; 郑雨桐 approves 篮球协会's waiting post.
    'honors.award.new': call('sport_officer', 'honors.award', {
      unitId: 'u_sport',
      title: '社会实践先进个人',
      recipient: { kind: 'person', personId: pid('sport_league1') },
      term: '2026年暑期',
      citation: '参加“三下乡”社会实践，撰写调研报告一篇。',
    }),
    'honors.verify.new.officer': callFrom('sport_officer', 'honors.verify', { certificateNo: '' }, (views) => ({
      certificateNo: dataOf<{ certificateNo: string }>(views, 'honors.award.new').certificateNo,
    })),
    'honors.revoke.done': callFrom(
      'sport_officer',
      'honors.revoke',
      { honorId: 'h_00000000000000000', reason: '' },
      (views) => ({
        honorId: dataOf<{ id: string }>(views, 'honors.award.new').id,
        reason: '调研报告系重复提交，撤销该荣誉。',
      }),
    ),
    'honors.verify.new_revoked.officer': callFrom('sport_officer', 'honors.verify', { certificateNo: '' }, (views) => ({
      certificateNo: dataOf<{ certificateNo: string }>(views, 'honors.award.new').certificateNo,
    })),
    // 吕航 likes 篮球协会's post (his first like).
    'showcase.like.new': call('sport_masses', 'showcase.like', { postId: w.posts.public_bball }),
    'showcase.review.approve': call('fed_chair', 'showcase.review', {
      postId: w.posts.pending_review,
      approve: true,
      reason: '',
    }),
  };
}

// ---------------------------------------------------------------------------------------------- 实名绑定, settings

/** The claim of `studentNo` (and `name`, when given) in an officer's recorded pending list. */
function claimIn(views: Record<string, Recorded>, key: string, studentNo: string, name?: string): string {
  const items = dataOf<{ items: { id: string; studentNo: string; name: string; secondFactor: string }[] }>(
    views,
    key,
  ).items;
  const hit = items.find((b) => b.studentNo === studentNo && (name === undefined || b.name === name));
  if (!hit) throw new Error(`world-views: no claim of ${studentNo} in ${key}`);
  return hit.id;
}

/** `who` claims the student `name` with `studentNo` in the college `collegeId`. */
const claim = (who: string, name: string, studentNo: string, collegeId: string) =>
  call(who, 'bindings.submit', { name, studentNo, collegeId });

/** 范思琪 (on the roster, unbound): claimed twice, the second time with the binding code the college issued her. */
const FAN = { name: '范思琪', studentNo: '2023010111', collegeId: 'u_sport' };

/** The officer approves one of 范思琪's two claims (the one with the code or without), naming it among the two. */
function approveFan(views: Record<string, Recorded>, factor: 'missing' | 'verified'): Input<'bindings.decide'> {
  const items = dataOf<{ items: { id: string; studentNo: string; secondFactor: string }[] }>(
    views,
    'bindings.listPending.sport_officer',
  ).items;
  const id = items.find((b) => b.studentNo === FAN.studentNo && b.secondFactor === factor)?.id ?? '';
  return { bindingId: id, approve: true, confirmCompeting: id };
}

/**
 * The officers' pending lists and what the binding form and the settings page are refused, as the world stands (a
 * refusal writes nothing). `stranger` is a WeChat user who never claimed anyone.
 */
function orgViews() {
  return {
    'bindings.listPending.sport_officer': call('sport_officer', 'bindings.listPending', { page: 1, pageSize: 20 }),
    'bindings.listPending.sport_officer.page1of2': call('sport_officer', 'bindings.listPending', {
      page: 1,
      pageSize: 2,
    }),
    'bindings.listPending.info_officer': call('info_officer', 'bindings.listPending', { page: 1, pageSize: 20 }),
    'bindings.listPending.student': call('sport_prob2', 'bindings.listPending', { page: 1, pageSize: 20 }),
    // The officer cannot approve the claim without the code now that 范思琪 has one.
    'bindings.decide.unverified': callFrom(
      'sport_officer',
      'bindings.decide',
      { bindingId: '', approve: true },
      (views) => approveFan(views, 'missing'),
    ),
    'bindings.submit.no_factor': call('stranger', 'bindings.submit', FAN),
    'bindings.submit.bad_student_no': claim('stranger', '魏来', '2024-11', 'u_info'),
    'bindings.submit.taken': claim('stranger', '彭悦', '2023010102', 'u_sport'),
    'votes.ruleSettings.student': call('sport_prob2', 'votes.ruleSettings', {}),
    // Loosening a rule the school may only tighten: 优秀 of the party members' evaluation at 40% (the rule: a third).
    'votes.setRuleSettings.looser': call('admin', 'votes.setRuleSettings', {
      kind: 'party_evaluation',
      overrides: { excellentQuota: { num: 40, den: 100 } },
    }),
  };
}

/** What the officers and applicants do after everything else was recorded, and what they then see. */
function orgLater() {
  return {
    // 范思琪's new code (the one she had is spent on her claim), then the officer approves the claim that carried the
    // first one: the other claim is rejected with the reason its author reads.
    'bindings.issueCode.fan': call('sport_officer', 'bindings.issueCode', { studentNo: FAN.studentNo }),
    'bindings.decide.competing': callFrom(
      'sport_officer',
      'bindings.decide',
      { bindingId: '', approve: true },
      (views) => approveFan(views, 'verified'),
    ),
    'me.get.applicant_fan2.approved': call('applicant_fan2', 'me.get', {}),
    // The info college's officer approves 施洋 and rejects 魏来; nothing then waits for him.
    'bindings.decide.approve': callFrom(
      'info_officer',
      'bindings.decide',
      { bindingId: '', approve: true },
      (views) => ({
        bindingId: claimIn(views, 'bindings.listPending.info_officer', '2024020205'),
        approve: true,
      }),
    ),
    'bindings.decide.reject': callFrom(
      'info_officer',
      'bindings.decide',
      { bindingId: '', approve: false, reason: '' },
      (views) => ({
        bindingId: claimIn(views, 'bindings.listPending.info_officer', '2024020206'),
        approve: false,
        reason: '花名册中没有该学号，请携学生证到学院办公室核实身份后重新提交',
      }),
    ),
    'bindings.listPending.info_officer.empty': call('info_officer', 'bindings.listPending', { page: 1, pageSize: 20 }),
    // 秦朗 says the account bound to his number is not his: the officer revokes the binding; its holder reads why.
    'bindings.revoke.qin': call('info_officer', 'bindings.revoke', {
      studentNo: '2026020101',
      reason: '本人反映被他人冒名绑定',
    }),
    'me.get.applicant_qin.revoked': call('applicant_qin', 'me.get', {}),
    // A newcomer claims and waits.
    'bindings.submit.new': claim('applicant_late', '蔡明', '2024020207', 'u_info'),
    // The school's administrator asks three quarters present at an acceptance, then gives 推优 its national share.
    'votes.setRuleSettings.acceptance': call('admin', 'votes.setRuleSettings', {
      kind: 'acceptance',
      overrides: { quorum: { num: 3, den: 4 } },
    }),
    'votes.setRuleSettings.restore': call('admin', 'votes.setRuleSettings', { kind: 'tuiyou', overrides: {} }),
  };
}

// ---------------------------------------------------------------------------------------------- 培训

/**
 * 培训 as the world's people see it (emulator/demo/world-trainings.ts): 曹宁 (sport_full2, enrolled in the members'
 * 轮训, a backbone of 篮球协会临时党支部), 马骁 (sport_pb_sec, who organises it), 袁梦 (info_league1, on the 团课's
 * waitlist), 罗浩然 and 朱晓雯 (the 发展对象 training, met and short), 赵磊 and 周涛 (advisor_bball, advisor_taiji: trainers).
 */
function trainingsViews(w: WorldIds, pid: (slug: string) => string = (slug) => slug) {
  const t = w.trainings;
  return {
    'trainings.listOpen.student': call('sport_prob2', 'trainings.listOpen', { page: 1, pageSize: 50 }),
    'trainings.listOpen.party_admin': call('party_admin', 'trainings.listOpen', { page: 1, pageSize: 50 }),
    'trainings.listManaged.party_admin': call('party_admin', 'trainings.listManaged', { page: 1, pageSize: 50 }),
    'trainings.me.party_admin': call('party_admin', 'me.get', {}),
    'trainings.get.members.enrolled': call('sport_full2', 'trainings.get', { programId: t.members }),
    'trainings.get.members.organiser': call('sport_pb_sec', 'trainings.get', { programId: t.members }),
    'trainings.get.league.waitlisted': call('info_league1', 'trainings.get', { programId: t.league }),
    'trainings.get.backbone.open': call('sport_league1', 'trainings.get', { programId: t.backbone }),
    'trainings.get.backbone.pending': call('taiji_backbone', 'trainings.get', { programId: t.backbone }),
    'trainings.get.candidates.finished': call('bball_pres', 'trainings.get', { programId: t.candidates }),
    'trainings.myHours.candidate_met': call('bball_pres', 'trainings.myHours', {}),
    'trainings.myHours.candidate_short': call('vol_pres', 'trainings.myHours', {}),
    'trainings.myHours.member_met': call('sport_prob1', 'trainings.myHours', {}),
    'trainings.myHours.officer_short': call('sport_full2', 'trainings.myHours', {}),
    'trainings.myHours.league': call('info_masses2', 'trainings.myHours', {}),
    'trainings.myHours.none': call('sport_league1', 'trainings.myHours', {}),
    'trainings.checkinToken.live': call('sport_pb_sec', 'trainings.checkinToken', {
      sessionId: t['members.s3'],
      purpose: 'in',
    }),
    'trainings.checkinToken.ended': call('sport_pb_sec', 'trainings.checkinToken', {
      sessionId: t['members.s1'],
      purpose: 'in',
    }),
    'trainings.attendance.held': call('sport_pb_sec', 'trainings.attendance', { sessionId: t['members.s1'] }),
    'trainings.attendance.live': call('sport_pb_sec', 'trainings.attendance', { sessionId: t['members.s3'] }),
    'trainings.attendance.coming': call('sport_pb_sec', 'trainings.attendance', { sessionId: t['members.s4'] }),
    'trainings.report.candidates': call('party_admin', 'trainings.report', { programId: t.candidates }),
    'trainings.report.members': call('sport_pb_sec', 'trainings.report', { programId: t.members }),
    'trainings.exam.members.paper': call('sport_prob2', 'trainings.exam', { programId: t.members }),
    'trainings.exam.members.done': call('sport_full2', 'trainings.exam', { programId: t.members }),
    'trainings.exam.candidates.failed': call('robot_pres', 'trainings.exam', { programId: t.candidates }),
    'trainings.exam.candidates.missed': call('vol_pres', 'trainings.exam', { programId: t.candidates }),
    'trainings.enrolment.backbone': call('fed_chair', 'trainings.enrolment', { programId: t.backbone }),
    'trainings.enrolment.league': call('league_admin', 'trainings.enrolment', { programId: t.league }),
    'trainings.enrolment.activists': call('sport_officer', 'trainings.enrolment', { programId: t.activists }),
    'trainings.createOptions.officer': call('sport_officer', 'trainings.createOptions', {}),
    'trainings.listTrainers.sport': call('sport_officer', 'trainings.listTrainers', { unitId: 'u_sport' }),
    'trainings.record.self': call('sport_full2', 'trainings.record', {}),
    'trainings.record.secretary': call('sport_pb_sec', 'trainings.record', { personId: pid('sport_full2') }),
    'trainings.record.advisor': call('advisor_bball', 'trainings.record', { personId: pid('bball_backbone') }),
    'trainings.record.refused': call('info_pb_sec', 'trainings.record', { personId: pid('sport_full2') }),
    'trainings.myRatings.zhao_lei': call('advisor_bball', 'trainings.myRatings', {}),
    'trainings.myRatings.zhou_tao': call('advisor_taiji', 'trainings.myRatings', {}),
    'trainings.myRatings.none': call('sport_league1', 'trainings.myRatings', {}),
  };
}

/** What the world's people do in 培训 after everything was read: scans, marks, sign-ups, submissions, ratings. */
function trainingsLater(w: WorldIds, pid: (slug: string) => string = (slug) => slug) {
  const t = w.trainings;
  const token = (views: Record<string, Recorded>) =>
    dataOf<{ token: string }>(views, 'trainings.checkinToken.live').token;
  return {
    // 彭悦 scans the code on the screen of the session under way, then again (nothing changes).
    'trainings.checkIn.live': callFrom('sport_prob2', 'trainings.checkIn', { token: '' }, (v) => ({ token: token(v) })),
    'trainings.checkIn.live.again': callFrom('sport_prob2', 'trainings.checkIn', { token: '' }, (v) => ({
      token: token(v),
    })),
    // 韩冬 sends a code whose signature was tampered with.
    'trainings.checkIn.forged': callFrom('sport_full1', 'trainings.checkIn', { token: '' }, (v) => ({
      token: `${token(v).slice(0, -4)}AAAA`,
    })),
    // The organiser: a hand mark without a reason, then with one; a leave approved.
    'trainings.mark.no_reason': call('sport_pb_sec', 'trainings.mark', {
      sessionId: t['members.s1'],
      personId: pid('sport_full1'),
      present: true,
      reason: '',
    }),
    'trainings.mark.present': call('sport_pb_sec', 'trainings.mark', {
      sessionId: t['members.s1'],
      personId: pid('sport_full1'),
      present: true,
      reason: '签到时手机故障，经现场核实到场',
    }),
    'trainings.decideLeave.approve': call('sport_pb_sec', 'trainings.decideLeave', {
      sessionId: t['members.s4'],
      personId: pid('sport_full1'),
      approve: true,
    }),
    'trainings.requestLeave.too_late': call('sport_full1', 'trainings.requestLeave', {
      sessionId: t['members.s3'],
      reason: '临时有事',
    }),
    'trainings.requestLeave.league': call('sport_masses', 'trainings.requestLeave', {
      sessionId: t['league.s1'],
      reason: '当晚有校队训练',
    }),
    // Sign-ups: a seat under review, the 团课 already full with its waitlist, and leaving the waitlist.
    'trainings.signUp.backbone': call('sport_league1', 'trainings.signUp', { programId: t.backbone }),
    'trainings.signUp.league_full': call('sport_full3', 'trainings.signUp', { programId: t.league }),
    'trainings.withdraw.league': call('info_league1', 'trainings.withdraw', { programId: t.league }),
    'trainings.review.backbone': call('fed_chair', 'trainings.review', {
      programId: t.backbone,
      personId: pid('taiji_backbone'),
      approve: true,
    }),
    // 曹宁 rates yesterday's session; 韩冬, who was not there, cannot.
    'trainings.rate.members': call('sport_full2', 'trainings.rate', {
      sessionId: t['members.s2'],
      content: 5,
      delivery: 4,
      usefulness: 5,
      comment: '研讨环节很有收获',
    }),
    'trainings.rate.not_attended': call('sport_full1', 'trainings.rate', {
      sessionId: t['members.s2'],
      content: 3,
      delivery: 3,
      usefulness: 3,
      comment: '',
    }),
    // 彭悦 submits the members' exam.
    'trainings.submitExam.members': call('sport_prob2', 'trainings.submitExam', {
      programId: t.members,
      answers: [
        { questionId: 'q1', choice: [0] },
        { questionId: 'q2', choice: [1] },
      ],
    }),
    // 朱晓雯 tries the 发展对象 exam after its deadline.
    'trainings.submitExam.late': call('vol_pres', 'trainings.submitExam', {
      programId: t.candidates,
      answers: [
        { questionId: 'q1', choice: [0] },
        { questionId: 'q2', choice: [0, 2] },
      ],
    }),
    'trainings.exam.members.submitted': call('sport_prob2', 'trainings.exam', { programId: t.members }),
    'trainings.recordScores.activists': call('sport_officer', 'trainings.recordScores', {
      programId: t.activists,
      scores: [{ personId: pid('bball_backbone'), score: 61 }],
    }),
    'trainings.reportExport.candidates': call('party_admin', 'trainings.reportExport', { programId: t.candidates }),
    // The college officer adds a trainer, a program, a session and its exam.
    'trainings.createTrainer.new': call('sport_officer', 'trainings.createTrainer', {
      unitId: 'u_sport',
      name: '钱老师',
      kind: 'part_time',
      profile: '体育学院辅导员',
    }),
    'trainings.createProgram.new': call('sport_officer', 'trainings.createProgram', {
      unitId: 'u_sport_pb',
      title: '2027年春季发展对象集中培训',
      level: 'development_candidate',
      category: 'political',
      term: '2026-2027-2',
      capacity: 40,
      waitlistLimit: 5,
      admission: 'review',
      hoursMode: 'session',
    }),
    'trainings.createProgram.bad_term': call('sport_officer', 'trainings.createProgram', {
      unitId: 'u_sport',
      title: '入党积极分子培训',
      level: 'activist',
      category: 'ideology',
      term: '2027',
      capacity: 10,
    } as Input<'trainings.createProgram'>),
    'trainings.addSession.new': callFrom(
      'sport_officer',
      'trainings.addSession',
      { programId: '', title: '', start: '', end: '', hours: 1 },
      (v) => ({
        programId: dataOf<{ programId: string }>(v, 'trainings.createProgram.new').programId,
        title: '党章学习',
        start: '2027-03-06T09:00:00+08:00',
        end: '2027-03-06T11:30:00+08:00',
        place: '党员活动室',
        hours: 2.5,
        trainerId: t['trainer.zhao_ming'],
      }),
    ),
    'trainings.setExam.offline': callFrom(
      'sport_officer',
      'trainings.setExam',
      { programId: '', passMark: 0, deadline: '' },
      (v) => ({
        programId: dataOf<{ programId: string }>(v, 'trainings.createProgram.new').programId,
        passMark: 60,
        deadline: '2027-03-13T18:00:00+08:00',
        offline: true,
        offlineTotal: 100,
      }),
    ),
    'trainings.setExam.new': callFrom(
      'sport_officer',
      'trainings.setExam',
      { programId: '', passMark: 0, deadline: '' },
      (v) => ({
        programId: dataOf<{ programId: string }>(v, 'trainings.createProgram.new').programId,
        passMark: 18,
        deadline: '2027-03-13T18:00:00+08:00',
        questions: [
          {
            id: 'q1',
            kind: 'multiple',
            text: '入党誓词包括？',
            options: ['拥护党的纲领', '遵守党的章程', '随时退党'],
            answer: [0, 1],
            points: 20,
          },
          {
            id: 'q2',
            kind: 'truefalse',
            text: '发展对象须经过集中培训。',
            options: ['正确', '错误'],
            answer: [0],
            points: 10,
          },
        ],
      }),
    ),
  };
}

/**
 * 篮球协会's backbones and their 培训档案 (trainings.backbones): as its advisor 赵磊 (advisor_bball) sees them; the
 * college officer 陈志强 looks after two associations; another association's advisor is refused.
 */
function backboneViews(pid: (slug: string) => string = (slug) => slug) {
  return {
    'me.get.advisor_bball': call('advisor_bball', 'me.get', {}),
    'trainings.listOpen.advisor_bball': call('advisor_bball', 'trainings.listOpen', { pageSize: 50 }),
    'trainings.backboneAssociations.advisor': call('advisor_bball', 'trainings.backboneAssociations', {}),
    'trainings.backboneAssociations.sport_officer': call('sport_officer', 'trainings.backboneAssociations', {}),
    'trainings.backboneAssociations.party_admin': call('party_admin', 'trainings.backboneAssociations', {}),
    'trainings.backboneAssociations.none': call('sport_pb_cm', 'trainings.backboneAssociations', {}),
    'trainings.backbones.advisor': call('advisor_bball', 'trainings.backbones', { associationId: 'u_as_bball' }),
    'trainings.backbones.other_advisor': call('advisor_taiji', 'trainings.backbones', { associationId: 'u_as_bball' }),
    'trainings.record.backbone.advisor': call('advisor_bball', 'trainings.record', {
      personId: pid('bball_backbone'),
    }),
  };
}

/**
 * 体育学院's 新生信息库 (emulator/demo/world-freshmen.ts): 24 freshmen imported by its officer 陈志强 (sport_officer),
 * two watched with the reason, the college's 入党积极分子培训班 as the first lesson (谢天宇 attended it); the first
 * workbook, with mistakes, checked and refused by sheet, row and column.
 */
function freshmenViews(w: WorldIds) {
  const f = w.freshmen ?? {};
  return {
    'freshmen.list.officer': call('sport_officer', 'freshmen.list', { collegeId: 'u_sport' }),
    'freshmen.list.officer.page2': call('sport_officer', 'freshmen.list', { collegeId: 'u_sport', page: 2 }),
    'freshmen.list.officer.watched': call('sport_officer', 'freshmen.list', {
      collegeId: 'u_sport',
      watchedOnly: true,
    }),
    'freshmen.list.other_college': call('info_officer', 'freshmen.list', { collegeId: 'u_sport' }),
    'freshmen.list.empty': call('info_officer', 'freshmen.list', { collegeId: 'u_info' }),
    'freshmen.template.officer': call('sport_officer', 'freshmen.template', { collegeId: 'u_sport' }),
    'freshmen.import.check_bad': call('sport_officer', 'freshmen.import', {
      collegeId: 'u_sport',
      fileID: f.badFile ?? 'cloud://missing',
      check: true,
    }),
    'freshmen.import.bad': call('sport_officer', 'freshmen.import', {
      collegeId: 'u_sport',
      fileID: f.badFile ?? 'cloud://missing',
    }),
    'freshmen.import.check_good': call('sport_officer', 'freshmen.import', {
      collegeId: 'u_sport',
      fileID: f.file ?? 'cloud://missing',
      check: true,
    }),
  };
}

/** What the 新生信息库 page's buttons answer (after every read above). */
function freshmenLater(w: WorldIds) {
  const f = w.freshmen ?? {};
  return {
    'freshmen.import.good': call('sport_officer', 'freshmen.import', {
      collegeId: 'u_sport',
      fileID: f.file ?? 'cloud://missing',
    }),
    'freshmen.watch.mark': call('sport_officer', 'freshmen.watch', {
      freshmanId: 'fr_u_sport_2026010102',
      watch: true,
      reason: '军训表现突出，主动帮助同学',
    }),
    'freshmen.watch.no_reason': call('sport_officer', 'freshmen.watch', {
      freshmanId: 'fr_u_sport_2026010103',
      watch: true,
      reason: '',
    }),
    'freshmen.watch.unmark': call('sport_officer', 'freshmen.watch', {
      freshmanId: f.watchedLeader ?? 'fr_missing',
      watch: false,
      reason: '',
    }),
  };
}

/** 我的入党历程, the case page and the dossier of the demo's members past 发展对象 (world-members.ts). */
function memberViews(w: WorldIds) {
  const caseOf = (name: string) => w.cases?.[name] ?? 'pc_missing';
  const secretary = (name: string) => call('info_pb_sec', 'pipeline.get', { caseId: caseOf(name) });
  return {
    'pipeline.mine.full_member': call('info_convert', 'pipeline.mine', {}),
    'pipeline.mine.extended': call('info_extend', 'pipeline.mine', {}),
    'pipeline.mine.probationary': call('info_sworn', 'pipeline.mine', {}),
    'pipeline.mine.probationary_no_oath': call('info_approved', 'pipeline.mine', {}),
    'pipeline.mine.cancelled': call('info_cancel', 'pipeline.mine', {}),
    'pipeline.get.full_member.secretary': secretary('full_member'),
    'pipeline.get.extended.secretary': secretary('extended'),
    'pipeline.get.probationary.secretary': secretary('probationary'),
    'pipeline.get.probationary_no_oath.secretary': secretary('probationary_no_oath'),
    // 苏婉 has taken the oath: the form says from which day the branch may discuss her conversion.
    'pipeline.stepOptions.probationary.secretary': call('info_pb_sec', 'pipeline.stepOptions', {
      caseId: caseOf('probationary'),
    }),
    'pipeline.dossier.full_member.secretary': call('info_pb_sec', 'pipeline.dossier', {
      caseId: caseOf('full_member'),
    }),
    // The 信息学院 branch's cases, every stage from activist to full member.
    'pipeline.list.info.secretary': call('info_pb_sec', 'pipeline.list', {
      branchId: 'u_info_pb',
      page: 1,
      pageSize: 20,
    }),
  };
}

/**
 * The development pipeline's forms and the branch's case list, recorded last (they write): 马骁 (sport_pb_sec) lists
 * his branch's cases and is refused a step whose gate fails; 何静 (sport_pb_cm) records a regular talk with 沈可欣;
 * 唐诗雨 (taiji_pres), secretary of the 太极拳社 temporary League branch, sends an activity record that flows home;
 * 林思远 (info_pb_sec) names a second contact for 白露 and is refused a probationary member as contact; 蒋文博
 * (sport_league1) is refused an application to a temporary branch and an application before eighteen. The step form's
 * options as the secretaries and a committee see them, and the temporary branches' lists of members to assess (D6);
 * last, 秦子轩 is carried over as an activist, the branch's meeting on him closes, and the form offers its vote.
 */
/** The files attached to the recorded talk: a PDF of its record and a JPG photo, as the picker names them. */
export const TALK_ATTACHMENTS = [
  {
    name: '谈话记录.pdf',
    stored: '1795400000000-a1b2c3-谈话记录.pdf',
    bytes: Buffer.from('%PDF-1.7\n%谈话记录\n', 'utf8'),
  },
  {
    name: 'photo.jpg',
    stored: '1795400000001-d4e5f6-photo.jpg',
    bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01]),
  },
] as const;

function pipelineLater(w: WorldIds, pid: (slug: string) => string) {
  const cases = w.cases ?? {};
  const caseOf = (name: string) => cases[name] ?? 'pc_missing';
  const list = (extra: Partial<Input<'pipeline.list'>>) =>
    call('sport_pb_sec', 'pipeline.list', { branchId: 'u_sport_pb', page: 1, pageSize: 20, ...extra });
  const talk = {
    caseId: caseOf('applicant_talked'),
    kind: 'regular' as const,
    on: WORLD_NOW.slice(0, 10),
    topics: '学习党章的体会',
    content: '交流近期学习党章和参加志愿服务的情况',
    opinion: '学习认真，建议继续加强理论学习',
    attachments: [],
  };
  return {
    'pipeline.list.sport.secretary': list({}),
    'pipeline.list.sport.overdue': list({ overdue: true }),
    'pipeline.list.sport.page1of2': list({ pageSize: 1 }),
    'pipeline.list.sport.page2of2': list({ page: 2, pageSize: 1 }),
    'pipeline.list.sport.candidates': list({ stage: 'development_candidate' }),
    'pipeline.list.student': call('sport_masses', 'pipeline.list', { branchId: 'u_sport_pb', page: 1, pageSize: 20 }),
    'pipeline.get.overdue.secretary': call('sport_pb_sec', 'pipeline.get', { caseId: caseOf('applicant_overdue') }),
    'pipeline.get.talked.committee': call('sport_pb_cm', 'pipeline.get', { caseId: caseOf('applicant_talked') }),
    'pipeline.get.activist.info_secretary': call('info_pb_sec', 'pipeline.get', { caseId: caseOf('activist') }),
    'pipeline.mine.candidate': call('info_cand', 'pipeline.mine', {}),
    'pipeline.list.info.candidates': call('info_pb_sec', 'pipeline.list', {
      branchId: 'u_info_pb',
      stage: 'development_candidate',
      page: 1,
      pageSize: 20,
    }),
    'pipeline.reminderStatus.secretary': call('sport_pb_sec', 'pipeline.reminderStatus', {}),
    'people.list.info_pb.secretary': call('info_pb_sec', 'people.list', { unitId: 'u_info_pb', page: 1, pageSize: 50 }),
    'pipeline.takeStep.gate.secretary': call('sport_pb_sec', 'pipeline.takeStep', {
      caseId: caseOf('applicant_overdue'),
      step: 'determine_activist',
      meetingRef: '支委会会议记录',
      attachments: [],
    }),
    'pipeline.recordReview.out_of_order': call('sport_pb_sec', 'pipeline.recordReview', {
      caseId: caseOf('applicant_overdue'),
      on: talk.on,
      conclusion: 'qualified',
      summary: '经函询本人所在地，未发现影响入党的问题',
      attachments: [],
    }),
    'pipeline.recordTalk.backdated': call('sport_pb_cm', 'pipeline.recordTalk', { ...talk, on: '2026-10-01' }),
    'pipeline.setContacts.probationary': call('info_pb_sec', 'pipeline.setContacts', {
      caseId: caseOf('activist'),
      contactIds: [pid('info_prob1')],
      on: talk.on,
    }),
    'pipeline.apply.temp_branch': call('sport_league1', 'pipeline.apply', {
      branchId: 'u_as_bball_tpb',
      statement: '我志愿加入中国共产党，拥护党的纲领，遵守党的章程。',
      attachments: [],
    }),
    'pipeline.apply.underage': call('sport_league1', 'pipeline.apply', {
      branchId: 'u_sport_pb',
      statement: '我志愿加入中国共产党，拥护党的纲领，遵守党的章程。',
      birthDate: '2009-03-01',
      attachments: [],
    }),
    // The committee's pages beside the cases: 李红梅 (party_admin) and 刘芳 (info_officer) see the filings of the
    // 信息学院 branch's decisions; 林思远 opens the oath form on 陶然's case (a 发展对象: the oath comes after approval).
    'pipeline.get.candidate.party_admin': call('party_admin', 'pipeline.get', { caseId: caseOf('candidate') }),
    'pipeline.get.candidate.info_secretary': call('info_pb_sec', 'pipeline.get', { caseId: caseOf('candidate') }),
    'pipeline.get.activist.party_admin': call('party_admin', 'pipeline.get', { caseId: caseOf('activist') }),
    'pipeline.reminderStatus.info_secretary': call('info_pb_sec', 'pipeline.reminderStatus', {}),
    'pipeline.recordOath.out_of_order': call('info_pb_sec', 'pipeline.recordOath', {
      caseId: caseOf('candidate'),
      on: talk.on,
      place: '学院党员活动室',
      leaderName: '林思远',
      attachments: [],
    }),
    // A photo of the oath whose upload never reached storage: refused beside the field, nothing written.
    'pipeline.recordOath.photo_missing': call('info_pb_sec', 'pipeline.recordOath', {
      caseId: caseOf('probationary_no_oath'),
      on: talk.on,
      place: '学院党员活动室',
      leaderName: '林思远',
      attachments: [worldFileId(`pipeline/${caseOf('probationary_no_oath')}/1795400000002-g7h8i9-宣誓合影.jpg`)],
    }),
    // 叶舟, approved last week, takes the oath: his secretary records it.
    'pipeline.recordOath.ok': call('info_pb_sec', 'pipeline.recordOath', {
      caseId: caseOf('probationary_no_oath'),
      on: talk.on,
      place: '学院党员活动室',
      leaderName: '林思远',
      attachments: [],
    }),
    'pipeline.filings.party_admin': call('party_admin', 'pipeline.filings', { page: 1, pageSize: 20 }),
    'pipeline.filings.party_admin.page1of2': call('party_admin', 'pipeline.filings', { page: 1, pageSize: 1 }),
    'pipeline.filings.party_admin.page2of2': call('party_admin', 'pipeline.filings', { page: 2, pageSize: 1 }),
    'pipeline.filings.secretary': call('info_pb_sec', 'pipeline.filings', { page: 1, pageSize: 20 }),
    'pipeline.todo.party_admin': call('party_admin', 'pipeline.todo', { days: 30 }),
    'pipeline.people.member': call('party_admin', 'pipeline.people', { query: '邓凯' }),
    'pipeline.people.applicant': call('party_admin', 'pipeline.people', { query: pid('sport_masses').slice(2) }),
    'pipeline.people.none': call('party_admin', 'pipeline.people', { query: '查无此人' }),
    'pipeline.people.other_college': call('info_officer', 'pipeline.people', { query: '邓凯' }),
    'pipeline.correctBirthDate.unchanged': call('party_admin', 'pipeline.correctBirthDate', {
      personId: pid('sport_masses'),
      birthDate: '2005-04-18',
      reason: '核对户籍证明后确认',
    }),
    // The step form's options: 陶然 waits for 预审, the committee's step (林思远 sees why it is not his; 刘芳, the
    // college's officer, may take it); 白露 waits for the 发展对象 decision and the branch has held no such vote yet.
    'pipeline.stepOptions.overdue.secretary': call('sport_pb_sec', 'pipeline.stepOptions', {
      caseId: caseOf('applicant_overdue'),
    }),
    'pipeline.stepOptions.candidate.secretary': call('info_pb_sec', 'pipeline.stepOptions', {
      caseId: caseOf('candidate'),
    }),
    'pipeline.stepOptions.candidate.committee': call('info_officer', 'pipeline.stepOptions', {
      caseId: caseOf('candidate'),
    }),
    'pipeline.stepOptions.activist.secretary': call('info_pb_sec', 'pipeline.stepOptions', {
      caseId: caseOf('activist'),
    }),
    'pipeline.stepOptions.activist.other_branch': call('sport_pb_sec', 'pipeline.stepOptions', {
      caseId: caseOf('activist'),
    }),
    // 临时支部考察 (D6): 唐诗雨, secretary of the 太极拳社 temporary League branch, lists 沈可欣; 黄子豪 (basketball's)
    // lists 谢天宇; 高雅's volunteers' temporary party branch has nobody on the path; 吕航 is no officer of one.
    'pipeline.assessable.taiji_secretary': call('taiji_pres', 'pipeline.assessable', { page: 1, pageSize: 20 }),
    'pipeline.assessable.bball_secretary': call('sport_lb_sec', 'pipeline.assessable', { page: 1, pageSize: 20 }),
    'pipeline.assessable.vol_secretary': call('info_pb_cm', 'pipeline.assessable', { page: 1, pageSize: 20 }),
    'pipeline.assessable.student': call('sport_masses', 'pipeline.assessable', { page: 1, pageSize: 20 }),
    // The writes, last.
    'pipeline.acceptReminder.secretary': call('sport_pb_sec', 'pipeline.acceptReminder', {
      templateId: 'lingyan_pipeline_due',
    }),
    'pipeline.recordTalk.regular': call('sport_pb_cm', 'pipeline.recordTalk', talk),
    'pipeline.recordAssessment.temp_branch': call('taiji_pres', 'pipeline.recordAssessment', {
      personId: pid('sport_league2'),
      unitId: 'u_as_taiji_tlb',
      kind: 'activity',
      on: talk.on,
      content: '参加太极拳社社区义教活动，负责组织报名和场地安排',
      opinion: '组织能力强，服务意识好',
      attachments: [],
    }),
    'pipeline.setContacts.activist': call('info_pb_sec', 'pipeline.setContacts', {
      caseId: caseOf('activist'),
      contactIds: [pid('info_full1'), pid('info_full2')],
      on: talk.on,
    }),
    'pipeline.acknowledgeFiling.activist': call('party_admin', 'pipeline.acknowledgeFiling', {
      caseId: caseOf('activist'),
      decision: 'activist',
      note: '材料齐全，同意备案',
    }),
    'pipeline.acknowledgeFiling.again': call('party_admin', 'pipeline.acknowledgeFiling', {
      caseId: caseOf('activist'),
      decision: 'activist',
    }),
    'pipeline.recordDiscipline.impose': call('party_admin', 'pipeline.recordDiscipline', {
      personId: pid('sport_full3'),
      change: 'impose',
      on: talk.on,
      reason: '经党委会研究决定给予留党察看一年处分',
    }),
    'pipeline.recordDiscipline.impose_again': call('party_admin', 'pipeline.recordDiscipline', {
      personId: pid('sport_full3'),
      change: 'impose',
      on: talk.on,
      reason: '经党委会研究决定给予留党察看一年处分',
    }),
    'pipeline.people.member_disciplined': call('party_admin', 'pipeline.people', { query: '邓凯' }),
    'pipeline.correctBirthDate.applicant': call('party_admin', 'pipeline.correctBirthDate', {
      personId: pid('sport_masses'),
      birthDate: '2005-04-08',
      reason: '核对户籍证明，登记时误录',
    }),
    'pipeline.apply.student': call('sport_league1', 'pipeline.apply', {
      branchId: 'u_sport_pb',
      statement: '我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务。',
      birthDate: '2005-06-12',
      attachments: [],
    }),
    // 秦子轩 (robot_pres), an activist on the roster since before the system, is carried over; the branch's meeting
    // on him as a 发展对象 finishes (the two members present who had not voted, then the close); the step form offers
    // that vote, which will do.
    'activists.open.robot': call('info_pb_sec', 'activists.open', { personId: pid('robot_pres') }),
    'votes.cast.robot_candidate.secretary': call('info_pb_sec', 'votes.cast', {
      voteId: w.votes.development_candidate_determination_open ?? 'v_missing',
      marks: [{ candidateId: pid('robot_pres'), choice: 'yes' }],
    }),
    'votes.cast.robot_candidate.member': call('info_full1', 'votes.cast', {
      voteId: w.votes.development_candidate_determination_open ?? 'v_missing',
      marks: [{ candidateId: pid('robot_pres'), choice: 'yes' }],
    }),
    'votes.close.robot_candidate': call('info_pb_sec', 'votes.close', {
      voteId: w.votes.development_candidate_determination_open ?? 'v_missing',
    }),
    'pipeline.stepOptions.robot.secretary': call('info_pb_sec', 'pipeline.stepOptions', {
      caseId: `pc_${pid('robot_pres')}`,
    }),
    // The step taken with that vote: his contacts are not named yet (A5), and nothing is written.
    'pipeline.takeStep.robot.secretary': call('info_pb_sec', 'pipeline.takeStep', {
      caseId: `pc_${pid('robot_pres')}`,
      step: 'determine_candidate',
      meetingRef: '支委会会议记录',
      voteId: w.votes.development_candidate_determination_open ?? 'v_missing',
      attachments: [],
    }),
    // Evidence as attachments (S3): the talk's record and a photo of it, uploaded into the case's folder first; a
    // file from the showcase's folder refused; the case page then lists them and hands out a link to one.
    'pipeline.recordTalk.attached': {
      ...call('sport_pb_cm', 'pipeline.recordTalk', {
        ...talk,
        topics: '入党动机再谈',
        attachments: TALK_ATTACHMENTS.map((a) => worldFileId(`pipeline/${talk.caseId}/${a.stored}`)),
      }),
      files: Object.fromEntries(TALK_ATTACHMENTS.map((a) => [`pipeline/${talk.caseId}/${a.stored}`, a.bytes])),
    },
    'pipeline.recordTalk.attachment_elsewhere': call('sport_pb_cm', 'pipeline.recordTalk', {
      ...talk,
      attachments: [worldFileId('showcase/demo/01-bball-final.png')],
    }),
    'pipeline.get.attached.committee': call('sport_pb_cm', 'pipeline.get', { caseId: talk.caseId }),
    'pipeline.dossier.attached.committee': call('sport_pb_cm', 'pipeline.dossier', { caseId: talk.caseId }),
    'pipeline.attachmentLink.committee': call('sport_pb_cm', 'pipeline.attachmentLink', {
      caseId: talk.caseId,
      fileId: worldFileId(`pipeline/${talk.caseId}/${TALK_ATTACHMENTS[0].stored}`),
    }),
    'pipeline.attachmentLink.photo': call('sport_pb_cm', 'pipeline.attachmentLink', {
      caseId: talk.caseId,
      fileId: worldFileId(`pipeline/${talk.caseId}/${TALK_ATTACHMENTS[1].stored}`),
    }),
  };
}

type Calls = ReturnType<typeof calls> &
  ReturnType<typeof later> &
  ReturnType<typeof orgLater> &
  ReturnType<typeof trainingsViews> &
  ReturnType<typeof trainingsLater> &
  ReturnType<typeof freshmenViews> &
  ReturnType<typeof backboneViews> &
  ReturnType<typeof freshmenLater> &
  ReturnType<typeof pipelineLater>;
export type ViewKey = keyof Calls;
type ActionOf<K extends ViewKey> = Calls[K] extends Call<infer A> ? A : never;

interface Recorded {
  who: string | null;
  action: ActionName;
  input: unknown;
  reply: Result<unknown>;
}

export interface WorldViews {
  now: string;
  ids: WorldIds;
  views: Record<string, Recorded>;
}

/** Seeds the world in a fresh emulator, records every call in `calls`, writes the file. */
export async function recordWorldViews(file = WORLD_VIEWS_FILE): Promise<WorldViews> {
  const { startEmulator } = await import('../../emulator');
  const { demoOpenid, demoPersonId } = await import('../../emulator/demo/school');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingyan-world-views-'));
  const emu = await startEmulator({ dataDir, seed: 'full', seedNow: WORLD_NOW, functions: 'source' });
  try {
    if (!emu.world) throw new Error('world-views: the emulator seeded no world');
    const ids = emu.world;
    const views: Record<string, Recorded> = {};
    const all = {
      ...calls(ids),
      ...trainingsViews(ids, demoPersonId),
      ...freshmenViews(ids),
      ...backboneViews(demoPersonId),
      ...later(ids, demoPersonId),
      ...trainingsLater(ids, demoPersonId),
      ...freshmenLater(ids),
      ...orgLater(),
      ...pipelineLater(ids, demoPersonId),
    };
    for (const [key, c] of Object.entries(all) as [string, Call][]) {
      const input = c.from ? c.from(views) : c.input;
      for (const [cloudPath, bytes] of Object.entries(c.files ?? {})) {
        const file = path.join(dataDir, 'storage', ...cloudPath.split('/'));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, bytes);
      }
      const r = await emu.call(c.action, input, c.who === null ? undefined : demoOpenid(c.who));
      views[key] = { who: c.who, action: c.action, input, reply: r.body as Result<unknown> };
    }
    const out: WorldViews = { now: WORLD_NOW, ids, views };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written whole, then renamed over the old one: a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(out, null, 1)}\n`);
    fs.renameSync(tmp, file);
    cache = out;
    return out;
  } finally {
    await emu.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

let cache: WorldViews | null = null;

/** The recording (read once per process). */
export function worldViews(): WorldViews {
  if (cache) return cache;
  if (!fs.existsSync(WORLD_VIEWS_FILE))
    throw new Error(
      `${path.relative(process.cwd(), WORLD_VIEWS_FILE)} is missing: run \`npx tsx tests/support/record-world-views.ts\` (the component tests' global setup and \`npm run preview\` do it)`,
    );
  cache = JSON.parse(fs.readFileSync(WORLD_VIEWS_FILE, 'utf8')) as WorldViews;
  return cache;
}

/** The recorded reply of `key`, success or refusal, as the action's own `Result<Output>`. */
export function worldReply<K extends ViewKey>(key: K): Result<Output<ActionOf<K>>> {
  const r = worldViews().views[key];
  if (!r) throw new Error(`world-views: nothing recorded as ${key} (re-record: the file is older than the code)`);
  return JSON.parse(JSON.stringify(r.reply)) as Result<Output<ActionOf<K>>>;
}

/** The recorded answer of `key`; throws when the world refused it. */
export function worldView<K extends ViewKey>(key: K): Output<ActionOf<K>> {
  const r = worldReply(key);
  if (!r.ok) throw new Error(`world-views: ${key} was refused (${r.error.code}: ${r.error.message})`);
  return r.data;
}

/** The input `key` was called with (what a page must send to get the recorded answer). */
export function worldInput<K extends ViewKey>(key: K): Calls[K]['input'] {
  const r = worldViews().views[key];
  if (!r) throw new Error(`world-views: nothing recorded as ${key}`);
  return JSON.parse(JSON.stringify(r.input));
}

/** The ids of the world's notices, votes and objections. */
export function worldIds(): WorldIds {
  return worldViews().ids;
}

/**
 * Every 公示 card the world's readers were shown (the visible lists recorded above, each card once), open ones
 * first as the server orders them: a list with every state a reader meets.
 */
export function worldNoticeCards(): Output<'notices.list'>['items'] {
  const keys = ['notices.list.league2', 'notices.list.student', 'notices.list.info_student'] as const;
  const seen = new Map<string, Output<'notices.list'>['items'][number]>();
  for (const k of keys) for (const c of worldView(k).items) if (!seen.has(c.id)) seen.set(c.id, c);
  const rank = { open: 0, scheduled: 1, closed: 2, withdrawn: 3, draft: 4 } as const;
  return [...seen.values()].sort((a, b) => rank[a.state] - rank[b.state]);
}

/** `n` cards for a full page: the world's cards, repeated under new ids when the world has fewer. */
export function worldNoticeCardsPage(n: number): Output<'notices.list'>['items'] {
  const cards = worldNoticeCards();
  return Array.from({ length: n }, (_, i) => {
    const c = cards[i % cards.length];
    return i < cards.length ? c : { ...c, id: `${c.id}_${Math.floor(i / cards.length)}` };
  });
}

/**
 * A meeting's presence as it stood when only the first `present` had checked in (the world shows it later, with
 * more in the room): the same people, the later ones still absent, nobody voted yet.
 */
export function earlyPresence(view: Output<'votes.presence'>, present: number): Output<'votes.presence'> {
  return {
    ...view,
    present,
    ballotsIssued: present,
    ballotsReturned: 0,
    checkedIn: view.checkedIn.slice(0, present),
    absent: [...view.checkedIn.slice(present).map(({ id, name }) => ({ id, name })), ...view.absent],
  };
}

/** The `me.get` and `org.tree` answers a page starts from, as the world's `who` sees them. */
export function worldPersona(who: WorldPersona): {
  'me.get': Result<Output<'me.get'>>;
  'org.tree': Result<Output<'org.tree'>>;
} {
  return { 'me.get': worldReply(`me.get.${who}`), 'org.tree': worldReply(`org.tree.${who}`) };
}

type Claim = Output<'bindings.listPending'>['items'][number];

/** Every pending claim the world's college officers were shown, each once, oldest first as the server lists them. */
export function worldPendingClaims(): Claim[] {
  const seen = new Map<string, Claim>();
  for (const k of ['bindings.listPending.sport_officer', 'bindings.listPending.info_officer'] as const)
    for (const c of worldView(k).items) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

/**
 * `n` claims for long lists: the world's, repeated under new ids when it has fewer (a copy competes with the copies
 * of the claims its original competes with).
 */
export function worldPendingClaimsPage(n: number): Claim[] {
  const claims = worldPendingClaims();
  return Array.from({ length: n }, (_, i) => {
    const c = claims[i % claims.length];
    const round = Math.floor(i / claims.length);
    if (round === 0) return c;
    return { ...c, id: `${c.id}_${round}`, competingWith: c.competingWith.map((id) => `${id}_${round}`) };
  });
}
