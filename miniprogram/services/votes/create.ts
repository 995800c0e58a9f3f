/**
 * 发起表决 and the roster at open (准备开会): the units and kinds on offer, a title to start from, the meeting time,
 * and the unit's members as candidates or officials.
 */
import type { MeView } from '../../../typings/actions';
import type { ManagedUnitsView, PersonView } from '../../../typings/actions/org';
import type { ApiError, Result } from '../../../typings/errors';
import {
  type PoliticalStatus,
  VOTE_KIND_FORM,
  VOTE_KIND_LABELS,
  VOTE_KIND_PICKER_ORDER,
  type VoteKind,
} from '../../typings/vocabulary';
import { call } from '../api';
import { errorText } from '../errors';
import { shanghaiToday } from '../format';
import type { PickerOption } from '../org';

/**
 * The units where the person may run votes, as me.get names them (MeView.manages.votes: the server's own scope
 * and the kinds each unit may hold). A hint for the picker only: votes.create checks the unit again.
 */
export function voteUnitOptions(manages: Pick<ManagedUnitsView, 'votes'>): PickerOption[] {
  return manages.votes.map((u) => ({ label: u.name, value: u.id }));
}

/**
 * The signed-in person and the units they may run votes in (voteUnitOptions), for 发起表决 and 表决管理; on a failed
 * me.get the page shows the error and this returns null. Each page decides for itself who is turned away.
 */
export async function loadVoteUnits(page: {
  setData(data: Record<string, unknown>): void;
}): Promise<{ me: MeView; units: PickerOption[] } | null> {
  page.setData({ state: 'loading' });
  const me = await call('me.get', {});
  if (!me.ok) {
    page.setData({ state: 'error', message: errorText(me.error) });
    return null;
  }
  return { me: me.data, units: voteUnitOptions(me.data.manages) };
}

/** The kinds a unit may hold (VoteUnitView.voteKinds, from the server's rules), in the picker's order. */
export function kindOptions(held: readonly VoteKind[]): PickerOption[] {
  return VOTE_KIND_PICKER_ORDER.filter((k) => held.includes(k)).map((k) => ({ label: VOTE_KIND_LABELS[k], value: k }));
}

/** A title to start from: `接收预备党员表决：冯晨、彭悦`, shortened to `…：冯晨等 5 人` past the contract's 60 characters. */
export function suggestedTitle(kind: VoteKind, names: readonly string[]): string {
  const base = `${VOTE_KIND_LABELS[kind]}表决`;
  if (!VOTE_KIND_FORM[kind].candidates || names.length === 0) return base;
  const full = `${base}：${names.join('、')}`;
  return full.length <= 60 ? full : `${base}：${names[0]}等 ${names.length} 人`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The meeting dates offered: today and the next `days - 1` days, `11月25日 周二`. */
export function meetingDateOptions(now: number = Date.now(), days = 60): PickerOption[] {
  const today = shanghaiToday(now);
  const start = Date.parse(`${today}T00:00:00Z`);
  const out: PickerOption[] = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(start + i * 86_400_000);
    const value = d.toISOString().slice(0, 10);
    const label = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]}${i === 0 ? '（今天）' : ''}`;
    out.push({ label, value });
  }
  return out;
}

/** Meeting times on the half hour, 07:00–22:30. */
export function meetingTimeOptions(): PickerOption[] {
  const out: PickerOption[] = [];
  for (let h = 7; h <= 22; h++) {
    for (const m of ['00', '30']) {
      const t = `${String(h).padStart(2, '0')}:${m}`;
      out.push({ label: t, value: t });
    }
  }
  return out;
}

/** `2025-11-20` + `14:30` -> `2025-11-20T14:30:00+08:00`: the meeting is in Beijing time whatever the phone says. */
export function scheduledIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

export interface PersonOptionVM {
  id: string;
  name: string;
  note: string;
}

export function toPersonOption(p: PersonView): PersonOptionVM {
  return { id: p.id, name: p.name, note: p.statusLabel };
}

/**
 * Who usually stands in each kind of vote (发展对象 for acceptance, 预备党员 for conversion ...): they are listed
 * first in the candidate picker. An ordering hint only; who is eligible is checked on the server.
 */
const LIKELY_CANDIDATES: Partial<Record<VoteKind, readonly PoliticalStatus[]>> = {
  acceptance: ['development_candidate'],
  conversion: ['probationary_member'],
  extension: ['probationary_member'],
  cancellation: ['probationary_member'],
  tuiyou: ['league_member', 'party_applicant', 'activist'],
  activist_determination: ['party_applicant'],
  development_candidate_determination: ['activist'],
};

/** The unit's members for the candidate picker: the kind's usual candidates first, otherwise in the server's order. */
export function candidateOptions(kind: VoteKind | '', members: readonly PersonView[]): PersonOptionVM[] {
  const likely = (kind && LIKELY_CANDIDATES[kind]) || [];
  const usual = (m: PersonView) => m.status !== null && likely.includes(m.status);
  const first = members.filter(usual);
  const rest = members.filter((m) => !usual(m));
  return [...first, ...rest].map(toPersonOption);
}

const MEMBER_PAGE_SIZE = 50;
const MEMBER_PAGES_MAX = 10;

/** Every member of a unit (people.list, page by page; a branch is far below the 500 this stops at). */
export async function fetchUnitMembers(unitId: string): Promise<Result<PersonView[]>> {
  const out: PersonView[] = [];
  for (let page = 1; page <= MEMBER_PAGES_MAX; page++) {
    const res = await call('people.list', { unitId, page, pageSize: MEMBER_PAGE_SIZE });
    if (!res.ok) return { ok: false, error: res.error as ApiError };
    out.push(...res.data.items);
    if (!res.data.hasMore) break;
  }
  return { ok: true, data: out };
}
