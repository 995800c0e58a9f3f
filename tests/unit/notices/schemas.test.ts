import { noticesSchemas } from '../../../typings/actions/notices';

describe('notice action inputs', () => {
  const create = {
    unitId: 'branch1',
    kind: 'development_candidate',
    title: '关于拟确定张三同志为发展对象的公示',
    body: '经支部委员会研究……',
    subjects: [{ personId: 'p1', name: '张三' }],
    scopeUnitIds: ['branch1'],
    window: { start: '2026-09-28', length: 5, unit: 'workday' },
  };

  it('creates a draft counting inclusively unless told otherwise', () => {
    const parsed = noticesSchemas['notices.create'].parse(create);
    expect(parsed.window.counting).toBe('inclusive');
  });

  it('refuses unknown fields', () => {
    expect(noticesSchemas['notices.create'].safeParse({ ...create, status: 'published' }).success).toBe(false);
    expect(noticesSchemas['notices.publish'].safeParse({ noticeId: 'n1', now: 1 }).success).toBe(false);
  });

  it('refuses an update that changes nothing', () => {
    expect(noticesSchemas['notices.update'].safeParse({ noticeId: 'n1' }).success).toBe(false);
    expect(noticesSchemas['notices.update'].safeParse({ noticeId: 'n1', title: '新标题' }).success).toBe(true);
  });

  it('takes an objection text of any length and leaves the 1–500 rule to the domain (specific error codes)', () => {
    const object = noticesSchemas['notices.object'];
    expect(object.safeParse({ noticeId: 'n1', text: ' ', anonymous: true }).success).toBe(true);
    expect(object.safeParse({ noticeId: 'n1', text: '异'.repeat(501), anonymous: false }).success).toBe(true);
    expect(object.safeParse({ noticeId: 'n1', text: '有情况' }).success).toBe(false);
  });

  it('defaults a missing withdrawal reason to blank, which the domain refuses with WITHDRAW_REASON_REQUIRED', () => {
    expect(noticesSchemas['notices.withdraw'].parse({ noticeId: 'n1' })).toEqual({ noticeId: 'n1', reason: '' });
    expect(noticesSchemas['notices.withdraw'].safeParse({ noticeId: 'n1', reason: '理'.repeat(201) }).success).toBe(
      false,
    );
  });

  it('pages lists with the shared defaults', () => {
    expect(noticesSchemas['notices.list'].parse({ scope: 'visible' })).toEqual({
      scope: 'visible',
      page: 1,
      pageSize: 20,
    });
  });
});
