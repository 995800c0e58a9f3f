/**
 * 表决结果 (决议): 应到, 实到, 书面意见, each candidate's 赞成/反对/弃权/无效 and result, 表决方式, date and rule
 * version (F4); a void or inquorate vote says so first. Voters can check their code from here; managers export the
 * resolution as text and, after 推优 or an evaluation, record the committee's decision (推优人选 / 评定等次).
 * An evaluation seen by a rater who is not an officer shows only their own grade and the 优秀 list (C2, C4).
 */
import type { ResolutionView } from '../../../../typings/actions/votes';
import type { ApiError } from '../../../../typings/errors';
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { type ResolutionVM, resolutionText, toResolutionVM } from '../../../services/votes/resolution';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

definePage<{ voteId: string; resolution: ResolutionView | null }>()({
  data: {
    state: 'loading' as State,
    message: '',
    r: null as ResolutionVM | null,
    canVerify: false,
    canManage: false,
    canDecide: false,
    decideText: '',
    canPublish: false,
    publishing: false,
    codesOpen: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.voteId = query.voteId ?? '';
      this.resolution = null;
    },
    onShow() {
      // Back from recording the decision: it now belongs on the sheet.
      this.load();
    },
    async load() {
      if (!this.voteId) {
        this.setData({ state: 'error', message: '缺少表决编号，请从「我的票决」进入' });
        return;
      }
      if (!this.data.r) this.setData({ state: 'loading' });
      const [res, vote] = await Promise.all([
        call('votes.resolution', { voteId: this.voteId }),
        call('votes.get', { voteId: this.voteId }),
      ]);
      if (!res.ok) return this.onLoadError(res.error);
      this.resolution = res.data;
      const v = vote.ok ? vote.data : null;
      const canManage = v?.canManage ?? false;
      this.setData({
        state: 'ready',
        r: toResolutionVM(res.data),
        canVerify: v?.me.onRoster ?? false,
        canManage,
        // B4 / C1: the committee decides after a counted 推优 or evaluation, once.
        canDecide:
          canManage &&
          (res.data.kind === 'tuiyou' || res.data.ballotForm === 'grades') &&
          res.data.outcome === 'counted' &&
          !res.data.decision,
        decideText: res.data.ballotForm === 'grades' ? '记录支委会评定等次' : '记录支委会推优决定',
        // B5: a 推优 list (after the committee decided), an honor result and the activists or 发展对象 the branch
        // determined (E2) are published as a 公示.
        canPublish:
          canManage &&
          res.data.outcome === 'counted' &&
          (res.data.kind === 'honor' ||
            res.data.kind === 'activist_determination' ||
            res.data.kind === 'development_candidate_determination' ||
            (res.data.kind === 'tuiyou' && Boolean(res.data.decision))),
      });
    },
    onLoadError(error: ApiError) {
      if (error.code === 'RESULTS_SEALED') {
        this.setData({ state: 'empty', message: '表决结束并当场计票后，才公布结果' });
      } else if (error.code === 'OUT_OF_SCOPE' || error.code === 'NOT_BOUND') {
        this.setData({ state: 'forbidden', message: '只有本次表决的应到人员和组织管理者可以查看结果' });
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
    },
    toggleCodes() {
      this.setData({ codesOpen: !this.data.codesOpen });
    },
    exportText() {
      if (!this.resolution) return;
      wx.setClipboardData({
        data: resolutionText(this.resolution),
        success: () => toast('表决结果已复制，可粘贴到会议记录或文档中'),
      });
    },
    openVerify() {
      go('voteVerify', { voteId: this.voteId });
    },
    /** Drafts the 公示 from the result on the server, saves it as a draft notice, and opens it for review. */
    async draftNotice() {
      if (this.data.publishing) return;
      this.setData({ publishing: true });
      const draft = await call('votes.noticeDraft', { voteId: this.voteId });
      const created = draft.ok ? await call('notices.create', draft.data) : draft;
      this.setData({ publishing: false });
      if (!created.ok) {
        showError(created.error);
        return;
      }
      go('noticeEdit', { noticeId: created.data.noticeId });
    },
    openDecision() {
      go('voteDecision', { voteId: this.voteId });
    },
    onStatusAction() {
      this.load();
    },
  },
});
