/** 表决规则设置 (the committees and the school administrator): the shares a school may pick, the edit form. */
import type { Ratio, RuleOverridesInput, RuleSettingView, ShareChoiceView } from '../../../typings/actions/votes';
import type { VoteKind } from '../../typings/vocabulary';

/** A share a school may pick, as the picker shows it. */
export interface ShareOption {
  value: string;
  label: string;
}

export const ratioKey = (r: Ratio): string => `${r.num}/${r.den}`;

export function parseRatioKey(key: string): Ratio {
  const [num, den] = key.split('/').map(Number);
  return { num, den };
}

/** The shares the server offers for a threshold (RuleSettingView.choices: the national value, then stricter ones). */
export function shareOptions(choices: readonly ShareChoiceView[]): ShareOption[] {
  return choices.map((c) => ({ value: ratioKey(c.ratio), label: c.label }));
}

export interface RuleSettingVM {
  kind: VoteKind;
  kindLabel: string;
  requirementsText: string;
  customised: boolean;
}

export function toRuleSettingVM(s: RuleSettingView): RuleSettingVM {
  return {
    kind: s.kind,
    kindLabel: s.kindLabel,
    requirementsText: s.requirements.join('；'),
    customised: Object.keys(s.overrides).length > 0,
  };
}

/** The edit form of one kind: the shares as picker values, the quota as a whole percentage ('' = national). */
export interface RuleFormVM {
  kind: VoteKind;
  kindLabel: string;
  quorum: string;
  quorumOptions: ShareOption[];
  pass: string;
  passOptions: ShareOption[];
  /** Which quota the kind has: 推优 recommends at most a share of members; evaluations grade at most a share 优秀. */
  quotaKind: 'recommendQuota' | 'excellentQuota' | null;
  quotaLabel: string;
  quotaNational: string;
  quotaPercent: string;
}

export function toRuleFormVM(s: RuleSettingView): RuleFormVM {
  const quotaKind = s.national.recommendQuota ? 'recommendQuota' : s.national.excellentQuota ? 'excellentQuota' : null;
  const nationalQuota = quotaKind ? s.national[quotaKind] : null;
  const setQuota = quotaKind ? s.overrides[quotaKind] : null;
  const percent = (r: Ratio) => String(Math.round((r.num * 100) / r.den));
  return {
    kind: s.kind,
    kindLabel: s.kindLabel,
    quorum: ratioKey(s.overrides.quorum ?? s.national.quorum),
    quorumOptions: shareOptions(s.choices.quorum),
    pass: s.national.pass ? ratioKey(s.overrides.pass ?? s.national.pass) : '',
    passOptions: shareOptions(s.choices.pass),
    quotaKind,
    quotaLabel: quotaKind === 'recommendQuota' ? '推荐上限' : '优秀上限',
    quotaNational: nationalQuota ? `全国默认 ${percent(nationalQuota)}%` : '',
    quotaPercent: setQuota ? percent(setQuota) : '',
  };
}

/**
 * What the form asks the server to store: only what differs from the national value, so "全国默认" everywhere is
 * `{}`. Other settings the school made for this kind (minVoters …) are kept as they were.
 */
export function overridesFromForm(form: RuleFormVM, s: RuleSettingView): RuleOverridesInput {
  const out: RuleOverridesInput = { ...s.overrides };
  delete out.quorum;
  delete out.pass;
  if (form.quorum !== ratioKey(s.national.quorum)) out.quorum = parseRatioKey(form.quorum);
  if (s.national.pass && form.pass && form.pass !== ratioKey(s.national.pass)) out.pass = parseRatioKey(form.pass);
  if (form.quotaKind) {
    delete out[form.quotaKind];
    const p = form.quotaPercent.trim();
    if (p) out[form.quotaKind] = { num: Number(p), den: 100 };
  }
  return out;
}
