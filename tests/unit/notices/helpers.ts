/** Fixtures for the notice tests: instants written in +08:00, a draft notice, objections. */
import { DomainError } from '../../../server/domain/errors';
import type { Notice, Objection } from '../../../server/domain/notices/model';
import { createDraft } from '../../../server/domain/notices/state';
import type { WindowSpec } from '../../../server/domain/notices/window';
import type { ErrorCode } from '../../../typings/errors';

/** An instant given as Shanghai wall time, e.g. at('2026-09-28 00:00'). */
export function at(shanghai: string): Date {
  const [date, time = '00:00'] = shanghai.split(' ');
  const withSeconds = time.length === 5 ? `${time}:00` : time;
  return new Date(`${date}T${withSeconds}+08:00`);
}

/** One millisecond before an instant. */
export function justBefore(d: Date): Date {
  return new Date(d.getTime() - 1);
}

export const FIVE_WORKDAYS_FROM_SEP_28: WindowSpec = {
  start: '2026-09-28',
  length: 5,
  unit: 'workday',
  counting: 'inclusive',
};

export function draft(overrides: Partial<Notice> = {}): Notice {
  return {
    ...createDraft(
      {
        _id: 'n1',
        unitId: 'branch1',
        ruleVersion: '2026.05',
        kind: 'development_candidate',
        title: '关于拟确定张三同志为发展对象的公示',
        body: '经支部委员会研究……',
        subjects: [{ personId: 'p-zhang', name: '张三' }],
        scopeUnitIds: ['branch1'],
        spec: FIVE_WORKDAYS_FROM_SEP_28,
        by: 'secretary1',
      },
      at('2026-09-20 10:00'),
    ),
    ...overrides,
  };
}

export function objection(overrides: Partial<Objection> = {}): Objection {
  return {
    _id: 'o1',
    noticeId: 'n1',
    anonymous: false,
    objectorId: 'p-li',
    objectorName: '李四',
    text: '该同志本学期有两次组织生活无故缺席。',
    submittedAt: at('2026-09-29 09:00'),
    handling: null,
    ...overrides,
  };
}

export function handled(o: Objection, outcome: 'upheld' | 'dismissed' = 'dismissed'): Objection {
  return {
    ...o,
    handling: {
      investigation: '经核实，两次缺席均已请假。',
      outcome,
      handledBy: 'secretary1',
      handledAt: at('2026-10-08 15:00'),
    },
  };
}

/** The DomainError code a call throws, or null if it does not throw. */
export function codeOf(fn: () => unknown): ErrorCode | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}
