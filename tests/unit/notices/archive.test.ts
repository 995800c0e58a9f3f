import { archiveSnapshot } from '../../../server/domain/notices/archive';
import { close, publish, withdraw } from '../../../server/domain/notices/state';
import { at, codeOf, draft, handled, objection } from './helpers';

const published = publish(draft(), at('2026-09-25 10:00'), { by: 'secretary1' });
const anonymous = objection({
  _id: 'obj_p-zhao',
  anonymous: true,
  objectorId: 'p-zhao',
  objectorName: null,
  text: '匿名反映的情况',
  submittedAt: at('2026-09-30 21:17'),
});
const named = objection({ submittedAt: at('2026-09-29 09:00') });
const objections = [anonymous, handled(named)];
const closed = close(published, objections, at('2026-10-10 00:00'));

describe('the archive snapshot of a notice', () => {
  it('files the text, the window and every objection numbered in the order received', () => {
    const s = archiveSnapshot(closed, objections);
    expect(s).toMatchObject({
      noticeId: 'n1',
      kindLabel: '发展对象确定',
      ruleVersion: '2026.05',
      window: {
        start: '2026-09-28',
        end: '2026-10-09',
        opensAt: '2026-09-28T00:00:00.000+08:00',
        closesAt: '2026-10-10T00:00:00.000+08:00',
        provisional: false,
      },
      closed: { at: '2026-10-10T00:00:00.000+08:00', outcome: 'objections_pending' },
    });
    expect(s.objections.map((o) => [o.no, o.anonymous])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(s.objections[0]).toMatchObject({
      objector: { personId: 'p-li', name: '李四' },
      handling: { outcome: 'dismissed' },
    });
  });

  it('carries no identity at all for an anonymous objection: no person id, no name, no id, only the day', () => {
    const s = archiveSnapshot(closed, objections);
    const anon = s.objections[1]!;
    expect(Object.keys(anon).sort()).toEqual(['anonymous', 'handling', 'no', 'submittedOn', 'text']);
    expect(anon).toMatchObject({ submittedOn: '2026-09-30', text: '匿名反映的情况' });
    expect(JSON.stringify(s)).not.toContain('p-zhao');
    expect(JSON.stringify(s)).not.toContain('21:17');
  });

  it('is frozen all the way down', () => {
    const s = archiveSnapshot(closed, objections);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.objections)).toBe(true);
    expect(Object.isFrozen(s.objections[0])).toBe(true);
    expect(Object.isFrozen(s.window)).toBe(true);
    expect(() => {
      (s as { title: string }).title = '改';
    }).toThrow(TypeError);
  });

  it('is a plain JSON value', () => {
    const s = archiveSnapshot(closed, objections);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('files a withdrawn notice with its reason', () => {
    const gone = withdraw(published, '对象信息有误', at('2026-09-29 08:00'), 'secretary1');
    expect(archiveSnapshot(gone, []).withdrawn).toEqual({
      at: '2026-09-29T08:00:00.000+08:00',
      by: 'secretary1',
      reason: '对象信息有误',
    });
  });

  it('is made only once a notice has ended', () => {
    expect(codeOf(() => archiveSnapshot(published, []))).toBe('NOTICE_NOT_ENDED');
    expect(codeOf(() => archiveSnapshot(draft(), []))).toBe('NOTICE_NOT_ENDED');
  });

  it('refuses objections of another notice', () => {
    expect(() => archiveSnapshot(closed, [objection({ noticeId: 'n2' })])).toThrow('does not belong');
  });
});
