/**
 * Text and dates people type, through the api: invisible characters (zero-width, bidi controls) never pass a
 * required-text rule, and impossible dates are never stored. Each refusal is BAD_INPUT and writes nothing.
 */
import { footprint as noticeFootprint, sh, tuiyouDraft } from '../notices/support';
import { type Envelope, errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
let open = '';

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-09-25 10:00'));
  open = expectOk(await emu.as<{ noticeId: string }>('info_lb2_sec', 'notices.create', tuiyouDraft())).noticeId;
  expectOk(await emu.as('info_lb2_sec', 'notices.publish', { noticeId: open }));
  emu.host.setClock(sh('2026-09-29 09:00'));
});
afterAll(() => emu.close());

/** Every collection an action here could write, in full, and the audit count. */
async function everything() {
  const db = emu.server.db;
  const out: Record<string, string | number> = { ...(await noticeFootprint(emu)) };
  for (const c of ['notices', 'objections', 'bindings', 'people', 'accounts']) {
    out[c] = JSON.stringify(await db.collection(c).find({}, { sort: { _id: 1 } }));
  }
  return out;
}

async function badInput(call: () => Promise<Envelope>, field: string): Promise<void> {
  const before = await everything();
  const res = await call();
  expect(errorCode(res)).toBe('BAD_INPUT');
  expect(!res.ok && res.error.fields).toHaveProperty([field]);
  expect(await everything()).toEqual(before);
}

describe('invisible characters', () => {
  it('refuses an objection of three U+200B', async () => {
    await badInput(
      () => emu.as('info_league2', 'notices.object', { noticeId: open, text: '\u200B\u200B\u200B', anonymous: true }),
      'text',
    );
    await badInput(
      () => emu.as('info_league2', 'notices.object', { noticeId: open, text: '\u202E\u2066\uFEFF', anonymous: false }),
      'text',
    );
  });

  it('refuses a withdrawal reason of one U+200B', async () => {
    await badInput(() => emu.as('info_lb2_sec', 'notices.withdraw', { noticeId: open, reason: '\u200B' }), 'reason');
  });

  it('refuses a binding name of only U+200B', async () => {
    await badInput(
      () =>
        emu.as('openid:o-ghost', 'bindings.submit', { name: '\u200B', studentNo: '2025080001', collegeId: 'u_info' }),
      'name',
    );
  });

  it('refuses a notice title of bidi controls only', async () => {
    await badInput(() => emu.as('info_lb2_sec', 'notices.create', tuiyouDraft({ title: '\u202A\u202C' })), 'title');
  });

  it('stores an objection without the invisible characters around its words', async () => {
    const { objectionId } = expectOk(
      await emu.as<{ objectionId: string }>('info_league2', 'notices.object', {
        noticeId: open,
        text: '\u200B\u202E票数未公布\u202C\u200B',
        anonymous: false,
      }),
    );
    const stored = (await emu.server.db.collection('objections').findOne({ _id: objectionId })) as { text: string };
    expect(stored.text).toBe('票数未公布');
  });
});

describe('dates that do not exist', () => {
  it.each(['2026-02-31', '0000-00-00'])('refuses positions.assign starting %s', async (start) => {
    await badInput(
      () =>
        emu.as('info_officer', 'positions.assign', {
          personId: 'p_2022020104',
          unitId: 'u_info_pb',
          role: 'branch_committee',
          start,
        }),
      'start',
    );
  });

  it('refuses a notice window starting on 2026-02-30', async () => {
    await badInput(
      () =>
        emu.as(
          'info_lb2_sec',
          'notices.create',
          tuiyouDraft({ window: { start: '2026-02-30', length: 5, unit: 'workday' } }),
        ),
      'window.start',
    );
  });
});
