/**
 * One vote, for a voter: what is decided and under which rules, and the one thing to do now — wait for the
 * meeting, check in by scanning the QR code on the meeting screen (扫码签到), vote, or read the result. Managers also get the way
 * to the meeting console.
 */
import type { ApiError } from '../../../../typings/errors';
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import {
  scanAndCheckIn,
  toVoteDetailVM,
  type VoteDetailVM,
  writtenOpinionOffered,
} from '../../../services/votes/detail';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'forbidden' | 'error';

definePage<{ voteId: string; loading: boolean; onRoster: boolean; voteState: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    vote: null as VoteDetailVM | null,
    /** Shows 核对我的票码 after the close: only the roster voted. */
    canVerify: false,
    /** 提交书面意见: before the meeting, on the formal party votes, once (A14 / F3). */
    canWrite: false,
    writtenSubmitted: false,
    /** Why the last scan was refused (an expired, forged or other meeting's code), under the button. */
    scanError: '',
    checkingIn: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.voteId = query.voteId ?? '';
      this.onRoster = false;
      this.voteState = '';
    },
    onShow() {
      // Back from the ballot or the console: the stage may have moved.
      this.load();
    },
    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      if (!this.voteId) {
        this.setData({ state: 'error', message: '缺少表决编号，请从「我的票决」进入' });
        return;
      }
      if (this.loading) return;
      this.loading = true;
      if (!this.data.vote) this.setData({ state: 'loading' });
      const res = await call('votes.get', { voteId: this.voteId });
      this.loading = false;
      if (!res.ok) return this.onLoadError(res.error);
      this.onRoster = res.data.me.onRoster;
      this.voteState = res.data.state;
      this.setData({
        state: 'ready',
        vote: toVoteDetailVM(res.data),
        canVerify: res.data.state === 'closed' && res.data.me.onRoster,
        canWrite: writtenOpinionOffered(res.data),
        writtenSubmitted: res.data.me.writtenOpinionSubmitted,
      });
    },
    onLoadError(error: ApiError) {
      if (error.code === 'OUT_OF_SCOPE' || error.code === 'NOT_BOUND') {
        const message = error.code === 'NOT_BOUND' ? error.message : '您不是该组织的成员，不能查看这次表决';
        this.setData({ state: 'forbidden', message });
      } else if (this.data.vote) {
        showError(error);
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
    },
    async checkIn() {
      if (this.data.checkingIn) return;
      this.setData({ checkingIn: true, scanError: '' });
      const res = await scanAndCheckIn(this.voteId);
      this.setData({ checkingIn: false });
      if (res === null) return;
      if (res.ok) {
        toast('签到成功，可以投票了');
        await this.load();
        return;
      }
      const { error } = res;
      if (error.code.startsWith('CHECKIN_TOKEN_') || error.code === 'BAD_INPUT') {
        this.setData({ scanError: error.message });
      } else if (
        error.code === 'ALREADY_CHECKED_IN' ||
        error.code === 'NOT_ON_ROSTER' ||
        error.code === 'VOTE_CLOSED' ||
        error.code === 'VOTE_NOT_OPEN'
      ) {
        toast(error.message);
        await this.load();
      } else {
        showError(error);
      }
    },
    openBallot() {
      go('voteBallot', { voteId: this.voteId });
    },
    openWritten() {
      go('voteWritten', { voteId: this.voteId });
    },
    openResult() {
      go('voteResult', { voteId: this.voteId });
    },
    openVerify() {
      go('voteVerify', { voteId: this.voteId });
    },
    openConsole() {
      if (this.voteState === 'draft') go('votePrepare', { voteId: this.voteId });
      else if (this.voteState === 'open') go('votePresence', { voteId: this.voteId });
      else go('voteResult', { voteId: this.voteId });
    },
    onStatusAction() {
      this.load();
    },
  },
});
