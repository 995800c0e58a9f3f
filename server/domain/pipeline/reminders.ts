/**
 * Deadline reminders of the development pipeline: which phase an item's due day puts it in, and the one reminder a
 * person gets per item and phase. The caller passes `today`; nothing here reads a clock.
 */
import { addDays } from '../time';

/** Items due within this many days are "due soon". */
export const REMINDER_SOON_DAYS = 3;

export type ReminderPhase = 'soon' | 'overdue';

/** 'overdue' after the due day, 'soon' from `REMINDER_SOON_DAYS` before it, otherwise no reminder. */
export function reminderPhase(due: string | null, today: string): ReminderPhase | null {
  if (!due) return null;
  if (due < today) return 'overdue';
  if (due <= addDays(today, REMINDER_SOON_DAYS)) return 'soon';
  return null;
}

/** One reminder per person, case, item, due day and phase: a repeated tick sends nothing twice. */
export function reminderId(personId: string, caseId: string, kind: string, due: string, phase: ReminderPhase): string {
  return `prm_${caseId}_${kind}_${due}_${phase}_${personId}`;
}
