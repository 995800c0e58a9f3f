/**
 * 表决准备 (secretaries, a vote not yet open): what will be on the ballot, the unit's members (the roster is
 * frozen from them at open, by who has a vote for this kind), the 监票人 and 计票人 the meeting approved (F3),
 * members left out of 应到 with the higher organisation's approval and the meeting's agreement (A15), then 开始表决.
 */
import type { ExclusionReason, VoteView } from '../../../../typings/actions/votes';
import type { ApiError } from '../../../../typings/errors';
import { replace } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { fetchUnitMembers, type PersonOptionVM, toPersonOption } from '../../../services/votes/create';
import { toVoteDetailVM, type VoteDetailVM } from '../../../services/votes/detail';
import {
  APPROVAL_REF_MAX,
  APPROVAL_REF_MIN,
  EXCLUSION_REASON_LABELS,
  EXCLUSION_REASONS,
  VOTE_REASON_MAX as REASON_MAX,
  VOTE_REASON_MIN as REASON_MIN,
} from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'forbidden' | 'error';
type Picker = '' | 'scrutineers' | 'tellers' | 'excludedPerson' | 'reason';

interface ExclusionVM {
  personId: string;
  name: string;
  reason: ExclusionReason;
  reasonLabel: string;
  higherApproval: string;
  note: string;
}

const EMPTY_DRAFT = {
  open: false,
  personId: '',
  name: '',
  reason: '' as ExclusionReason | '',
  reasonLabel: '',
  higherApproval: '',
  note: '',
  meetingAgreed: false,
  error: '',
};

definePage<{ voteId: string; members: PersonOptionVM[] }>()({
  data: {
    state: 'loading' as State,
    message: '',
    vote: null as VoteDetailVM | null,
    candidates: [] as { id: string; name: string }[],
    memberCount: 0,
    members: [] as PersonOptionVM[],
    membersOpen: false,
    scrutineerIds: [] as string[],
    scrutineerNames: '',
    tellerIds: [] as string[],
    tellerNames: '',
    officialsError: '',
    exclusions: [] as ExclusionVM[],
    draft: { ...EMPTY_DRAFT },
    reasons: EXCLUSION_REASONS.map((r) => ({ label: EXCLUSION_REASON_LABELS[r], value: r })),
    picker: '' as Picker,
    people: [] as PersonOptionVM[],
    pickerSelected: [] as string[],
    confirmVisible: false,
    confirmBtn: { content: '开始表决', variant: 'base', theme: 'primary' },
    opening: false,
    cancel: { visible: false, error: '', busy: false },
    reasonMax: REASON_MAX,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.voteId = query.voteId ?? '';
      this.members = [];
      this.load();
    },
    async load() {
      if (!this.voteId) {
        this.setData({ state: 'error', message: '缺少表决编号，请从「票决管理」进入' });
        return;
      }
      this.setData({ state: 'loading' });
      const res = await call('votes.get', { voteId: this.voteId });
      if (!res.ok) return this.onLoadError(res.error);
      const v = res.data;
      if (!v.canManage) {
        this.setData({ state: 'forbidden', message: '您没有管理这次表决的权限' });
        return;
      }
      if (this.leaveIfStarted(v)) return;
      const members = await fetchUnitMembers(v.unitId);
      if (!members.ok) return this.onLoadError(members.error);
      this.members = members.data.map(toPersonOption);
      this.setData({
        state: 'ready',
        vote: toVoteDetailVM(v),
        candidates: v.candidates.map((c) => ({ id: c.id, name: c.name })),
        memberCount: this.members.length,
        members: this.members,
      });
    },
    /** An open or closed vote is past preparation: go where it is. */
    leaveIfStarted(v: Pick<VoteView, 'state'>): boolean {
      if (v.state === 'open') replace('votePresence', { voteId: this.voteId });
      else if (v.state === 'closed' || v.state === 'cancelled') replace('voteResult', { voteId: this.voteId });
      else return false;
      return true;
    },
    onLoadError(error: ApiError) {
      if (error.code === 'FORBIDDEN' || error.code === 'OUT_OF_SCOPE') {
        this.setData({ state: 'forbidden', message: '您没有管理这次表决的权限' });
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
    },
    toggleMembers() {
      this.setData({ membersOpen: !this.data.membersOpen });
    },

    openPicker(e: WechatMiniprogram.TouchEvent<Record<string, never>, { picker: Picker }>) {
      const picker = e.currentTarget.dataset.picker;
      const selected =
        picker === 'scrutineers'
          ? this.data.scrutineerIds
          : picker === 'tellers'
            ? this.data.tellerIds
            : picker === 'excludedPerson' && this.data.draft.personId
              ? [this.data.draft.personId]
              : [];
      this.setData({ picker, people: this.members, pickerSelected: selected });
    },
    closePicker() {
      this.setData({ picker: '' });
    },
    namesOf(ids: string[]): string {
      return ids.map((id) => this.members.find((m) => m.id === id)?.name ?? id).join('、');
    },
    onPeopleConfirm(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      const ids = e.detail.ids;
      const picker = this.data.picker;
      this.setData({ picker: '' });
      if (picker === 'scrutineers') {
        this.setData({ scrutineerIds: ids, scrutineerNames: this.namesOf(ids), officialsError: '' });
      } else if (picker === 'tellers') {
        this.setData({ tellerIds: ids, tellerNames: this.namesOf(ids), officialsError: '' });
      } else if (picker === 'excludedPerson') {
        this.setData({
          'draft.personId': ids[0] ?? '',
          'draft.name': this.namesOf(ids.slice(0, 1)),
          'draft.error': '',
        });
      }
    },
    onReasonConfirm(e: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const reason = e.detail.value[0] as ExclusionReason;
      this.setData({
        picker: '',
        'draft.reason': reason,
        'draft.reasonLabel': EXCLUSION_REASON_LABELS[reason] ?? '',
        'draft.error': '',
      });
    },

    startExclusion() {
      this.setData({ draft: { ...EMPTY_DRAFT, open: true } });
    },
    cancelExclusion() {
      this.setData({ draft: { ...EMPTY_DRAFT } });
    },
    onApprovalChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'draft.higherApproval': e.detail.value, 'draft.error': '' });
    },
    onNoteChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'draft.note': e.detail.value });
    },
    toggleAgreed() {
      this.setData({ 'draft.meetingAgreed': !this.data.draft.meetingAgreed, 'draft.error': '' });
    },
    addExclusion() {
      const d = this.data.draft;
      const approval = d.higherApproval.trim();
      let error = '';
      if (!d.personId) error = '请选择人员';
      else if (this.data.exclusions.some((x) => x.personId === d.personId)) error = '该人员已在名单中';
      else if (!d.reason) error = '请选择不计入应到的情形';
      else if (approval.length < APPROVAL_REF_MIN || approval.length > APPROVAL_REF_MAX)
        error = '请填写上级组织批准的文号或记录';
      else if (!d.meetingAgreed) error = '不计入应到人数须经会议同意';
      if (error) return this.setData({ 'draft.error': error });
      const item: ExclusionVM = {
        personId: d.personId,
        name: d.name,
        reason: d.reason as ExclusionReason,
        reasonLabel: d.reasonLabel,
        higherApproval: approval,
        note: d.note.trim(),
      };
      this.setData({ exclusions: [...this.data.exclusions, item], draft: { ...EMPTY_DRAFT } });
    },
    removeExclusion(e: WechatMiniprogram.TouchEvent<Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ exclusions: this.data.exclusions.filter((x) => x.personId !== id) });
    },

    askOpen() {
      if (!this.data.scrutineerIds.length || !this.data.tellerIds.length) {
        this.setData({ officialsError: '请指定经会议通过的监票人和计票人' });
        return;
      }
      this.setData({ confirmVisible: true });
    },
    cancelOpen() {
      this.setData({ confirmVisible: false });
    },
    async confirmOpen() {
      if (this.data.opening) return;
      this.setData({ opening: true });
      const res = await call('votes.open', {
        voteId: this.voteId,
        scrutineerIds: this.data.scrutineerIds,
        tellerIds: this.data.tellerIds,
        exclusions: this.data.exclusions.map((x) => ({
          personId: x.personId,
          reason: x.reason,
          higherApproval: x.higherApproval,
          meetingAgreed: true as const,
          ...(x.note ? { note: x.note } : {}),
        })),
      });
      this.setData({ opening: false, confirmVisible: false });
      if (res.ok) {
        toast(`表决已开始，应到 ${res.data.expected} 人`);
        replace('votePresence', { voteId: this.voteId });
        return;
      }
      const { error } = res;
      if (error.code === 'VOTE_ALREADY_OPEN') {
        toast(error.message);
        replace('votePresence', { voteId: this.voteId });
      } else if (error.code === 'VOTE_CLOSED') {
        toast(error.message);
        replace('voteResult', { voteId: this.voteId });
      } else {
        const fields = showError(error, ['scrutineerIds', 'tellerIds'] as const);
        const officials = fields.scrutineerIds ?? fields.tellerIds;
        if (officials) this.setData({ officialsError: officials });
      }
    },
    askCancel() {
      this.setData({ cancel: { visible: true, error: '', busy: false } });
    },
    closeCancel() {
      this.setData({ 'cancel.visible': false });
    },
    onCancelReasonChange() {
      if (this.data.cancel.error) this.setData({ 'cancel.error': '' });
    },
    async confirmCancel(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const reason = e.detail.reason;
      if (reason.length < REASON_MIN) return this.setData({ 'cancel.error': '请写明取消的理由' });
      this.setData({ 'cancel.busy': true });
      const res = await call('votes.cancel', { voteId: this.voteId, reason });
      this.setData({ 'cancel.busy': false });
      if (res.ok) {
        this.setData({ 'cancel.visible': false });
        toast('表决已取消');
        wx.navigateBack({ delta: 1 });
        return;
      }
      const fields = showError(res.error, ['reason'] as const);
      if (fields.reason) this.setData({ 'cancel.error': fields.reason });
      else this.setData({ 'cancel.visible': false });
    },
    onStatusAction() {
      this.load();
    },
  },
});
