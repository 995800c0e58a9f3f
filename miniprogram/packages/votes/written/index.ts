/**
 * 书面意见 (A14 / F3): a voter who cannot attend marks every candidate (赞成/反对/弃权) on one screen before the
 * meeting starts, confirms, and votes.addWrittenOpinion records it, signed, as its own line in the count. After the
 * start it is refused (WRITTEN_OPINION_TOO_LATE); only the formal party votes take one; one per voter.
 */
import type { CandidateView, MarkValue, VoteView } from '../../../../typings/actions/votes';
import type { ErrorCode } from '../../../../typings/errors';
import { call } from '../../../services/api';
import { type MarkOption, type Marks, markOptions, marksSummary } from '../../../services/votes/ballot';
import {
  askToConfirm,
  decidingText,
  openMarking,
  submitMarks,
  WRITTEN_OPINION_EXPLANATION,
} from '../../../services/votes/detail';
import { definePage } from '../../../utils/define-page';

type Stage = 'loading' | 'marking' | 'done' | 'blocked' | 'error';
/** Why no opinion can be given; each has its own words. */
type Block = 'too_late' | 'not_allowed' | 'exists' | 'not_on_roster' | 'closed';

interface RowVM {
  id: string;
  name: string;
  options: (MarkOption & { selected: boolean })[];
}

const BLOCKS: Record<Block, { theme: string; title: string; text: string }> = {
  too_late: {
    theme: 'warning',
    title: '会议已开始，不能再提交书面意见',
    text: '书面意见须在会议开始前正式提交，会议开始后提交的无效。请到会场签到后投票。',
  },
  not_allowed: {
    theme: 'default',
    title: '此类表决不接受书面意见',
    text: '只有接收预备党员、预备党员转正、延长预备期、取消预备党员资格的表决可以提交书面意见。',
  },
  exists: {
    theme: 'warning',
    title: '您已提交书面意见，不能重复提交',
    text: '每人只能提交一次书面意见，提交后不可更改。',
  },
  not_on_roster: {
    theme: 'warning',
    title: '您没有本次表决的表决权',
    text: '只有有表决权的成员可以提交书面意见。如有疑问，请联系支部书记。',
  },
  closed: { theme: 'default', title: '表决已结束', text: '不能再提交书面意见。' },
};

const BLOCKING_ERRORS: Partial<Record<ErrorCode, Block>> = {
  WRITTEN_OPINION_TOO_LATE: 'too_late',
  WRITTEN_OPINION_NOT_ALLOWED: 'not_allowed',
  WRITTEN_OPINION_EXISTS: 'exists',
  NOT_ON_ROSTER: 'not_on_roster',
  VOTE_CLOSED: 'closed',
};

function blockOf(v: VoteView): Block | null {
  if (v.state === 'closed' || v.state === 'cancelled') return 'closed';
  if (!v.writtenOpinionsAllowed) return 'not_allowed';
  if (v.me.writtenOpinionSubmitted) return 'exists';
  if (v.state !== 'draft') return 'too_late';
  if (v.expected !== null && !v.me.onRoster) return 'not_on_roster';
  return null;
}

definePage<{ voteId: string; candidates: CandidateView[]; values: MarkValue[]; marks: Marks }>()({
  data: {
    stage: 'loading' as Stage,
    message: '',
    title: '',
    deciding: '',
    explanation: WRITTEN_OPINION_EXPLANATION,
    rows: [] as RowVM[],
    total: 0,
    marked: 0,
    summary: '',
    confirmVisible: false,
    confirmBtn: { content: '确认提交', variant: 'base', theme: 'primary' },
    submitting: false,
    blocked: { theme: 'default', title: '', text: '' },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.voteId = query.voteId ?? '';
      this.candidates = [];
      this.values = [];
      this.marks = {};
      this.load();
    },
    async load() {
      const v = await openMarking(this, blockOf);
      if (!v) return;
      this.setData({ stage: 'marking', title: v.title, deciding: decidingText(v), total: v.candidates.length });
      this.render();
    },
    render() {
      const options = markOptions(this.values);
      this.setData({
        rows: this.candidates.map((c) => ({
          id: c.id,
          name: c.name,
          options: options.map((o) => ({ ...o, selected: this.marks[c.id] === o.value })),
        })),
        marked: this.candidates.filter((c) => this.marks[c.id]).length,
        summary: marksSummary(this.values, this.marks),
      });
    },
    showBlock(block: Block) {
      this.marks = {};
      this.setData({ stage: 'blocked', confirmVisible: false, blocked: BLOCKS[block] });
    },
    choose(e: WechatMiniprogram.TouchEvent<Record<string, never>, { id: string; value: MarkValue }>) {
      const { id, value } = e.currentTarget.dataset;
      if (!id || !value || !this.candidates.some((c) => c.id === id)) return;
      this.marks = { ...this.marks, [id]: value };
      this.render();
    },
    askSubmit() {
      askToConfirm(this, (c) => `请对${c.name}选择赞成、反对或弃权`);
    },
    cancelSubmit() {
      this.setData({ confirmVisible: false });
    },
    async confirmSubmit() {
      const sent = await submitMarks(
        this,
        (marks) => call('votes.addWrittenOpinion', { voteId: this.voteId, marks }),
        BLOCKING_ERRORS,
      );
      if (sent) this.setData({ stage: 'done', rows: [] });
    },
    back() {
      // The detail page reloads on show: its button gives way to 已提交书面意见.
      wx.navigateBack({ delta: 1 });
    },
  },
});
