/**
 * 投票: one candidate at a time (赞成/反对/弃权, or a grade on an evaluation; on an election 赞成 closes once the
 * seats are filled), then a review of every choice, a confirm dialog, and the ballot code shown once.
 *
 * The voter's marks stay on this page (`this.marks`) until votes.cast; nothing is saved on the phone. After a cast
 * there is no way back: the page only offers the code and the way out.
 */
import type { CandidateView, MarkValue, VoteView } from '../../../../typings/actions/votes';
import type { ApiError } from '../../../../typings/errors';
import { replace } from '../../../routes';
import { call } from '../../../services/api';
import { toast } from '../../../services/errors';
import {
  type MarkOption,
  type Marks,
  markAllowed,
  markOptions,
  marksSummary,
  type ReviewRowVM,
  reviewRows,
  yesCount,
} from '../../../services/votes/ballot';
import { BALLOT_CODE_EXPLANATION, formatBallotCode } from '../../../services/votes/common';
import { askToConfirm, decidingText, openMarking, submitMarks } from '../../../services/votes/detail';
import { definePage } from '../../../utils/define-page';

type Stage = 'loading' | 'marking' | 'review' | 'done' | 'blocked' | 'error';
/** Why the ballot cannot be filled in; each has its own words and way on. */
type Block = 'voted' | 'closed' | 'not_open' | 'not_on_roster' | 'not_checked_in' | 'cancelled';

interface OptionVM extends MarkOption {
  selected: boolean;
  disabled: boolean;
}

const BLOCKS: Record<Block, { theme: string; title: string; text: string; action: string }> = {
  voted: {
    theme: 'warning',
    title: '您已投票，不能重复投票',
    text: '每人只能投一次票，选票提交后不可更改。表决结束、结果公布后，可凭票码核对您的选票已被计入。',
    action: '返回',
  },
  closed: {
    theme: 'default',
    title: '表决已结束',
    text: '投票已截止，不能再投票。可查看表决结果。',
    action: '查看表决结果',
  },
  not_open: {
    theme: 'default',
    title: '表决尚未开始',
    text: '主持人开始表决后，扫描会场屏幕上的签到二维码签到，即可投票。',
    action: '返回',
  },
  not_on_roster: {
    theme: 'warning',
    title: '您不在本次表决的应到人员名单中',
    text: '应到名单在表决开始时确定。如有疑问，请联系支部书记。',
    action: '返回',
  },
  not_checked_in: {
    theme: 'default',
    title: '请先签到再投票',
    text: '请扫描会场屏幕上的签到二维码签到，领取选票后再投票。',
    action: '去签到',
  },
  cancelled: { theme: 'default', title: '本次表决已取消', text: '', action: '返回' },
};

/** Cast errors that end the ballot, by code. */
const BLOCKING_ERRORS: Partial<Record<ApiError['code'], Block>> = {
  ALREADY_VOTED: 'voted',
  VOTE_CLOSED: 'closed',
  VOTE_NOT_OPEN: 'not_open',
  NOT_ON_ROSTER: 'not_on_roster',
  NOT_CHECKED_IN: 'not_checked_in',
};

function blockOf(v: VoteView): Block | null {
  if (v.state === 'closed') return 'closed';
  if (v.state === 'cancelled') return 'cancelled';
  if (v.state !== 'open') return 'not_open';
  if (!v.me.onRoster) return 'not_on_roster';
  if (v.me.voted) return 'voted';
  if (!v.me.checkedIn) return 'not_checked_in';
  return null;
}

definePage<{
  voteId: string;
  candidates: CandidateView[];
  values: MarkValue[];
  marks: Marks;
  maxYes: number | null;
  block: Block | null;
  /** Editing one choice from the review: the next step goes back there. */
  fromReview: boolean;
}>()({
  data: {
    stage: 'loading' as Stage,
    message: '',
    title: '',
    deciding: '',
    grades: false,
    secret: true,
    total: 0,
    index: 0,
    progress: 0,
    current: { id: '', name: '' },
    options: [] as OptionVM[],
    /** Elections: 赞成 so far and the most allowed; maxYes 0 hides the counter. */
    yes: 0,
    maxYes: 0,
    nextLabel: '下一位',
    rows: [] as ReviewRowVM[],
    summary: '',
    confirmVisible: false,
    confirmBtn: { content: '确认提交', variant: 'base', theme: 'primary' },
    submitting: false,
    code: '',
    codeText: '',
    explanation: BALLOT_CODE_EXPLANATION,
    blocked: { theme: 'default', title: '', text: '', action: '' },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.voteId = query.voteId ?? '';
      this.candidates = [];
      this.values = [];
      this.marks = {};
      this.maxYes = null;
      this.block = null;
      this.fromReview = false;
      this.load();
    },
    async load() {
      const v = await openMarking(this, blockOf);
      if (!v) return;
      this.maxYes = v.maxYes;
      this.setData({
        title: v.title,
        deciding: decidingText(v),
        grades: v.ballotForm === 'grades',
        secret: v.secret,
        total: v.candidates.length,
        maxYes: v.maxYes ?? 0,
      });
      this.showCandidate(0);
    },
    showBlock(block: Block) {
      this.block = block;
      this.setData({ stage: 'blocked', confirmVisible: false, blocked: BLOCKS[block] });
    },
    showCandidate(index: number) {
      const c = this.candidates[index];
      if (!c) return;
      const last = index === this.candidates.length - 1;
      this.setData({
        stage: 'marking',
        index,
        progress: Math.round(((index + 1) * 100) / this.candidates.length),
        current: { id: c.id, name: c.name },
        options: this.optionsFor(c.id),
        yes: yesCount(this.marks),
        nextLabel: this.fromReview ? '完成修改' : last ? '检查选票' : '下一位',
      });
    },
    optionsFor(candidateId: string): OptionVM[] {
      return markOptions(this.values).map((o) => ({
        ...o,
        selected: this.marks[candidateId] === o.value,
        disabled: !markAllowed(o.value, candidateId, this.marks, this.maxYes),
      }));
    },
    choose(e: WechatMiniprogram.TouchEvent<Record<string, never>, { value: MarkValue }>) {
      const value = e.currentTarget.dataset.value;
      const id = this.data.current.id;
      if (!value || !id) return;
      if (!markAllowed(value, id, this.marks, this.maxYes)) {
        toast(`赞成人数已达应选名额 ${this.maxYes} 名，请先改选其他候选人`);
        return;
      }
      this.marks = { ...this.marks, [id]: value };
      this.setData({ options: this.optionsFor(id), yes: yesCount(this.marks) });
    },
    next() {
      const id = this.data.current.id;
      if (!this.marks[id]) {
        toast(this.data.grades ? '请为该同志评定等次或选择弃权' : '请选择赞成、反对或弃权');
        return;
      }
      if (this.fromReview || this.data.index === this.candidates.length - 1) {
        this.showReview();
        return;
      }
      this.showCandidate(this.data.index + 1);
    },
    prev() {
      if (this.data.index > 0) this.showCandidate(this.data.index - 1);
    },
    showReview() {
      this.fromReview = false;
      this.setData({
        stage: 'review',
        rows: reviewRows(this.candidates, this.marks),
        summary: marksSummary(this.values, this.marks),
      });
    },
    edit(e: WechatMiniprogram.TouchEvent<Record<string, never>, { index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      if (!Number.isInteger(index) || !this.candidates[index]) return;
      this.fromReview = true;
      this.showCandidate(index);
    },
    askSubmit() {
      askToConfirm(this, () => '还有候选人未表态');
    },
    cancelSubmit() {
      this.setData({ confirmVisible: false });
    },
    async confirmSubmit() {
      const cast = await submitMarks(
        this,
        (marks) => call('votes.cast', { voteId: this.voteId, marks }),
        BLOCKING_ERRORS,
      );
      // The marks left the page with the ballot: nothing of them stays behind.
      if (cast) this.setData({ stage: 'done', code: cast.code, codeText: formatBallotCode(cast.code), rows: [] });
    },
    copyCode() {
      if (!this.data.code) return;
      wx.setClipboardData({ data: this.data.code });
    },
    back() {
      wx.navigateBack({ delta: 1 });
    },
    onBlockedAction() {
      if (this.block === 'closed') replace('voteResult', { voteId: this.voteId });
      else if (this.block === 'not_checked_in') replace('voteDetail', { voteId: this.voteId });
      else wx.navigateBack({ delta: 1 });
    },
  },
});
