/** The reminder phases of a due day: overdue after it, due soon from three days before, nothing earlier. */
import { reminderId, reminderPhase } from '../../../server/domain/pipeline/reminders';

describe('a deadline reminder', () => {
  it('is due soon from three days before the due day, through the due day itself', () => {
    expect(reminderPhase('2026-11-10', '2026-11-06')).toBeNull();
    expect(reminderPhase('2026-11-10', '2026-11-07')).toBe('soon');
    expect(reminderPhase('2026-11-10', '2026-11-10')).toBe('soon');
  });

  it('is overdue the day after, and there is none without a due day', () => {
    expect(reminderPhase('2026-11-10', '2026-11-11')).toBe('overdue');
    expect(reminderPhase(null, '2026-11-11')).toBeNull();
  });

  it('is one per person, case, item, due day and phase', () => {
    const a = reminderId('p_1', 'pc_p_2', 'application_talk', '2026-11-10', 'soon');
    expect(reminderId('p_1', 'pc_p_2', 'application_talk', '2026-11-10', 'soon')).toBe(a);
    expect(reminderId('p_1', 'pc_p_2', 'application_talk', '2026-11-10', 'overdue')).not.toBe(a);
    expect(reminderId('p_3', 'pc_p_2', 'application_talk', '2026-11-10', 'soon')).not.toBe(a);
  });
});
