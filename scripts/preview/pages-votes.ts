/**
 * The 票决 pages and their states, for the preview registry (pages.ts spreads these into PAGES). Every answer is the
 * demo world's own, recorded through the real actions (tests/support/world-views.ts): the sport party branch's
 * acceptance meeting (马骁 its secretary, 曹宁 a voter), the info party branch's conversion vote, the association's
 * backbone election, the League evaluations and 推优. States the world does not contain are built from a recorded
 * answer or an error code.
 */
import { fail, type LoadedPage, ok } from '../../tests/component/harness';
import { earlyPresence, worldInput, worldReply, worldView } from '../../tests/support/world-views';
import { VOTE_OUTCOME_LABELS } from '../../typings/actions/votes';
import type { PreviewPage } from './types';

/** The demo world's open acceptance meeting as its branch secretary 马骁 sees it. */
const PRESENCE_VOTE = worldView('votes.get.acceptance_open.secretary');
const PRESENCE = worldView('votes.presence.acceptance_open');
/** The meeting screen's code as the secretary's presence page fetched it. */
const PRESENCE_TOKEN = worldView('votes.checkInToken.acceptance_open');
/** The same meeting's count after the close (the world's members cast, the secretary closed). */
const RESULT = worldView('votes.resolution.acceptance_closed.voter');
const EVALUATION_RESULT = worldView('votes.resolution.party_evaluation_closed.secretary');
const TUIYOU_RESULT = worldView('votes.resolution.tuiyou_closed.secretary');
/** The 推优 before the committee decided (the world's committee decided the next day). */
const TUIYOU_UNDECIDED = { ...TUIYOU_RESULT, decision: null };
/** The info League branch's evaluation, closed this morning, before the college officer grades it. */
const GRADING = worldView('votes.resolution.league_evaluation_closed_now.officer');
const OVER = worldInput('votes.recordDecision.league_evaluation.over');
const OVER_REPLY = worldReply('votes.recordDecision.league_evaluation.over');
const OVER_ERROR = OVER_REPLY.ok ? { message: '', fields: { grades: '' } } : OVER_REPLY.error;
/** 2026-11-23 → 2026年11月23日 */
const ymd = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const q = (voteId: string) => ({ voteId });
const LOOSER = worldReply('votes.setRuleSettings.looser');
/** The rule the server names when a school would loosen it (the refusal's field text). */
const LOOSER_REASON = LOOSER.ok ? '' : (LOOSER.error.fields?.excellentQuota ?? '');
/** The world's open acceptance meeting as 曹宁 sees it: checked in, not voted yet. */
const READY = worldView('votes.get.acceptance_open.ready');
/** The League evaluation under way as 杨帆 sees it before checking in. */
const CHECK_IN = worldView('votes.get.league_evaluation_open.absent');
/** The conversion vote in draft as 钱程 (a formal member of the branch) sees it. */
const WRITTEN_DRAFT = worldView('votes.get.conversion_draft.voter');
/** 何静's votes by tab, and the info party branch's votes as its secretary manages them. */
const MINE_OPEN = worldView('votes.listMine.open');
const MINE_DRAFT = worldView('votes.listMine.draft');
const MINE_CLOSED = worldView('votes.listMine.closed');
const mineByState = (input: { state?: string }) =>
  ok(input.state === 'draft' ? MINE_DRAFT : input.state === 'closed' ? MINE_CLOSED : MINE_OPEN);
const BRANCH = worldView('votes.list.info_pb');
/** The info party branch's members (people.list) and the conversion vote its secretary prepares. */
const MEMBERS = worldReply('people.list.info_pb');
const MEMBER_LIST = worldView('people.list.info_pb');
const member = (status: string) => MEMBER_LIST.items.find((m) => m.status === status)!;
/** Candidates for an acceptance: the branch's 发展对象 and an activist. */
const PICKED = [member('development_candidate'), member('activist')];
const PREPARE = worldView('votes.get.conversion_draft.secretary');
/** The 监票人 and 计票人 the world's secretary named (高雅, 钱程), and a member abroad (孔令杰). */
const [SCRUTINEER, TELLER, ABROAD] = ['高雅', '钱程', '孔令杰'].map(
  (n) => MEMBER_LIST.items.find((m) => m.name === n)!,
);
/** An ISO instant → 2026-11-23 09:30 (the recorded instants carry +08:00). */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** What 曹宁's ballot got back when the world's 曹宁 cast it. */
const CAST = worldReply('votes.cast.acceptance_open.ready');
const CAST_CODE = worldView('votes.cast.acceptance_open.ready').code;
const WRITTEN_FOR = WRITTEN_DRAFT.candidates[0];
/** The association's backbone election under way, and the League evaluation, as a member checked in sees them. */
const ELECTION_READY = worldView('votes.get.backbone_election_open.ready');
const GRADES_READY = worldView('votes.get.league_evaluation_open.ready');

async function choose(p: LoadedPage, value: string) {
  await p.tap(`#option-${value}`);
  await p.tap('#next-button');
}

export const VOTE_PAGES: PreviewPage[] = [
  {
    name: 'votes-mine',
    path: 'packages/votes/mine/index',
    states: [
      {
        name: 'open',
        title: '我的票决 · 进行中的表决（党员何静）',
        persona: 'sport_pb_cm',
        responses: { 'votes.listMine': ok(MINE_OPEN) },
        expect: [
          '进行中',
          '未开始',
          '已结束',
          MINE_OPEN.items[0].title,
          MINE_OPEN.items[0].unitName,
          `会议时间 ${minute(MINE_OPEN.items[0].scheduledStart!)}`,
        ],
      },
      {
        name: 'has-more',
        title: '我的票决 · 还有下一页',
        persona: 'sport_pb_cm',
        responses: { 'votes.listMine': ok({ ...MINE_OPEN, hasMore: true }) },
        expect: ['加载更多'],
      },
      {
        name: 'draft',
        title: '我的票决 · 未开始',
        persona: 'sport_pb_cm',
        responses: { 'votes.listMine': mineByState },
        setup: async (p) => {
          await p.tap('#tab-draft');
        },
        expect: [MINE_DRAFT.items[0].title, minute(MINE_DRAFT.items[0].scheduledStart!)],
      },
      {
        name: 'closed',
        title: '我的票决 · 已结束',
        persona: 'sport_pb_cm',
        responses: { 'votes.listMine': mineByState },
        setup: async (p) => {
          await p.tap('#tab-closed');
        },
        expect: [MINE_CLOSED.items[0].title, '已结束'],
      },
      {
        name: 'empty',
        title: '我的票决 · 没有进行中的表决',
        persona: 'sport_pb_cm',
        responses: { 'votes.listMine': ok({ ...MINE_OPEN, items: [] }) },
        expect: ['暂无进行中的表决'],
      },
      {
        name: 'unbound',
        title: '我的票决 · 未实名绑定',
        responses: { 'votes.listMine': worldReply('votes.listMine.unbound') },
        expect: ['完成实名绑定后，才能参加所在组织的表决', '去实名绑定'],
      },
    ],
  },
  {
    name: 'votes-detail',
    path: 'packages/votes/detail/index',
    states: [
      {
        name: 'check-in',
        title: '表决详情 · 表决已开始，请签到（团员）',
        query: q(CHECK_IN.id),
        responses: { 'votes.get': ok(CHECK_IN) },
        expect: [
          '请先签到',
          '扫码签到',
          CHECK_IN.ruleVersionLabel,
          `应到 ${CHECK_IN.expected} 人 · 已签到 ${CHECK_IN.present} 人`,
        ],
      },
      {
        name: 'check-in-other-vote',
        title: '表决详情 · 扫了另一场会议的签到码',
        query: q(CHECK_IN.id),
        responses: {
          'votes.get': ok(CHECK_IN),
          'votes.checkIn': worldReply('votes.checkIn.league_evaluation_open.other_vote'),
        },
        setup: async (p) => {
          const token = worldInput('votes.checkIn.league_evaluation_open.other_vote').token;
          (globalThis as unknown as { wx: { scanCode: unknown } }).wx.scanCode = (o: {
            success: (r: { result: string }) => void;
          }) => o.success({ result: token ?? '' });
          await p.tap('#check-in-button');
        },
        expect: ['该签到码不属于这一场表决会议', '扫码签到'],
      },
      {
        name: 'ready',
        title: '表决详情 · 已签到，可以投票',
        query: q(READY.id),
        responses: { 'votes.get': ok(READY) },
        expect: ['您已签到，可以投票', '开始投票', '提交后不可更改'],
      },
      {
        name: 'voted',
        title: '表决详情 · 已投票',
        query: q(READY.id),
        responses: { 'votes.get': worldReply('votes.get.acceptance_open.voted') },
        expect: ['您已投票', '不能更改'],
        absent: ['开始投票'],
      },
      {
        name: 'waiting',
        title: '表决详情 · 尚未开始',
        query: q(WRITTEN_DRAFT.id),
        responses: { 'votes.get': ok(WRITTEN_DRAFT) },
        expect: ['表决尚未开始', WRITTEN_DRAFT.title, '未开始', '无法到会？提交书面意见'],
      },
      {
        name: 'waiting-written-submitted',
        title: '表决详情 · 尚未开始，已提交书面意见',
        query: q(WRITTEN_DRAFT.id),
        responses: { 'votes.get': worldReply('votes.get.conversion_draft.written') },
        expect: ['表决尚未开始', '您已在会前提交书面意见，不能更改'],
        absent: ['无法到会？提交书面意见'],
      },
      {
        name: 'not-on-roster',
        title: '表决详情 · 不在应到名单（如预备党员）',
        query: q(READY.id),
        responses: { 'votes.get': worldReply('votes.get.acceptance_open.off_roster') },
        expect: ['您不在本次表决的应到人员名单中'],
      },
      {
        name: 'closed-secretary',
        title: '表决详情 · 已结束（支部书记）',
        query: q(READY.id),
        responses: { 'votes.get': worldReply('votes.get.acceptance_closed.secretary') },
        expect: ['表决已结束', '查看表决结果', '核对我的票码', '管理此表决'],
      },
    ],
  },
  {
    name: 'votes-written',
    path: 'packages/votes/written/index',
    states: [
      {
        name: 'form',
        title: '书面意见 · 会前逐一表态（党员）',
        query: q(WRITTEN_DRAFT.id),
        responses: { 'votes.get': ok(WRITTEN_DRAFT) },
        setup: async (p) => {
          await p.tap(`#mark-${WRITTEN_FOR.id}-yes`);
        },
        expect: [
          '无法到会时，可在会议开始前对每位候选人提交书面意见',
          WRITTEN_FOR.name,
          '赞成',
          '反对',
          '弃权',
          `已选 1/${WRITTEN_DRAFT.candidates.length} 位`,
        ],
      },
      {
        name: 'confirm',
        title: '书面意见 · 确认提交对话框',
        query: q(WRITTEN_DRAFT.id),
        responses: { 'votes.get': ok(WRITTEN_DRAFT) },
        setup: async (p) => {
          await p.tap(`#mark-${WRITTEN_FOR.id}-yes`);
          await p.tap('#submit-button');
        },
        expect: ['确认提交书面意见', '提交后不可更改', '赞成 1'],
      },
      {
        name: 'done',
        title: '书面意见 · 已提交',
        query: q(WRITTEN_DRAFT.id),
        responses: {
          'votes.get': ok(WRITTEN_DRAFT),
          'votes.addWrittenOpinion': worldReply('votes.addWrittenOpinion.conversion_draft'),
        },
        setup: async (p) => {
          await p.tap(`#mark-${WRITTEN_FOR.id}-yes`);
          await p.tap('#submit-button');
          await p.trigger('#confirm-dialog', 'confirm');
        },
        expect: ['书面意见已提交', '不可更改'],
      },
      {
        name: 'too-late',
        title: '书面意见 · 会议已开始',
        query: q(WRITTEN_DRAFT.id),
        responses: {
          'votes.get': ok(WRITTEN_DRAFT),
          'votes.addWrittenOpinion': fail('WRITTEN_OPINION_TOO_LATE'),
        },
        setup: async (p) => {
          await p.tap(`#mark-${WRITTEN_FOR.id}-no`);
          await p.tap('#submit-button');
          await p.trigger('#confirm-dialog', 'confirm');
        },
        expect: ['会议已开始，不能再提交书面意见', '会议开始后提交的无效'],
      },
      {
        name: 'exists',
        title: '书面意见 · 已提交过',
        query: q(WRITTEN_DRAFT.id),
        responses: { 'votes.get': worldReply('votes.get.conversion_draft.written') },
        expect: ['您已提交书面意见，不能重复提交'],
      },
    ],
  },
  {
    name: 'votes-ballot',
    path: 'packages/votes/ballot/index',
    states: [
      {
        name: 'first',
        title: '投票 · 第 1 位候选人',
        query: q(READY.id),
        responses: { 'votes.get': ok(READY) },
        expect: [
          `第 1/${READY.candidates.length} 位`,
          READY.candidates[0].name,
          `表决事项：${READY.kindLabel}`,
          '赞成',
          '反对',
          '弃权',
        ],
      },
      {
        name: 'chosen',
        title: '投票 · 已选赞成',
        query: q(READY.id),
        responses: { 'votes.get': ok(READY) },
        setup: async (p) => {
          await p.tap('#option-yes');
        },
        expect: [`第 ${READY.candidates.length}/${READY.candidates.length} 位`, READY.candidates[0].name, '检查选票'],
      },
      {
        name: 'review',
        title: '投票 · 核对选票',
        query: q(READY.id),
        responses: { 'votes.get': ok(READY) },
        setup: async (p) => {
          await choose(p, 'yes');
        },
        expect: ['请核对您的选票', READY.candidates[0].name, '赞成 1', '提交选票', '提交后不可更改'],
      },
      {
        name: 'confirm',
        title: '投票 · 确认提交对话框',
        query: q(READY.id),
        responses: { 'votes.get': ok(READY) },
        setup: async (p) => {
          await choose(p, 'yes');
          await p.tap('#submit-button');
        },
        expect: ['确认提交选票', '提交后不可更改', '共 1 位：赞成 1', '无记名投票', '再检查一下'],
      },
      {
        name: 'done',
        title: '投票 · 成功，显示票码',
        query: q(READY.id),
        responses: { 'votes.get': ok(READY), 'votes.cast': CAST },
        setup: async (p) => {
          await choose(p, 'yes');
          await p.tap('#submit-button');
          await p.trigger('#confirm-dialog', 'confirm');
        },
        expect: [
          '投票成功',
          `${CAST_CODE.slice(0, 4)} ${CAST_CODE.slice(4)}`,
          '复制票码',
          '凭票码可在结果公布后核对您的选票已被计入，票码不显示您的选择',
        ],
        absent: [READY.candidates[0].name],
      },
      {
        name: 'already-voted',
        title: '投票 · 提交时已投过票（ALREADY_VOTED）',
        query: q(READY.id),
        responses: { 'votes.get': ok(READY), 'votes.cast': fail('ALREADY_VOTED') },
        setup: async (p) => {
          await choose(p, 'yes');
          await p.tap('#submit-button');
          await p.trigger('#confirm-dialog', 'confirm');
        },
        expect: ['您已投票，不能重复投票', '提交后不可更改'],
      },
      {
        name: 'closed',
        title: '投票 · 表决已结束（VOTE_CLOSED）',
        query: q(READY.id),
        responses: { 'votes.get': ok(READY), 'votes.cast': fail('VOTE_CLOSED') },
        setup: async (p) => {
          await choose(p, 'yes');
          await p.tap('#submit-button');
          await p.trigger('#confirm-dialog', 'confirm');
        },
        expect: ['表决已结束', '查看表决结果'],
      },
      {
        name: 'election-full',
        title: '投票 · 选举，赞成已达应选名额',
        query: q(ELECTION_READY.id),
        responses: { 'votes.get': ok(ELECTION_READY) },
        setup: async (p) => {
          for (let i = 0; i < ELECTION_READY.seats!; i++) await choose(p, 'yes');
        },
        expect: [
          `第 ${ELECTION_READY.seats! + 1}/${ELECTION_READY.candidates.length} 位`,
          ELECTION_READY.candidates[ELECTION_READY.seats!].name,
          `已赞成 ${ELECTION_READY.seats}/${ELECTION_READY.seats} 名`,
          '已达应选名额',
          `${ELECTION_READY.kindLabel} · 应选 ${ELECTION_READY.seats} 名`,
        ],
      },
      {
        name: 'grades',
        title: '投票 · 团员教育评议，评定等次',
        query: q(GRADES_READY.id),
        responses: { 'votes.get': ok(GRADES_READY) },
        setup: async (p) => {
          await p.tap('#option-qualified');
        },
        expect: ['参评人员', GRADES_READY.candidates[0].name, '优秀', '合格', '基本合格', '不合格', '请评定等次'],
      },
    ],
  },
  {
    name: 'votes-result',
    path: 'packages/votes/result/index',
    states: [
      {
        name: 'voter',
        title: '表决结果 · 接收预备党员，通过（党员）',
        query: q(RESULT.voteId),
        responses: {
          'votes.resolution': ok(RESULT),
          'votes.get': worldReply('votes.get.acceptance_closed.voter'),
        },
        expect: [
          RESULT.unitName,
          `${RESULT.kindLabel}表决结果`,
          RESULT.outcomeLabel,
          ymd(RESULT.date),
          RESULT.method,
          RESULT.ruleVersionLabel,
          '应到',
          '实到',
          '书面意见',
          RESULT.lines[0].outcomeLabel!,
          `赞成合计 ${RESULT.lines[0].totalYes} 票`,
          '核对我的票码',
        ],
        absent: ['导出'],
      },
      {
        name: 'secretary',
        title: '表决结果 · 支部书记（可导出，票码展开）',
        query: q(RESULT.voteId),
        responses: {
          'votes.resolution': ok(RESULT),
          'votes.get': worldReply('votes.get.acceptance_closed.secretary'),
        },
        setup: async (p) => {
          await p.tap('#codes-toggle');
        },
        expect: [
          '导出表决结果（复制文字）',
          `监票人：${RESULT.scrutineers.join('、')}`,
          `计票人：${RESULT.tellers.join('、')}`,
          `${RESULT.ballotCodes[0].slice(0, 4)} ${RESULT.ballotCodes[0].slice(4)}`,
          '收起票码',
        ],
      },
      {
        name: 'evaluation',
        title: '表决结果 · 民主评议党员，待评定等次',
        query: q(EVALUATION_RESULT.voteId),
        responses: {
          'votes.resolution': ok({ ...EVALUATION_RESULT, decision: null }),
          'votes.get': worldReply('votes.get.party_evaluation_closed.secretary'),
        },
        expect: [EVALUATION_RESULT.kindLabel, '优秀', '基本合格', '记录支委会评定等次'],
      },
      {
        name: 'evaluation-graded',
        title: '表决结果 · 民主评议党员，已评定等次',
        query: q(EVALUATION_RESULT.voteId),
        responses: {
          'votes.resolution': ok(EVALUATION_RESULT),
          'votes.get': worldReply('votes.get.party_evaluation_closed.secretary'),
        },
        expect: [
          '支部委员会决定',
          EVALUATION_RESULT.decision!.minutesRef,
          `${EVALUATION_RESULT.decision!.grades[0].name}：${EVALUATION_RESULT.decision!.grades[0].gradeLabel}`,
          `记录人：${EVALUATION_RESULT.decision!.recordedBy}`,
        ],
        absent: ['记录支委会评定等次'],
      },
      {
        name: 'void',
        title: '表决结果 · 收回票多于发出票，表决无效',
        query: q(RESULT.voteId),
        responses: {
          // The world has no void meeting: its acceptance count with one ballot more returned than issued.
          'votes.resolution': ok({
            ...RESULT,
            outcome: 'void',
            outcomeLabel: VOTE_OUTCOME_LABELS.void,
            ballotsReturned: RESULT.ballotsIssued + 1,
            // As the count says it: no candidate passes or fails in a void vote.
            lines: RESULT.lines.map((l) => ({ ...l, outcome: null, outcomeLabel: null })),
          }),
          'votes.get': worldReply('votes.get.acceptance_closed.voter'),
        },
        expect: ['本次表决无效', '收回票数多于发出票数，表决无效，须重新投票'],
        absent: ['表决有效'],
      },
      {
        name: 'tuiyou-undecided',
        title: '表决结果 · 推优，待记录支委会决定（书记）',
        query: q(TUIYOU_RESULT.voteId),
        responses: {
          'votes.resolution': ok({ ...TUIYOU_RESULT, decision: null }),
          'votes.get': worldReply('votes.get.tuiyou_closed.secretary'),
        },
        expect: [`${TUIYOU_RESULT.kindLabel}表决结果`, '记录支委会推优决定', TUIYOU_RESULT.lines[0].name],
      },
      {
        name: 'tuiyou-decided',
        title: '表决结果 · 推优，支委会决定已记录',
        query: q(TUIYOU_RESULT.voteId),
        responses: {
          'votes.resolution': ok(TUIYOU_RESULT),
          'votes.get': worldReply('votes.get.tuiyou_closed.secretary'),
        },
        expect: ['支部委员会决定', `推荐：${TUIYOU_RESULT.decision!.recommended.map((r) => r.name).join('、')}`],
        absent: ['记录支委会推优决定'],
      },
      {
        name: 'sealed',
        title: '表决结果 · 尚未结束',
        query: q(RESULT.voteId),
        responses: {
          'votes.resolution': worldReply('votes.resolution.acceptance_open'),
          'votes.get': worldReply('votes.get.acceptance_open.ready'),
        },
        expect: ['表决结束并当场计票后，才公布结果'],
      },
    ],
  },
  {
    name: 'votes-verify',
    path: 'packages/votes/verify/index',
    states: [
      {
        name: 'form',
        title: '核对我的票码 · 输入',
        query: q(RESULT.voteId),
        expect: ['凭票码可在结果公布后核对您的选票已被计入', '票码', '核对'],
      },
      {
        name: 'counted',
        title: '核对我的票码 · 已计入',
        query: q(RESULT.voteId),
        responses: { 'votes.verifyBallot': worldReply('votes.verifyBallot.counted') },
        setup: async (p) => {
          await p.trigger('#code-input', 'change', { value: worldInput('votes.verifyBallot.counted').code });
          await p.tap('#verify-button');
        },
        expect: ['您的选票已计入'],
        absent: ['赞成', '反对'],
      },
      {
        name: 'not-found',
        title: '核对我的票码 · 未找到',
        query: q(RESULT.voteId),
        responses: { 'votes.verifyBallot': worldReply('votes.verifyBallot.not_found') },
        setup: async (p) => {
          await p.trigger('#code-input', 'change', { value: worldInput('votes.verifyBallot.not_found').code });
          await p.tap('#verify-button');
        },
        expect: ['未找到该票码'],
      },
    ],
  },
  {
    name: 'votes-manage',
    path: 'packages/votes/manage/index',
    states: [
      {
        name: 'list',
        title: '票决管理 · 信息学院学生党支部（支部书记林思远）',
        persona: 'info_pb_sec',
        responses: { 'votes.list': ok(BRANCH) },
        expect: [BRANCH.items[0].unitName, '发起表决', ...BRANCH.items.map((c) => c.title), '未开始'],
      },
      {
        name: 'empty',
        title: '票决管理 · 还没有表决',
        persona: 'info_pb_sec',
        responses: { 'votes.list': ok({ ...BRANCH, items: [] }) },
        expect: ['该组织还没有表决', '发起表决'],
      },
      {
        name: 'forbidden',
        title: '票决管理 · 普通党员打开（无权限）',
        persona: 'sport_pb_cm',
        expect: ['您没有组织表决的权限'],
      },
    ],
  },
  {
    name: 'votes-create',
    path: 'packages/votes/create/index',
    states: [
      {
        name: 'empty',
        title: '发起表决 · 空表单',
        persona: 'info_pb_sec',
        responses: { 'people.list': MEMBERS },
        expect: [BRANCH.items[0].unitName, '表决类型', '候选人', '会议时间', '细则（2014）', '无记名投票', '创建表决'],
      },
      {
        name: 'required',
        title: '发起表决 · 未填写就提交',
        persona: 'info_pb_sec',
        responses: { 'people.list': MEMBERS },
        setup: async (p) => {
          await p.tap('#submit-button');
        },
        expect: ['请选择表决类型', '请选择会议时间', '标题至少 2 个字'],
      },
      {
        name: 'kind-picker',
        title: '发起表决 · 选择表决类型（党支部可组织的类型）',
        persona: 'info_pb_sec',
        responses: { 'people.list': MEMBERS },
        setup: async (p) => {
          await p.tap('#kind-cell');
        },
        // A party branch holds no 推优 or League vote: the kinds come from me.get (MeView.manages).
        expect: ['选择表决类型', '接收预备党员', '民主评议党员', '党支部委员会选举'],
        absent: ['推优入党', '团员教育评议'],
      },
      {
        name: 'candidates',
        title: '发起表决 · 从本支部成员中选候选人',
        persona: 'info_pb_sec',
        responses: { 'people.list': MEMBERS },
        setup: async (p) => {
          await p.trigger('#kind-picker', 'confirm', { value: ['acceptance'], label: ['接收预备党员'] });
          await p.tap('#candidates-cell');
          for (const c of PICKED) await p.tap(`#candidate-picker >>> #pp-${c.id}`);
        },
        expect: ['选择候选人', ...PICKED.map((c) => c.name), PICKED[0].statusLabel, `确定（${PICKED.length}）`],
      },
      {
        name: 'filled',
        title: '发起表决 · 填写完成',
        persona: 'info_pb_sec',
        responses: { 'people.list': MEMBERS },
        setup: async (p) => {
          await p.trigger('#kind-picker', 'confirm', { value: ['acceptance'], label: ['接收预备党员'] });
          await p.tap('#candidates-cell');
          for (const c of PICKED) await p.tap(`#candidate-picker >>> #pp-${c.id}`);
          await p.tap('#candidate-picker >>> #pp-confirm');
          await p.trigger('#time-picker', 'confirm', { value: ['2026-11-26', '14:30'], label: ['', ''] });
        },
        expect: [`接收预备党员表决：${PICKED.map((c) => c.name).join('、')}`, `${PICKED.length} 人`, '14:30'],
      },
      {
        name: 'election',
        title: '发起表决 · 选举（应选名额）',
        persona: 'info_pb_sec',
        responses: { 'people.list': MEMBERS },
        setup: async (p) => {
          await p.trigger('#kind-picker', 'confirm', { value: ['party_branch_election'], label: [''] });
          await p.trigger('#seats-input', 'change', { value: '3' });
        },
        expect: ['党支部委员会选举', '应选名额', '党支部委员会选举表决'],
      },
    ],
  },
  {
    name: 'votes-prepare',
    path: 'packages/votes/prepare/index',
    states: [
      {
        name: 'ready',
        title: '表决准备 · 转正表决，指定监票人计票人',
        persona: 'info_pb_sec',
        query: q(PREPARE.id),
        responses: { 'votes.get': ok(PREPARE), 'people.list': MEMBERS },
        setup: async (p) => {
          await p.tap('#scrutineers-cell');
          await p.tap(`#people-picker >>> #pp-${SCRUTINEER.id}`);
          await p.tap('#people-picker >>> #pp-confirm');
          await p.tap('#tellers-cell');
          await p.tap(`#people-picker >>> #pp-${TELLER.id}`);
          await p.tap('#people-picker >>> #pp-confirm');
        },
        expect: [
          PREPARE.title,
          PREPARE.candidates[0].name,
          `本组织成员（${MEMBER_LIST.items.length} 人）`,
          SCRUTINEER.name,
          TELLER.name,
          '开始表决',
        ],
      },
      {
        name: 'exclusion',
        title: '表决准备 · 添加不计入应到的人员',
        persona: 'info_pb_sec',
        query: q(PREPARE.id),
        responses: { 'votes.get': ok(PREPARE), 'people.list': MEMBERS },
        setup: async (p) => {
          await p.tap('#add-exclusion');
          await p.tap('#excluded-person-cell');
          await p.tap(`#people-picker >>> #pp-${ABROAD.id}`);
          await p.tap('#people-picker >>> #pp-confirm');
          await p.trigger('#reason-picker', 'confirm', { value: ['abroad_private'], label: [''] });
          await p.trigger('#approval-input', 'change', { value: '信息学院党委〔2026〕12号' });
          await p.tap('#exclusion-add-button');
        },
        expect: [ABROAD.name, '因私出国（境）6个月以上', '不计入应到人数须经会议同意'],
      },
      {
        name: 'open-dialog',
        title: '表决准备 · 开始表决确认',
        persona: 'info_pb_sec',
        query: q(PREPARE.id),
        responses: { 'votes.get': ok(PREPARE), 'people.list': MEMBERS },
        setup: async (p) => {
          await p.tap('#scrutineers-cell');
          await p.tap(`#people-picker >>> #pp-${SCRUTINEER.id}`);
          await p.tap('#people-picker >>> #pp-confirm');
          await p.tap('#tellers-cell');
          await p.tap(`#people-picker >>> #pp-${TELLER.id}`);
          await p.tap('#people-picker >>> #pp-confirm');
          await p.tap('#open-button');
        },
        expect: ['开始后应到名单即冻结', '签到二维码投在会场屏幕上'],
      },
      {
        name: 'cancel-dialog',
        title: '表决准备 · 取消表决须写明理由',
        persona: 'info_pb_sec',
        query: q(PREPARE.id),
        responses: { 'votes.get': ok(PREPARE), 'people.list': MEMBERS },
        setup: async (p) => {
          await p.tap('#cancel-vote-button');
          await p.trigger('#cancel-dialog >>> #reason-input', 'change', { value: '会议改期，重新发起' });
        },
        expect: ['取消本次表决', '取消后不能再开始', '会议改期，重新发起'],
      },
    ],
  },
  {
    name: 'votes-presence',
    path: 'packages/votes/presence/index',
    states: [
      {
        name: 'quorum',
        title: '会场签到 · 已达法定人数（支部书记）',
        persona: 'sport_pb_sec',
        query: q(PRESENCE_VOTE.id),
        responses: {
          'votes.get': ok(PRESENCE_VOTE),
          'votes.presence': ok(PRESENCE),
          'votes.checkInToken': ok(PRESENCE_TOKEN),
        },
        expect: [
          '签到二维码',
          '每 10 秒自动更换',
          '应到',
          '已签到',
          '已投票',
          `已达到法定人数（至少 ${PRESENCE.quorumNeeded} 人）`,
          PRESENCE.checkedIn[0].name,
          PRESENCE.absent[0].name,
          '代为签到',
        ],
        absent: ['赞成', '反对', PRESENCE_TOKEN.token],
      },
      {
        name: 'early',
        title: '会场签到 · 刚开始，人数不足',
        persona: 'sport_pb_sec',
        query: q(PRESENCE_VOTE.id),
        responses: {
          'votes.get': ok(PRESENCE_VOTE),
          'votes.presence': ok(earlyPresence(PRESENCE, 2)),
          'votes.checkInToken': ok(PRESENCE_TOKEN),
        },
        expect: [`还差 ${PRESENCE.quorumNeeded - 2} 人达到法定人数（至少 ${PRESENCE.quorumNeeded} 人）`],
      },
      {
        name: 'close-dialog',
        title: '会场签到 · 结束表决确认',
        persona: 'sport_pb_sec',
        query: q(PRESENCE_VOTE.id),
        responses: {
          'votes.get': ok(PRESENCE_VOTE),
          'votes.presence': ok(PRESENCE),
          'votes.checkInToken': ok(PRESENCE_TOKEN),
        },
        setup: async (p) => {
          await p.tap('#close-button');
        },
        expect: [
          '结束表决并计票？',
          `已签到 ${PRESENCE.present} 人，已投票 ${PRESENCE.ballotsReturned} 人`,
          `还有 ${PRESENCE.present - PRESENCE.ballotsReturned} 人已签到但未投票`,
          '继续投票',
        ],
      },
    ],
  },
  {
    name: 'votes-decision',
    path: 'packages/votes/decision/index',
    states: [
      {
        name: 'form',
        title: '支委会推优决定 · 逐人决定',
        persona: 'sport_lb_sec',
        query: q(TUIYOU_RESULT.voteId),
        responses: { 'votes.resolution': ok(TUIYOU_UNDECIDED) },
        setup: async (p) => {
          await p.tap(`#decide-${TUIYOU_RESULT.lines[0].candidateId} .recommend`);
        },
        expect: [TUIYOU_RESULT.lines[0].name, '推荐', '不推荐', '会议记录'],
      },
      {
        name: 'reason',
        title: '支委会推优决定 · 不推荐须写明理由',
        persona: 'sport_lb_sec',
        query: q(TUIYOU_RESULT.voteId),
        responses: { 'votes.resolution': ok(TUIYOU_UNDECIDED) },
        setup: async (p) => {
          await p.tap(`#decide-${TUIYOU_RESULT.lines[0].candidateId} .decline`);
        },
        expect: [`不推荐 ${TUIYOU_RESULT.lines[0].name} 的理由`, '请写明理由，将记入支委会决定'],
      },
      {
        name: 'grades',
        title: '评定等次 · 逐人评定，优秀计数',
        persona: 'info_officer',
        query: q(GRADING.voteId),
        responses: { 'votes.resolution': ok(GRADING) },
        setup: async (p) => {
          await p.tap(`#grade-${GRADING.lines[0].candidateId} .grade-excellent`);
          await p.tap(`#grade-${GRADING.lines[1].candidateId} .grade-qualified`);
        },
        expect: [
          '逐人评定',
          `优秀 1 / 上限 ${GRADING.excellentLimit}`,
          '基本合格',
          '不合格',
          '会议记录',
          '记录评定等次',
        ],
      },
      {
        name: 'grades-over',
        title: '评定等次 · 优秀超过上限',
        persona: 'info_officer',
        query: q(GRADING.voteId),
        responses: {
          'votes.resolution': ok(GRADING),
          'votes.recordDecision': worldReply('votes.recordDecision.league_evaluation.over'),
        },
        setup: async (p) => {
          for (const l of GRADING.lines) await p.tap(`#grade-${l.candidateId} .grade-excellent`);
          await p.trigger('#minutes-input', 'change', { value: OVER.minutesRef });
          await p.tap('#submit-button');
        },
        expect: [
          `优秀 ${GRADING.lines.length} / 上限 ${GRADING.excellentLimit}`,
          '已超过上限，请调整',
          `${OVER_ERROR.message}：${OVER_ERROR.fields!.grades}`,
        ],
      },
    ],
  },
  {
    name: 'vote-rules',
    path: 'packages/admin/vote-rules/index',
    states: [
      {
        name: 'list',
        title: '表决规则设置 · 各类表决的标准（党委把接收到会比例定为三分之二，团委把推优名额定为 13%）',
        persona: 'admin',
        responses: { 'votes.ruleSettings': worldReply('votes.ruleSettings.admin') },
        expect: [
          '接收预备党员',
          '全国默认',
          '本校设置',
          '推荐人数不超过团员总数的13%',
          worldView('votes.ruleSettings.admin').updatedBy!,
        ],
      },
      {
        name: 'edit',
        title: '表决规则设置 · 修改推优标准',
        persona: 'admin',
        responses: { 'votes.ruleSettings': worldReply('votes.ruleSettings.admin') },
        setup: async (p) => {
          await p.tap('#kind-tuiyou');
        },
        expect: ['到会比例', '半数（默认）', '推荐上限', '恢复全国默认'],
      },
      {
        name: 'looser',
        title: '表决规则设置 · 放宽上级规定的标准被拒绝（民主评议党员优秀比例）',
        persona: 'admin',
        responses: {
          'votes.ruleSettings': worldReply('votes.ruleSettings.admin'),
          'votes.setRuleSettings': worldReply('votes.setRuleSettings.looser'),
        },
        setup: async (p) => {
          const quota = worldInput('votes.setRuleSettings.looser').overrides.excellentQuota!;
          await p.tap('#kind-party_evaluation');
          await p.trigger('#quota-input', 'change', { value: String((100 * quota.num) / quota.den) });
          await p.tap('#save-button');
        },
        expect: [LOOSER_REASON],
      },
    ],
  },
];
