/**
 * Seats under a rush: everyone signs up for the last seats at the same moment, and the waitlist promotes while
 * several people withdraw at once. The program document is read and written in each transaction, so the seats
 * are never oversold and the waitlist never loses or doubles anyone.
 */
import type { EnrolmentView } from '../../../typings/actions';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addTrainees, createProgram, sh } from './fixtures';

let emu: TestEmulator;
const OFFICER = 'sport_officer';

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-09-01 09:00'));
});
afterAll(() => emu.close());

it('seats exactly the capacity and waitlists exactly the limit when 30 sign up at once', async () => {
  const people = await addTrainees(emu, 30, 'TC', 'full_member');
  const programId = await createProgram(emu, OFFICER, { level: 'party_member', capacity: 10, waitlistLimit: 5 });
  const replies = await Promise.all(
    people.map((x) => emu.as<{ state: string }>(x.who, 'trainings.signUp', { programId })),
  );
  const states = replies.map((r) => (r.ok ? r.data.state : r.error.code));
  expect(states.filter((s) => s === 'enrolled')).toHaveLength(10);
  expect(states.filter((s) => s === 'waitlisted')).toHaveLength(5);
  expect(
    states.filter((s) => s !== 'enrolled' && s !== 'waitlisted').every((s) => s === 'PROGRAM_FULL' || s === 'BUSY'),
  ).toBe(true);
  const list = expectOk(await emu.as<EnrolmentView>(OFFICER, 'trainings.enrolment', { programId }));
  expect(list.enrolled).toHaveLength(10);
  expect(list.waitlist.map((r) => r.waitlistPosition)).toEqual([1, 2, 3, 4, 5]);

  // Four of the seated withdraw at once: the first four on the waitlist move up, in order.
  const seated = people.filter((_, i) => states[i] === 'enrolled').slice(0, 4);
  const firstFour = list.waitlist.slice(0, 4).map((r) => r.personId);
  const withdrawals = await Promise.all(seated.map((x) => emu.as(x.who, 'trainings.withdraw', { programId })));
  expect(withdrawals.every((r) => r.ok)).toBe(true);
  const after = expectOk(await emu.as<EnrolmentView>(OFFICER, 'trainings.enrolment', { programId }));
  expect(after.enrolled).toHaveLength(10);
  expect(after.enrolled.map((r) => r.personId)).toEqual(expect.arrayContaining(firstFour));
  expect(after.waitlist.map((r) => r.personId)).toEqual([list.waitlist[4].personId]);
  const program = (await emu.server.db.collection('training_programs').findOne({ _id: programId })) as {
    enrolled: number;
  };
  expect(program.enrolled).toBe(10);
});
