/**
 * 授予荣誉 (officers of an awarding unit, `unitId`): a title from the unit's own list, the 评优 vote and the 公示 the
 * title needs, the recipient (for a vote title: one the vote elected), the term and the citation. The server is the
 * gate: when the vote or the 公示 is missing or failed, its answer names each and the page shows both beside their
 * sections. On success the new certificate opens.
 */
import type { AwardOptionsView, TitleView } from '../../../../typings/actions';
import { replace } from '../../../routes';
import { errorText, showError, toast } from '../../../services/errors';
import {
  awardHonor,
  loadAwardOptions,
  loadUnitPeople,
  type RecipientChoiceVM,
  recipientChoices,
  recipientOf,
  type TitleChoiceVM,
  toTitleChoiceVM,
} from '../../../services/honors';
import { HONOR_LIMITS } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type Field = 'title' | 'recipient' | 'vote' | 'publicity' | 'term' | 'citation';
const FIELDS: readonly Field[] = ['title', 'recipient', 'vote', 'publicity', 'term', 'citation'];

interface VoteChoiceVM {
  id: string;
  title: string;
  line: string;
}

interface NoticeChoiceVM {
  id: string;
  title: string;
  state: string;
}

definePage<{
  unitId: string;
  options: AwardOptionsView | null;
  people: { id: string; name: string }[] | null;
}>()({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'empty' | 'error',
    errorMessage: '',
    unitName: '',
    titles: [] as TitleChoiceVM[],
    titleIndex: -1,
    needsVote: false,
    needsPublicity: false,
    votes: [] as VoteChoiceVM[],
    notices: [] as NoticeChoiceVM[],
    voteId: '',
    noticeId: '',
    recipients: [] as RecipientChoiceVM[],
    recipientHint: '',
    recipientKey: '',
    term: '',
    citation: '',
    errors: {} as Partial<Record<Field, string>>,
    /** The server's gate answer after a refused award: what of the vote and the 公示 is missing or failed. */
    gate: null as { vote: string; publicity: string } | null,
    submitting: false,
    limits: HONOR_LIMITS,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.unitId = query.unitId ?? '';
      this.options = null;
      this.people = null;
      this.load();
    },
    async load() {
      if (!this.unitId) return this.setData({ state: 'error', errorMessage: '缺少授予单位' });
      this.setData({ state: 'loading' });
      const res = await loadAwardOptions(this.unitId);
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.options = res.data;
      this.setData({
        state: res.data.titles.length ? 'ready' : 'empty',
        unitName: res.data.unitName,
        titles: res.data.titles.map(toTitleChoiceVM),
        votes: res.data.votes.map((v) => ({
          id: v.id,
          title: v.title,
          line: `${v.unitName} · ${v.closedOn} 结束 · 当选 ${v.elected.map((e) => e.name).join('、') || '无'}`,
        })),
        notices: res.data.notices.map((n) => ({
          id: n.id,
          title: n.title,
          state: n.stateLabel,
        })),
      });
    },
    title(): TitleView | null {
      return this.options?.titles[this.data.titleIndex] ?? null;
    },
    /** Recomputes whom the title may go to; keeps the chosen recipient when still offered. */
    async refreshRecipients() {
      const title = this.title();
      const options = this.options;
      if (!title || !options) return;
      if (title.recipients.includes('person') && !title.needsVote && !title.needsPublicity && !this.people) {
        const res = await loadUnitPeople(this.unitId);
        this.people = res.ok ? res.data.items.map((p) => ({ id: p.id, name: p.name })) : [];
      }
      const recipients = recipientChoices(
        title,
        options,
        { voteId: this.data.voteId, noticeId: this.data.noticeId },
        this.people ?? [],
      );
      const hint =
        recipients.length > 0
          ? ''
          : title.needsVote && !this.data.voteId
            ? '请先选择评优表决，获奖者从当选者中选择'
            : title.needsPublicity && !title.needsVote && !this.data.noticeId
              ? '请先选择公示，获奖者从公示对象中选择'
              : '没有可授予的对象';
      const keep = recipients.some((r) => r.key === this.data.recipientKey);
      this.setData({ recipients, recipientHint: hint, recipientKey: keep ? this.data.recipientKey : '' });
    },
    chooseTitle(e: WechatMiniprogram.BaseEvent<Record<string, never>, { index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const t = this.options?.titles[index];
      if (!t) return;
      this.setData({
        titleIndex: index,
        needsVote: t.needsVote,
        needsPublicity: t.needsPublicity,
        voteId: t.needsVote ? this.data.voteId : '',
        noticeId: t.needsPublicity ? this.data.noticeId : '',
        gate: null,
        errors: {},
      });
      return this.refreshRecipients();
    },
    chooseVote(e: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ voteId: this.data.voteId === id ? '' : id, 'errors.vote': '', gate: null });
      return this.refreshRecipients();
    },
    chooseNotice(e: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ noticeId: this.data.noticeId === id ? '' : id, 'errors.publicity': '', gate: null });
      return this.refreshRecipients();
    },
    chooseRecipient(e: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string }>) {
      this.setData({ recipientKey: e.currentTarget.dataset.key, 'errors.recipient': '' });
    },
    onTerm(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ term: e.detail.value, 'errors.term': '' });
    },
    onCitation(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ citation: e.detail.value, 'errors.citation': '' });
    },
    async submit() {
      if (this.data.submitting) return;
      const title = this.title();
      if (!title) return this.setData({ 'errors.title': '请选择荣誉称号' });
      if (!this.data.recipientKey) return this.setData({ 'errors.recipient': '请选择获奖对象' });
      this.setData({ submitting: true, gate: null });
      const res = await awardHonor({
        unitId: this.unitId,
        title: title.title,
        recipient: recipientOf(this.data.recipientKey),
        term: this.data.term,
        citation: this.data.citation,
        ...(this.data.voteId ? { voteId: this.data.voteId } : {}),
        ...(this.data.noticeId ? { noticeId: this.data.noticeId } : {}),
      });
      this.setData({ submitting: false });
      if (!res.ok) {
        const errors = showError(res.error, FIELDS, {
          TITLE_NOT_ENTITLED: 'title',
          RECIPIENT_KIND_INVALID: 'recipient',
          HONOR_DUPLICATE: 'recipient',
          CONTENT_REJECTED: 'citation',
        });
        const gated = res.error.code.startsWith('HONOR_VOTE_') || res.error.code.startsWith('HONOR_PUBLICITY_');
        return this.setData({
          errors,
          gate: gated ? { vote: errors.vote ?? '', publicity: errors.publicity ?? '' } : null,
        });
      }
      toast('已授予');
      replace('honorVerify', { no: res.data.certificateNo });
    },
  },
});
