import type { Notice } from '../../../server/domain/notices/model';
import {
  canEdit,
  close,
  closeOutcome,
  editDraft,
  effectiveState,
  noticeWindow,
  publish,
  refreshOutcome,
  withdraw,
} from '../../../server/domain/notices/state';
import { at, codeOf, draft, handled, justBefore, objection } from './helpers';

const publishedAt = at('2026-09-25 10:00');
const published = () => publish(draft(), publishedAt, { by: 'secretary1' });

// The window of the standard draft: 2026-09-28 (inclusive) to 2026-10-09, closing 2026-10-10 00:00 +08:00.
const moments = {
  scheduled: at('2026-09-26 12:00'),
  open: at('2026-09-30 12:00'),
  ended: at('2026-10-10 00:00'),
};

describe('a draft', () => {
  it('may be edited', () => {
    const d = draft();
    expect(canEdit(d)).toBe(true);
    const edited = editDraft(d, { title: '新标题' }, at('2026-09-21 09:00'));
    expect(edited.title).toBe('新标题');
    expect(edited.updatedAt).toEqual(at('2026-09-21 09:00'));
    expect(d.title).not.toBe('新标题');
  });

  it('shows its window as computed from the spec', () => {
    expect(noticeWindow(draft()).end).toBe('2026-10-09');
  });
});

describe('publishing', () => {
  it('freezes the window and makes the notice scheduled, then open, then closed by the clock alone', () => {
    const n = published();
    expect(n.status).toBe('published');
    expect(n.published).toMatchObject({ at: publishedAt, by: 'secretary1', window: { end: '2026-10-09' } });
    expect(effectiveState(n, moments.scheduled)).toBe('scheduled');
    expect(effectiveState(n, at('2026-09-28 00:00'))).toBe('open');
    expect(effectiveState(n, justBefore(moments.ended))).toBe('open');
    expect(effectiveState(n, moments.ended)).toBe('closed');
  });

  it('freezes the text: a published notice cannot be edited', () => {
    const n = published();
    expect(canEdit(n)).toBe(false);
    expect(codeOf(() => editDraft(n, { body: '改过的内容' }, moments.open))).toBe('NOTICE_NOT_DRAFT');
  });

  it('may start today, and not yesterday', () => {
    expect(codeOf(() => publish(draft(), at('2026-09-28 17:00'), { by: 's' }))).toBeNull();
    expect(codeOf(() => publish(draft(), at('2026-09-29 00:00'), { by: 's' }))).toBe('WINDOW_START_IN_PAST');
  });

  it('refuses a 发展对象 window shorter than 5 working days under 2026.05, and allows it under 2014', () => {
    const short = draft({ spec: { start: '2026-09-28', length: 3, unit: 'workday', counting: 'inclusive' } });
    expect(codeOf(() => publish(short, publishedAt, { by: 's' }))).toBe('WINDOW_TOO_SHORT');
    expect(codeOf(() => publish({ ...short, ruleVersion: '2014' }, publishedAt, { by: 's' }))).toBeNull();
  });

  it('names the minimum in the error', () => {
    const short = draft({ spec: { start: '2026-09-28', length: 3, unit: 'workday', counting: 'inclusive' } });
    expect(() => publish(short, publishedAt, { by: 's' })).toThrow('该类公示至少 5 个工作日');
  });
});

describe('withdrawing', () => {
  it('withdraws a draft with its reason kept, trimmed', () => {
    const n = withdraw(draft(), '  对象信息有误  ', at('2026-09-21 09:00'), 'secretary1');
    expect(n.status).toBe('withdrawn');
    expect(n.withdrawn).toEqual({ at: at('2026-09-21 09:00'), by: 'secretary1', reason: '对象信息有误' });
    expect(effectiveState(n, moments.open)).toBe('withdrawn');
  });

  it('withdraws a published notice while scheduled or open', () => {
    expect(withdraw(published(), '重新研究', moments.scheduled, 's').status).toBe('withdrawn');
    expect(withdraw(published(), '重新研究', moments.open, 's').status).toBe('withdrawn');
  });

  it('needs a reason that is not blank', () => {
    expect(codeOf(() => withdraw(published(), '', moments.open, 's'))).toBe('WITHDRAW_REASON_REQUIRED');
    expect(codeOf(() => withdraw(draft(), '   ', moments.open, 's'))).toBe('WITHDRAW_REASON_REQUIRED');
  });
});

describe('closing', () => {
  it('closes a published notice once its window has passed, with the outcome of its objections', () => {
    const n = close(published(), [], moments.ended);
    expect(n.status).toBe('closed');
    expect(n.closed).toEqual({ at: moments.ended, outcome: 'no_objection' });
  });

  it('records pending objections and follows them once handled after the close', () => {
    const pending = objection();
    const n = close(published(), [pending], moments.ended);
    expect(n.closed?.outcome).toBe('objections_pending');
    const later = refreshOutcome(n, [handled(pending)], at('2026-10-12 10:00'));
    expect(later.closed).toEqual({ at: moments.ended, outcome: 'objections_handled' });
    expect(refreshOutcome(later, [handled(pending)], at('2026-10-13 10:00'))).toBe(later);
  });
});

describe('close outcomes', () => {
  it('is no_objection when none was raised', () => {
    expect(closeOutcome([])).toBe('no_objection');
  });
  it('is objections_handled when every objection was investigated, upheld or not', () => {
    expect(closeOutcome([handled(objection()), handled(objection({ _id: 'o2' }), 'upheld')])).toBe(
      'objections_handled',
    );
  });
  it('is objections_pending while any objection is unhandled', () => {
    expect(closeOutcome([handled(objection()), objection({ _id: 'o2' })])).toBe('objections_pending');
  });
});

describe('every transition from every state', () => {
  const states: Record<string, { notice: () => Notice; now: Date }> = {
    draft: { notice: () => draft(), now: moments.scheduled },
    scheduled: { notice: published, now: moments.scheduled },
    open: { notice: published, now: moments.open },
    'ended, not yet closed by the scheduler': { notice: published, now: moments.ended },
    closed: { notice: () => close(published(), [], moments.ended), now: at('2026-10-11 09:00') },
    'withdrawn draft': { notice: () => withdraw(draft(), '撤回', moments.scheduled, 's'), now: moments.open },
    'withdrawn while open': { notice: () => withdraw(published(), '撤回', moments.open, 's'), now: moments.open },
  };
  const actions = {
    edit: (n: Notice, now: Date) => editDraft(n, { title: 'x' }, now),
    publish: (n: Notice, now: Date) => publish(n, now, { by: 's' }),
    withdraw: (n: Notice, now: Date) => withdraw(n, '理由', now, 's'),
    close: (n: Notice, now: Date) => close(n, [], now),
  };
  const expected: Record<string, Record<keyof typeof actions, string | null>> = {
    draft: { edit: null, publish: null, withdraw: null, close: 'NOTICE_NOT_PUBLISHED' },
    scheduled: {
      edit: 'NOTICE_NOT_DRAFT',
      publish: 'NOTICE_ALREADY_PUBLISHED',
      withdraw: null,
      close: 'NOTICE_NOT_ENDED',
    },
    open: { edit: 'NOTICE_NOT_DRAFT', publish: 'NOTICE_ALREADY_PUBLISHED', withdraw: null, close: 'NOTICE_NOT_ENDED' },
    'ended, not yet closed by the scheduler': {
      edit: 'NOTICE_NOT_DRAFT',
      publish: 'NOTICE_ALREADY_PUBLISHED',
      withdraw: 'NOTICE_CLOSED',
      close: null,
    },
    closed: { edit: 'NOTICE_NOT_DRAFT', publish: 'NOTICE_CLOSED', withdraw: 'NOTICE_CLOSED', close: 'NOTICE_CLOSED' },
    'withdrawn draft': {
      edit: 'NOTICE_WITHDRAWN',
      publish: 'NOTICE_WITHDRAWN',
      withdraw: 'NOTICE_WITHDRAWN',
      close: 'NOTICE_WITHDRAWN',
    },
    'withdrawn while open': {
      edit: 'NOTICE_WITHDRAWN',
      publish: 'NOTICE_WITHDRAWN',
      withdraw: 'NOTICE_WITHDRAWN',
      close: 'NOTICE_WITHDRAWN',
    },
  };

  for (const [state, { notice, now }] of Object.entries(states)) {
    for (const [action, run] of Object.entries(actions) as [keyof typeof actions, (n: Notice, now: Date) => Notice][]) {
      const want = expected[state]![action];
      it(`${action} from ${state} ${want ? `is refused with ${want}` : 'is allowed'}`, () => {
        const before = notice();
        const snapshot = JSON.stringify(before);
        expect(codeOf(() => run(before, now))).toBe(want);
        expect(JSON.stringify(before)).toBe(snapshot); // transitions never mutate their input
      });
    }
  }
});
