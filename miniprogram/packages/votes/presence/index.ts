/**
 * 会场签到 (secretaries, a vote that is open): the meeting screen's rotating QR code (TDesign's t-qrcode, fetched
 * again when its slot ends, with the screen kept on, as the training sessions' code screen does), 应到 / 实到 / ballots in, whether
 * the quorum is reached, who has checked in and who has not (an officer may check a member in), written opinions
 * and exclusions — turnout only, never anyone's choice. Then 结束表决并计票.
 */
import type { ApiError } from '../../../../typings/errors';
import { replace } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { type CheckInCodeVM, type PresenceVM, toCheckInCodeVM, toPresenceVM } from '../../../services/votes/presence';
import { type CodeScreen, codeScreen } from '../../../utils/code-screen';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'forbidden' | 'error';

definePage<{ voteId: string; loading: boolean; screen: CodeScreen }>()({
  data: {
    state: 'loading' as State,
    message: '',
    title: '',
    deciding: '',
    /** The QR code's content now (null until fetched, or once the vote stops taking check-ins). */
    code: null as CheckInCodeVM | null,
    codeError: '',
    /** The code's side in px (set by the code screen): the card's full width, readable a few rows back. */
    qrSize: 300,
    quorumRule: '',
    p: null as PresenceVM | null,
    /** Percentage of the quorum reached, for the bar (capped at 100). */
    quorumPercent: 0,
    absentOpen: true,
    checkingIn: '',
    closeVisible: false,
    closeBtn: { content: '结束并计票', variant: 'base', theme: 'danger' },
    closing: false,
  },
  lifetimes: {
    // A page built with Component() is also detached when it closes: stop there too (either may come first).
    detached() {
      this.screen?.stop();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.voteId = query.voteId ?? '';
      const voteId = this.voteId;
      this.screen = codeScreen(this, {
        fetch: () => call('votes.checkInToken', { voteId }),
        show: (res) =>
          this.setData(
            res.ok
              ? { code: toCheckInCodeVM(res.data), codeError: '' }
              : { code: null, codeError: errorText(res.error) },
          ),
      });
      this.load();
    },
    onUnload() {
      this.screen.stop();
    },
    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      if (!this.voteId) {
        this.setData({ state: 'error', message: '缺少表决编号，请从「票决管理」进入' });
        return;
      }
      if (this.loading) return;
      this.loading = true;
      if (!this.data.p) this.setData({ state: 'loading' });
      // The code is fetched with the first load, and again with a reload after its fetch failed.
      const first = this.screen.idle;
      const [vote, presence] = await Promise.all([
        call('votes.get', { voteId: this.voteId }),
        call('votes.presence', { voteId: this.voteId }),
        first ? this.screen.refresh() : Promise.resolve(),
      ]);
      this.loading = false;
      if (!vote.ok) return this.onLoadError(vote.error);
      const v = vote.data;
      if (v.state === 'draft') return replace('votePrepare', { voteId: this.voteId });
      if (v.state === 'closed' || v.state === 'cancelled') return replace('voteResult', { voteId: this.voteId });
      if (!presence.ok) return this.onLoadError(presence.error);
      const p = toPresenceVM(presence.data);
      this.setData({
        state: 'ready',
        title: v.title,
        deciding: v.kindLabel,
        quorumRule: v.requirements[0] ?? '',
        p,
        quorumPercent: Math.min(100, Math.round((p.present * 100) / Math.max(1, p.quorumNeeded))),
      });
    },
    onLoadError(error: ApiError) {
      if (error.code === 'FORBIDDEN' || error.code === 'OUT_OF_SCOPE') {
        this.setData({ state: 'forbidden', message: '您没有管理这次表决的权限' });
      } else if (this.data.p) {
        showError(error);
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
    },
    toggleAbsent() {
      this.setData({ absentOpen: !this.data.absentOpen });
    },
    async checkInFor(e: WechatMiniprogram.CustomEvent<{ currentTarget: { dataset: { custom?: string } } }>) {
      const personId = e.detail?.currentTarget?.dataset?.custom ?? '';
      if (!personId || this.data.checkingIn) return;
      this.setData({ checkingIn: personId });
      const res = await call('votes.checkIn', { voteId: this.voteId, personId });
      this.setData({ checkingIn: '' });
      if (res.ok) toast('已代为签到');
      else if (res.error.code === 'ALREADY_CHECKED_IN') toast('该同志已签到');
      else showError(res.error);
      await this.load();
    },
    askClose() {
      this.setData({ closeVisible: true });
    },
    cancelClose() {
      this.setData({ closeVisible: false });
    },
    async confirmClose() {
      if (this.data.closing) return;
      this.setData({ closing: true });
      const res = await call('votes.close', { voteId: this.voteId });
      this.setData({ closing: false, closeVisible: false });
      if (res.ok || res.error.code === 'VOTE_CLOSED') {
        toast(res.ok ? '已结束，计票完成' : res.error.message);
        replace('voteResult', { voteId: this.voteId });
        return;
      }
      showError(res.error);
    },
    onStatusAction() {
      this.load();
    },
  },
});
