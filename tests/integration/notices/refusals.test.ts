/**
 * Bad input and security: every refusal answers with its own code, writes nothing (no document, no audit entry)
 * and crashes nothing. One 推优 notice of 信息学院2024级2班团支部, open from Mon 2026-09-28 to Fri 2026-10-09.
 */
import type { Envelope } from '../support';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { footprint, sh, tuiyouDraft } from './support';

let emu: TestEmulator;
let open = ''; // published, open on the pinned day
let draft = ''; // never published
let objectionId = ''; // a real-name objection by 袁梦 to `open`

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-09-25 10:00'));
  open = expectOk(await emu.as<{ noticeId: string }>('info_lb2_sec', 'notices.create', tuiyouDraft())).noticeId;
  expectOk(await emu.as('info_lb2_sec', 'notices.publish', { noticeId: open }));
  draft = expectOk(await emu.as<{ noticeId: string }>('info_lb2_sec', 'notices.create', tuiyouDraft())).noticeId;
  emu.host.setClock(sh('2026-09-29 09:00'));
  objectionId = expectOk(
    await emu.as<{ objectionId: string }>('info_league1', 'notices.object', {
      noticeId: open,
      text: '推荐程序中未公布票数，请说明。',
      anonymous: false,
    }),
  ).objectionId;
});
afterAll(() => emu.close());

/** Runs a call that must be refused with `code` and proves it changed nothing. */
async function refused(code: string, call: () => Promise<Envelope>): Promise<void> {
  const before = await footprint(emu);
  const notices = await emu.server.db.collection('notices').find({}, { sort: { _id: 1 } });
  const res = await call();
  expect(errorCode(res)).toBe(code);
  expect(await footprint(emu)).toEqual(before);
  expect(await emu.server.db.collection('notices').find({}, { sort: { _id: 1 } })).toEqual(notices);
}

const object = (who: string, text: string, noticeId = open) =>
  emu.as(who, 'notices.object', { noticeId, text, anonymous: false });

describe('objections', () => {
  it('refuses an objection after the window has closed', async () => {
    emu.host.setClock(sh('2026-10-10 00:00'));
    await refused('NOTICE_CLOSED', () => object('info_league2', '公示期已过仍想提意见。'));
    emu.host.setClock(sh('2026-09-29 09:00'));
  });

  it('refuses an objection before the window opens', async () => {
    emu.host.setClock(sh('2026-09-27 23:59'));
    await refused('NOTICE_NOT_OPEN', () => object('info_league2', '提前提出的意见。'));
    emu.host.setClock(sh('2026-09-29 09:00'));
  });

  it('refuses an objection from someone outside the scope, even an officer above it', async () => {
    await refused('OUT_OF_SCOPE', () => object('sport_league1', '我不在这个团支部。'));
    await refused('OUT_OF_SCOPE', () => object('info_officer', '学院干部不是该团支部成员。'));
  });

  it('refuses an empty objection (blank after trimming) and one over 500 characters', async () => {
    await refused('OBJECTION_EMPTY', () => object('info_league2', '  \n\t '));
    await refused('OBJECTION_TOO_LONG', () => object('info_league2', '异'.repeat(501)));
    expect(errorCode(await object('info_league2', ` ${'异'.repeat(500)} `))).toBeNull();
  });

  it('refuses an objection the content check finds risky', async () => {
    await refused('CONTENT_REJECTED', () => object('info_league2', '这里有人组织赌博活动。'));
    expect(emu.host.outbox.some((r) => r.api === 'security.msgSecCheck')).toBe(true);
  });

  it('does not let a member object to a draft, nor learn that it exists', async () => {
    await refused('NOT_FOUND', () => object('info_league2', '草稿。', draft));
    expect(errorCode(await emu.as('info_league2', 'notices.get', { noticeId: draft }))).toBe('NOT_FOUND');
  });

  it('refuses a bad input shape with BAD_INPUT and the field', async () => {
    const res = await emu.as('info_league2', 'notices.object', { noticeId: open, text: '缺少是否匿名' });
    expect(errorCode(res)).toBe('BAD_INPUT');
    expect(!res.ok && res.error.fields).toHaveProperty('anonymous');
  });
});

describe('a published notice is frozen', () => {
  it('refuses publishing twice', async () => {
    await refused('NOTICE_ALREADY_PUBLISHED', () => emu.as('info_lb2_sec', 'notices.publish', { noticeId: open }));
  });

  it('refuses editing after publication', async () => {
    await refused('NOTICE_NOT_DRAFT', () =>
      emu.as('info_lb2_sec', 'notices.update', { noticeId: open, body: '改过的正文' }),
    );
  });

  it('refuses withdrawing without a reason, missing or blank', async () => {
    await refused('WITHDRAW_REASON_REQUIRED', () => emu.as('info_lb2_sec', 'notices.withdraw', { noticeId: open }));
    await refused('WITHDRAW_REASON_REQUIRED', () =>
      emu.as('info_lb2_sec', 'notices.withdraw', { noticeId: open, reason: '   ' }),
    );
  });

  it('refuses a withdrawal reason the content check finds risky (every reader of the notice sees it)', async () => {
    await refused('CONTENT_REJECTED', () =>
      emu.as('info_lb2_sec', 'notices.withdraw', { noticeId: open, reason: '涉嫌诈骗，撤回' }),
    );
  });

  it('refuses a draft window that starts in the past or is shorter than the rule', async () => {
    await refused('WINDOW_START_IN_PAST', () =>
      emu.as(
        'info_lb2_sec',
        'notices.create',
        tuiyouDraft({ window: { start: '2026-09-28', length: 5, unit: 'workday' } }),
      ),
    );
    await refused('WINDOW_TOO_SHORT', () =>
      emu.as(
        'info_lb2_sec',
        'notices.create',
        tuiyouDraft({ window: { start: '2026-10-12', length: 3, unit: 'workday' } }),
      ),
    );
  });
});

describe('officers of another unit', () => {
  it('refuses a secretary of another branch every action on this notice', async () => {
    const other = 'info_lb1_sec'; // secretary of 信息学院2023级1班团支部
    await refused('OUT_OF_SCOPE', () => emu.as(other, 'notices.update', { noticeId: draft, title: '越权修改' }));
    await refused('OUT_OF_SCOPE', () => emu.as(other, 'notices.publish', { noticeId: draft }));
    await refused('OUT_OF_SCOPE', () => emu.as(other, 'notices.withdraw', { noticeId: open, reason: '越权撤回' }));
    await refused('OUT_OF_SCOPE', () => emu.as(other, 'notices.objections', { noticeId: open }));
    await refused('OUT_OF_SCOPE', () =>
      emu.as(other, 'notices.handleObjection', { objectionId, investigation: '越权处理', outcome: 'upheld' }),
    );
    await refused('OUT_OF_SCOPE', () =>
      emu.as(other, 'notices.create', tuiyouDraft({ window: { start: '2026-10-12', length: 5, unit: 'workday' } })),
    );
  });

  it('refuses posting a notice above the owning unit', async () => {
    await refused('OUT_OF_SCOPE', () =>
      emu.as(
        'info_lb2_sec',
        'notices.create',
        tuiyouDraft({ scopeUnitIds: ['u_info'], window: { start: '2026-10-12', length: 5, unit: 'workday' } }),
      ),
    );
  });
});

describe('objections are seen by their author and the responsible officers only', () => {
  it('refuses a member reading the officers’ list of objections', async () => {
    await refused('FORBIDDEN', () => emu.as('info_league2', 'notices.objections', { noticeId: open }));
  });

  it('does not show another person’s real-name objection among mine', async () => {
    const mine = expectOk(await emu.as<{ items: { id: string }[] }>('info_league2', 'notices.myObjections', {}));
    expect(mine.items.map((o) => o.id)).not.toContain(objectionId);
  });

  it('refuses a member handling an objection or reading the archive', async () => {
    await refused('FORBIDDEN', () =>
      emu.as('info_league2', 'notices.handleObjection', { objectionId, investigation: '冒充处理', outcome: 'upheld' }),
    );
    await refused('FORBIDDEN', () => emu.as('info_league2', 'notices.closeReport', { noticeId: open }));
  });

  it('refuses handling without an investigation, and handling twice', async () => {
    await refused('OBJECTION_INVESTIGATION_REQUIRED', () =>
      emu.as('info_lb2_sec', 'notices.handleObjection', { objectionId, investigation: ' ', outcome: 'dismissed' }),
    );
    // The objector reads the investigation: it goes through the content check like their objection did.
    await refused('CONTENT_REJECTED', () =>
      emu.as('info_lb2_sec', 'notices.handleObjection', {
        objectionId,
        investigation: '经查有人赌博。',
        outcome: 'upheld',
      }),
    );
    expectOk(
      await emu.as('info_lb2_sec', 'notices.handleObjection', {
        objectionId,
        investigation: '已核实。',
        outcome: 'dismissed',
      }),
    );
    await refused('OBJECTION_ALREADY_HANDLED', () =>
      emu.as('info_lb2_sec', 'notices.handleObjection', { objectionId, investigation: '再次处理', outcome: 'upheld' }),
    );
  });

  it('refuses the archive before the notice has ended', async () => {
    await refused('NOTICE_NOT_ENDED', () => emu.as('info_lb2_sec', 'notices.closeReport', { noticeId: open }));
  });
});
