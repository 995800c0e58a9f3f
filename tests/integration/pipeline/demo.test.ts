/** The demo world's students on the development pipeline, made by the real actions (emulator/demo/world.ts). */
import { expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'full' });
});
afterAll(() => emu.close());

describe('demo 发展党员', () => {
  it('has an applicant whose talk is overdue on the branch officers’ to-do list', async () => {
    const caseId = emu.world?.cases?.applicant_overdue as string;
    const view = expectOk(await emu.call('sport_masses', 'pipeline.mine', {}));
    expect(view).toMatchObject({ caseId, stage: 'applicant', next: { kind: 'application_talk', overdue: true } });
    const todo = expectOk(await emu.call('sport_pb_sec', 'pipeline.todo', {}));
    expect(todo.some((t) => t.caseId === caseId && t.next.overdue)).toBe(true);
  });

  it('has an applicant after the talk and an activist with a cultivation contact, each in their own branch', async () => {
    const talked = expectOk(
      await emu.call('sport_pb_sec', 'pipeline.get', { caseId: emu.world?.cases?.applicant_talked as string }),
    );
    expect(talked).toMatchObject({ stage: 'applicant', nextStep: 'determine_activist' });
    const activist = expectOk(
      await emu.call('info_full1', 'pipeline.get', { caseId: emu.world?.cases?.activist as string }),
    );
    expect(activist).toMatchObject({ stage: 'activist', branchId: 'u_info_pb', chain: { cultivatedBy: ['钱程'] } });
    const list = expectOk(await emu.call('info_pb_sec', 'pipeline.list', { branchId: 'u_info_pb', stage: 'activist' }));
    expect(list.items.map((c) => c.personName)).toContain('白露');
  });
});
