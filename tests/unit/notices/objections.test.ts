import type { Viewer } from '../../../server/domain/notices/model';
import {
  canObject,
  handleObjection,
  objectionVisibleTo,
  objectorShownTo,
  publicityRaisesNoBar,
  submitObjection,
} from '../../../server/domain/notices/objections';
import { publish, withdraw } from '../../../server/domain/notices/state';
import { at, codeOf, draft, handled, justBefore, objection } from './helpers';

const notice = publish(draft(), at('2026-09-25 10:00'), { by: 'secretary1' }); // open 09-28 … 10-09
const input = { _id: 'o1', objectorId: 'p-li', objectorName: '李四', anonymous: false, text: '  有情况需要反映  ' };

describe('raising an objection', () => {
  it('is accepted while the notice is open, text trimmed', () => {
    const o = submitObjection(notice, input, at('2026-09-29 09:00'));
    expect(o).toMatchObject({ noticeId: 'n1', objectorId: 'p-li', objectorName: '李四', text: '有情况需要反映' });
    expect(o.handling).toBeNull();
  });

  it('stores no name when anonymous', () => {
    expect(submitObjection(notice, { ...input, anonymous: true }, at('2026-09-29 09:00')).objectorName).toBeNull();
  });

  it('is accepted from 00:00 +08:00 of the first day to the last millisecond of the last day', () => {
    expect(canObject(notice, justBefore(at('2026-09-28 00:00')))).toBe(false);
    expect(canObject(notice, at('2026-09-28 00:00'))).toBe(true);
    expect(canObject(notice, justBefore(at('2026-10-10 00:00')))).toBe(true);
    expect(canObject(notice, at('2026-10-10 00:00'))).toBe(false);
  });

  it('is refused before the notice opens, after it closes, on a draft and on a withdrawn notice', () => {
    expect(codeOf(() => submitObjection(notice, input, at('2026-09-27 12:00')))).toBe('NOTICE_NOT_OPEN');
    expect(codeOf(() => submitObjection(notice, input, at('2026-10-10 00:00')))).toBe('NOTICE_CLOSED');
    expect(codeOf(() => submitObjection(draft(), input, at('2026-09-29 09:00')))).toBe('NOTICE_NOT_OPEN');
    const gone = withdraw(notice, '重新研究', at('2026-09-29 08:00'), 'secretary1');
    expect(codeOf(() => submitObjection(gone, input, at('2026-09-29 09:00')))).toBe('NOTICE_WITHDRAWN');
  });

  it('needs 1 to 500 characters of text', () => {
    const now = at('2026-09-29 09:00');
    expect(codeOf(() => submitObjection(notice, { ...input, text: '   ' }, now))).toBe('OBJECTION_EMPTY');
    expect(codeOf(() => submitObjection(notice, { ...input, text: '异'.repeat(500) }, now))).toBeNull();
    expect(codeOf(() => submitObjection(notice, { ...input, text: '异'.repeat(501) }, now))).toBe('OBJECTION_TOO_LONG');
  });
});

describe('handling an objection', () => {
  it('records the investigation, the finding, who and when — also after the window has closed', () => {
    const o = handleObjection(
      objection(),
      { investigation: ' 经核实，情况属实。 ', outcome: 'upheld', handledBy: 'secretary1' },
      at('2026-10-12 10:00'),
    );
    expect(o.handling).toEqual({
      investigation: '经核实，情况属实。',
      outcome: 'upheld',
      handledBy: 'secretary1',
      handledAt: at('2026-10-12 10:00'),
    });
  });

  it('is done once', () => {
    expect(
      codeOf(() =>
        handleObjection(
          handled(objection()),
          { investigation: '再核实', outcome: 'dismissed', handledBy: 's' },
          at('2026-10-12 10:00'),
        ),
      ),
    ).toBe('OBJECTION_ALREADY_HANDLED');
  });

  it('needs the investigation written down', () => {
    expect(
      codeOf(() =>
        handleObjection(
          objection(),
          { investigation: ' ', outcome: 'dismissed', handledBy: 's' },
          at('2026-10-12 10:00'),
        ),
      ),
    ).toBe('OBJECTION_INVESTIGATION_REQUIRED');
  });
});

describe('who sees an objection', () => {
  const objector: Viewer = { personId: 'p-li', responsibleOfficer: false };
  const officer: Viewer = { personId: 'secretary1', responsibleOfficer: true };
  const member: Viewer = { personId: 'p-wang', responsibleOfficer: false };
  const nobody: Viewer = { personId: null, responsibleOfficer: false };
  const named = objection();
  const anonymous = objection({ anonymous: true, objectorName: null });

  it('is seen by the objector and the responsible officers only', () => {
    for (const o of [named, anonymous]) {
      expect(objectionVisibleTo(o, objector)).toBe(true);
      expect(objectionVisibleTo(o, officer)).toBe(true);
      expect(objectionVisibleTo(o, member)).toBe(false);
      expect(objectionVisibleTo(o, nobody)).toBe(false);
    }
  });

  it('shows the objector to officers only when real-name, and always to the objector', () => {
    expect(objectorShownTo(named, officer)).toBe(true);
    expect(objectorShownTo(anonymous, officer)).toBe(false);
    expect(objectorShownTo(anonymous, objector)).toBe(true);
    expect(objectorShownTo(named, member)).toBe(false);
  });
});

describe('whether the publicity bars the step (A7)', () => {
  it('does not when there were no objections or all were dismissed', () => {
    expect(publicityRaisesNoBar([])).toBe(true);
    expect(publicityRaisesNoBar([handled(objection(), 'dismissed')])).toBe(true);
  });
  it('does while an objection is pending or when one was upheld', () => {
    expect(publicityRaisesNoBar([objection()])).toBe(false);
    expect(publicityRaisesNoBar([handled(objection(), 'dismissed'), handled(objection({ _id: 'o2' }), 'upheld')])).toBe(
      false,
    );
  });
});
