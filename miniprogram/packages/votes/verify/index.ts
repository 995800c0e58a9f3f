/**
 * 核对我的票码: after the close, is the ballot with this code in the count? The answer is only that — never how the
 * ballot was marked, so a code proves nothing to anyone else about the voter's choice.
 */
import { call } from '../../../services/api';
import { showError } from '../../../services/errors';
import { BALLOT_CODE_EXPLANATION, normalizeBallotCode } from '../../../services/votes/common';
import { BALLOT_CODE_PATTERN } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type Outcome = '' | 'counted' | 'uncounted' | 'not_found' | 'sealed';

const OUTCOMES: Record<Exclude<Outcome, ''>, { theme: string; title: string; text: string }> = {
  counted: { theme: 'success', title: '您的选票已计入', text: '该票码对应的选票已计入本次表决结果。' },
  uncounted: {
    theme: 'warning',
    title: '选票在票箱中，但未计入统计',
    text: '请联系本次表决的监票人核实。',
  },
  not_found: {
    theme: 'error',
    title: '未找到该票码',
    text: '请核对输入是否与投票后显示的票码一致。票码为 8 位，不含数字 0、1 和字母 O、I。',
  },
  sealed: { theme: 'default', title: '结果尚未公布', text: '表决结束并当场计票后，才能核对票码。' },
};

definePage<{ voteId: string }>()({
  data: {
    code: '',
    codeError: '',
    checking: false,
    outcome: '' as Outcome,
    result: { theme: '', title: '', text: '' },
    explanation: BALLOT_CODE_EXPLANATION,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.voteId = query.voteId ?? '';
    },
    onCodeChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ code: e.detail.value, codeError: '', outcome: '' });
    },
    async verify() {
      if (this.data.checking) return;
      const code = normalizeBallotCode(this.data.code);
      if (!code) return this.setData({ codeError: '请输入投票后显示的票码' });
      if (!BALLOT_CODE_PATTERN.test(code)) {
        return this.setData({ codeError: '票码应为 8 位字母或数字（不含 0、1、O、I）' });
      }
      if (!this.voteId) return this.setData({ codeError: '缺少表决编号，请从表决结果页进入' });
      this.setData({ checking: true, outcome: '' });
      const res = await call('votes.verifyBallot', { voteId: this.voteId, code });
      this.setData({ checking: false });
      if (!res.ok) {
        if (res.error.code === 'RESULTS_SEALED') return this.show('sealed');
        const fields = showError(res.error, ['code'] as const);
        if (fields.code) this.setData({ codeError: fields.code });
        return;
      }
      this.show(res.data.counted ? 'counted' : res.data.found ? 'uncounted' : 'not_found');
    },
    show(outcome: Exclude<Outcome, ''>) {
      this.setData({ outcome, result: OUTCOMES[outcome] });
    },
  },
});
