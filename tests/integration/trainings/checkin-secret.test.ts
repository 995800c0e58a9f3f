/** The check-in key lives in the function's environment: without it no code is issued and none is accepted. */
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addSession, createProgram, sh, snapshot } from './fixtures';

let emu: TestEmulator;
const saved = process.env.LINGYAN_CHECKIN_SECRET;
beforeAll(async () => {
  emu = await startTestEmulator({ functionEnv: { LINGYAN_CHECKIN_SECRET: '' } });
});
afterAll(async () => {
  await emu.close();
  process.env.LINGYAN_CHECKIN_SECRET = saved;
});

it('fails closed when LINGYAN_CHECKIN_SECRET is missing: no code, no check-in, nothing written', async () => {
  emu.host.setClock(sh('2026-11-05 13:00'));
  const programId = await createProgram(emu, 'sport_officer', { level: 'party_member' });
  const sessionId = await addSession(emu, 'sport_officer', programId, '2026-11-05 14:00', '2026-11-05 16:00', 2);
  expectOk(await emu.as('sport_full1', 'trainings.signUp', { programId }));
  emu.host.setClock(sh('2026-11-05 14:00'));
  const before = await snapshot(emu);
  expect(errorCode(await emu.as('sport_officer', 'trainings.checkinToken', { sessionId, purpose: 'in' }))).toBe(
    'INTERNAL',
  );
  const guessed = `${programId}.${sessionId}.in.${Math.floor(Date.parse(sh('2026-11-05 14:00')) / 10_000)}.x`;
  expect(errorCode(await emu.as('sport_full1', 'trainings.checkIn', { token: guessed }))).toBe('INTERNAL');
  expect(await snapshot(emu)).toBe(before);
});
