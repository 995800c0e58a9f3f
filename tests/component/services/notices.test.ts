/** The 公示 view-model mappers say the window the way people quote it. */
import path from 'node:path';
import { MP_ROOT } from '../harness';

const notices = require(
  path.join(MP_ROOT, 'services/notices/common'),
) as typeof import('../../../miniprogram/services/notices/common');

describe('公示 view models', () => {
  const window = {
    start: '2026-09-28',
    end: '2026-10-09',
    length: 5,
    unit: 'workday' as const,
    counting: 'inclusive' as const,
    opensAt: '2026-09-28T00:00:00+08:00',
    closesAt: '2026-10-10T00:00:00+08:00',
    provisional: false,
  };

  it('states the window with its counting convention', () => {
    expect(notices.windowRule(window)).toBe('自2026年9月28日起5个工作日（开始当日计入）');
    expect(notices.windowRule({ ...window, unit: 'calendar_day', length: 7, counting: 'exclusive' })).toBe(
      '自2026年9月28日起7天（自开始次日起算）',
    );
  });

  it('counts down in the window’s own unit while open, and gives dates otherwise', () => {
    const open = { state: 'open' as const, window, countdown: { remaining: 3, unit: 'workday' as const } };
    expect(notices.cardTimeText(open, '2026')).toBe('剩余 3 个工作日 · 10月9日截止');
    expect(notices.cardTimeText({ ...open, state: 'scheduled' }, '2026')).toBe('9月28日开始公示 · 共5个工作日');
    expect(notices.cardTimeText({ ...open, state: 'closed', countdown: null }, '2026')).toBe('公示期 9月28日至10月9日');
    expect(notices.cardTimeText({ ...open, state: 'closed', countdown: null }, '2027')).toBe(
      '公示期 2026年9月28日至2026年10月9日',
    );
  });
});
