/** The stored shapes of a notice and its objections, as the domain sees them (times are instants; dates are Shanghai). */
import type { NoticeKind, NoticeOutcome, ObjectionOutcome } from '../../../typings/actions/notices';
import type { RuleVersion } from '../../../typings/domain';
import type { PublicityWindow, WindowSpec } from './window';

/** What is stored. A published notice is scheduled, open or closed by the clock: see `effectiveState`. */
export type NoticeStatus = 'draft' | 'published' | 'closed' | 'withdrawn';

export interface NoticeSubject {
  personId: string | null;
  name: string;
}

export interface Notice {
  _id: string;
  /** The responsible unit: its officers manage the notice and handle objections. */
  unitId: string;
  kind: NoticeKind;
  /** The rule set the step is decided under (A0), fixed at creation. */
  ruleVersion: RuleVersion;
  title: string;
  body: string;
  subjects: NoticeSubject[];
  /** Where the notice is posted: members of these units may read it. */
  scopeUnitIds: string[];
  /** The window as drafted; the computed window is frozen into `published` at publication. */
  spec: WindowSpec;
  status: NoticeStatus;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  published: { at: Date; by: string; window: PublicityWindow } | null;
  withdrawn: { at: Date; by: string; reason: string } | null;
  closed: { at: Date; outcome: NoticeOutcome } | null;
}

export interface ObjectionHandling {
  /** 调查核实情况. */
  investigation: string;
  outcome: ObjectionOutcome;
  handledBy: string;
  handledAt: Date;
}

export interface Objection {
  _id: string;
  noticeId: string;
  anonymous: boolean;
  /**
   * Kept even when anonymous, so the objector can follow their own objection; an anonymous objector's identity
   * is never shown to officers and never archived, and never stored with an anonymous objection. Derive nothing
   * stored from it without the server's secret.
   */
  objectorId: string;
  /** Null when anonymous: the name is not stored at all. */
  objectorName: string | null;
  text: string;
  submittedAt: Date;
  handling: ObjectionHandling | null;
}

/** Who is looking. Whether they are a responsible officer of the notice's unit is decided by the permission layer. */
export interface Viewer {
  personId: string | null;
  responsibleOfficer: boolean;
}
