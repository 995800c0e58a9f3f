/** The demo 公示 must show every state whatever day the demo is seeded on, holidays and year ends included. */
import { demoNotices } from '../../../emulator/demo/notices';
import { demoSchool } from '../../../emulator/demo/school';
import { effectiveState } from '../../../server/domain/notices';
import { addDays, startOfShanghaiDay } from '../../../server/domain/time';

const EXPECTED: Record<string, string> = {
  n_demo_draft: 'draft',
  n_demo_open: 'open',
  n_demo_open_objected: 'open',
  n_demo_scheduled: 'scheduled',
  n_demo_closed_clean: 'closed',
  n_demo_closed_handled: 'closed',
  n_demo_closed_pending: 'closed',
  n_demo_withdrawn: 'withdrawn',
};

beforeAll(() => {
  process.env.LINGYAN_OBJECTION_SECRET ??= 'unit-test-objection-secret';
});

/** National Day, the weeks around today, the year end into an unpublished year, and the 2027 Spring Festival. */
const PERIODS: [string, string][] = [
  ['2026-09-20', '2026-10-20'],
  ['2026-11-10', '2026-12-05'],
  ['2026-12-20', '2027-01-10'],
  ['2027-02-01', '2027-02-25'],
];

it('keeps every demo notice in its intended state on any day around holidays, at either end of the day', () => {
  const { units, people } = demoSchool();
  let n = 0;
  for (const [from, to] of PERIODS) {
    for (let day = from; day <= to; day = addDays(day, 1), n++) {
      const hours = n % 2 === 0 ? 0.5 : 23.5;
      const now = new Date(startOfShanghaiDay(day).getTime() + hours * 3600_000);
      const { notices, archives } = demoNotices(units, people, now);
      const states = Object.fromEntries(notices.map((x) => [x._id, effectiveState(x, now)]));
      expect({ day, hours, states }).toEqual({ day, hours, states: EXPECTED });
      expect(archives.map((a) => a._id).sort()).toEqual([
        'n_demo_closed_clean',
        'n_demo_closed_handled',
        'n_demo_closed_pending',
        'n_demo_withdrawn',
      ]);
    }
  }
});

it('records the three closing outcomes', () => {
  const { units, people } = demoSchool();
  const { notices } = demoNotices(units, people, new Date('2026-11-23T10:00:00+08:00'));
  const outcome = (id: string) => notices.find((n) => n._id === id)?.closed?.outcome;
  expect(outcome('n_demo_closed_clean')).toBe('no_objection');
  expect(outcome('n_demo_closed_handled')).toBe('objections_handled');
  expect(outcome('n_demo_closed_pending')).toBe('objections_pending');
});
