/**
 * What every 票决 page shares: state tag colours, the words for the method and for an unverified rule version,
 * and how a ballot code is written and read. Times arrive as ISO-8601 (+08:00), the meeting date as YYYY-MM-DD;
 * people read them in Asia/Shanghai.
 *
 * Secrecy: nothing in services/votes ever puts a voter next to a choice. The ballot page keeps the voter's own
 * marks on the page until they are cast; the presence view has turnout only; the resolution has aggregates only.
 */
import type { VoteState } from '../../typings/vocabulary';
import type { TagTheme } from '../tag';

export type { TagTheme };

export const STATE_THEMES: Record<VoteState, TagTheme> = {
  draft: 'warning',
  open: 'primary',
  closed: 'default',
  cancelled: 'default',
};

/** 无记名投票 / 记名投票, as the resolution writes it (F1, F4). */
export function methodLabel(secret: boolean): string {
  return secret ? '无记名投票' : '记名投票';
}

/** Shown wherever a vote runs under a rule version whose primary text is not yet verified. */
export const UNVERIFIED_RULE_WARNING = '该版本细则的原文尚未核实，表决结果请以上级组织认定为准';

/** Told to every voter on the success screen and the 核对票码 page. */
export const BALLOT_CODE_EXPLANATION = '凭票码可在结果公布后核对您的选票已被计入，票码不显示您的选择';

/** `K7Q2M9XP` -> `K7Q2 M9XP`: two groups of four read aloud more easily. */
export function formatBallotCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** What a person types as a code: spaces and case do not matter. */
export function normalizeBallotCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
