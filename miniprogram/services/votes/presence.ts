/** 会场签到 for the secretary: who is here and how many ballots are in, never what anyone marked. */
import type { PresenceView } from '../../../typings/actions/votes';
import { formatDateTime } from '../format';

export interface PersonRowVM {
  id: string;
  name: string;
  note: string;
}

export interface PresenceVM {
  expected: number;
  present: number;
  ballotsIssued: number;
  ballotsReturned: number;
  quorumNeeded: number;
  quorumHolds: boolean;
  quorumText: string;
  checkedIn: PersonRowVM[];
  absent: PersonRowVM[];
  written: PersonRowVM[];
  excluded: PersonRowVM[];
}

/**
 * The quorum indicator aims at the view's `quorumNeeded`, which the server derives from the vote's own rules (its
 * kind, version and the school's settings it was created under); the close counts again from the same rules.
 */
export function toPresenceVM(p: PresenceView): PresenceVM {
  const needed = p.quorumNeeded;
  const holds = p.present >= needed;
  return {
    expected: p.expected,
    present: p.present,
    ballotsIssued: p.ballotsIssued,
    ballotsReturned: p.ballotsReturned,
    quorumNeeded: needed,
    quorumHolds: holds,
    quorumText: holds
      ? `已达到法定人数（至少 ${needed} 人）`
      : `还差 ${needed - p.present} 人达到法定人数（至少 ${needed} 人）`,
    checkedIn: p.checkedIn.map((c) => ({ id: c.id, name: c.name, note: `${formatDateTime(c.at).slice(11)} 签到` })),
    // An absent member's written opinion counts (A14) but does not make them present.
    absent: p.absent.map((a) => ({
      id: a.id,
      name: a.name,
      note: p.writtenOpinions.some((w) => w.voterId === a.id) ? '已交书面意见，到会签到后以现场投票为准' : '',
    })),
    written: p.writtenOpinions.map((w) => ({
      id: w.voterId,
      name: w.name,
      note: `${formatDateTime(w.submittedAt)} 提交`,
    })),
    excluded: p.excluded.map((e) => ({ id: e.id, name: e.name, note: e.reasonLabel })),
  };
}

/** The meeting screen's rotating QR code (votes.checkInToken) as the presence page shows it. */
export interface CheckInCodeVM {
  token: string;
  hint: string;
  refreshInMs: number;
}

export function toCheckInCodeVM(t: { token: string; refreshInMs: number; slotMs: number }): CheckInCodeVM {
  return {
    token: t.token,
    hint: `签到二维码每 ${Math.round(t.slotMs / 1000)} 秒自动更换，转发的截图很快失效。请参会人员在「我的票决」中打开本次表决，扫码签到后投票。`,
    refreshInMs: t.refreshInMs,
  };
}
