/** View models for "who am I": the 我的 and 首页 pages render these, never the raw MeView. */
import type { MeView, PositionView } from '../../typings/actions';
import type { PoliticalStatus } from '../../typings/domain';
import { formatDateTime, formatYearMonth } from './format';

/** Where the person stands with real-name binding. */
export type BindingStage = 'unbound' | 'pending' | 'rejected' | 'bound';

export interface PositionVM {
  id: string;
  roleLabel: string;
  unitName: string;
  since: string;
}

export interface MeVM {
  stage: BindingStage;
  person: {
    name: string;
    studentNo: string;
    collegeName: string;
    statusLabel: string;
    /** Tag theme: party members carry the brand color, everyone else a neutral tag. */
    statusTheme: 'primary' | 'default';
  } | null;
  positions: PositionVM[];
  /** My organisations besides the college: home branches, associations, their temporary branches. */
  units: { id: string; name: string; kindLabel: string }[];
  /** When the pending or rejected application was submitted, formatted; '' otherwise. */
  submittedAt: string;
  /** The reviewer's reason for a rejection; '' when none was given. */
  rejectReason: string;
  /** Shows the 绑定审核 entry. A hint for the UI only: the server checks the permission on every call. */
  canReview: boolean;
  /** Shows the 公示管理 entry (same caveat). */
  canManageNotices: boolean;
  /** Shows the 票决管理 entry (same caveat). */
  canManageVotes: boolean;
  /** Shows the 新生信息库 entry: the server names the colleges whose freshmen the person keeps (same caveat). */
  canKeepFreshmen: boolean;
  /** Shows the 表决规则设置 entry: the committees and the school administrator (same caveat). */
  canConfigureRules: boolean;
  /** Shows the 临时支部考察 entry: the server names the temporary branches whose officer the person is (same caveat). */
  canAssessFrom: boolean;
}

const PARTY_STATUSES: readonly PoliticalStatus[] = ['probationary_member', 'full_member'];

/** The server says which permissions the user holds; the entry is a hint only (every call is checked again). */
export function canReviewBindings(me: MeView): boolean {
  return me.capabilities.includes('binding.approve');
}

export function canManageNotices(me: MeView): boolean {
  return me.capabilities.includes('notice.manage');
}

export function canManageVotes(me: MeView): boolean {
  return me.capabilities.includes('vote.manage');
}

export function bindingStage(me: MeView): BindingStage {
  if (me.bound) return 'bound';
  if (me.binding?.state === 'pending') return 'pending';
  // A revoked binding is answered like a rejection: the person sees the reason and may apply again.
  if (me.binding?.state === 'rejected' || me.binding?.state === 'revoked') return 'rejected';
  return 'unbound';
}

export function toPositionVM(p: PositionView): PositionVM {
  return { id: p.id, roleLabel: p.roleLabel, unitName: p.unitName, since: `${formatYearMonth(p.start)}起` };
}

export function toMeVM(me: MeView): MeVM {
  const stage = bindingStage(me);
  const person = me.bound && me.person ? me.person : null;
  return {
    stage,
    person: person && {
      name: person.name,
      studentNo: person.studentNo,
      collegeName: person.collegeName,
      statusLabel: person.statusLabel,
      statusTheme: PARTY_STATUSES.includes(person.status) ? 'primary' : 'default',
    },
    positions: me.positions.map(toPositionVM),
    units: me.units.map((u) => ({ id: u.id, name: u.name, kindLabel: u.kindLabel })),
    submittedAt: me.binding && stage !== 'bound' ? formatDateTime(me.binding.submittedAt) : '',
    rejectReason: stage === 'rejected' ? (me.binding?.reason ?? '') : '',
    canReview: canReviewBindings(me),
    canManageNotices: canManageNotices(me),
    canManageVotes: canManageVotes(me),
    canConfigureRules: me.capabilities.includes('rules.configure'),
    canKeepFreshmen: (me.manages?.freshmen ?? []).length > 0,
    canAssessFrom: (me.manages?.assessFrom ?? []).length > 0,
  };
}

/** Short label of the binding stage, for a cell note. */
export const STAGE_LABELS: Record<BindingStage, string> = {
  unbound: '未绑定',
  pending: '审核中',
  rejected: '已驳回',
  bound: '已绑定',
};

export interface HomeVM {
  greeting: string;
  stage: BindingStage;
  stageLabel: string;
  /** The unbound/pending/rejected prompt above the shortcuts; '' when bound. */
  prompt: string;
  promptAction: string;
  canReview: boolean;
  canManageVotes: boolean;
  /** Shows 备案确认 and 留党察看与出生日期: the server names the committees where the person keeps them (a hint only). */
  partyCommittee: string;
  /** Shows the 临时支部考察 shortcut to a temporary branch's officers (MeView.manages.assessFrom; a hint only). */
  canAssessFrom: boolean;
}

const PROMPTS: Record<BindingStage, { prompt: string; action: string }> = {
  unbound: { prompt: '您还没有实名绑定。绑定学号并经学院审核后，才能使用各项功能。', action: '去实名绑定' },
  pending: { prompt: '实名绑定申请已提交，正在等待学院审核。', action: '' },
  rejected: { prompt: '实名绑定申请未通过，请查看驳回理由并重新提交。', action: '查看并重新提交' },
  bound: { prompt: '', action: '' },
};

export function toHomeVM(me: MeView): HomeVM {
  const stage = bindingStage(me);
  const name = me.bound && me.person ? me.person.name : '';
  return {
    greeting: name ? `您好，${name}` : '欢迎使用领雁',
    stage,
    stageLabel: STAGE_LABELS[stage],
    prompt: PROMPTS[stage].prompt,
    promptAction: PROMPTS[stage].action,
    canReview: canReviewBindings(me),
    canManageVotes: canManageVotes(me),
    partyCommittee: (me.manages?.partyCommittee ?? []).map((u) => u.name).join('、'),
    canAssessFrom: (me.manages?.assessFrom ?? []).length > 0,
  };
}
