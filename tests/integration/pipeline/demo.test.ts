/** The demo world's students on the development pipeline, made by the real actions (emulator/demo/world.ts). */
import { expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
// Seeding the whole world takes a few hundred actions: seconds on a quiet core, much more on a busy one.
beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'full' });
}, 120_000);
afterAll(() => emu?.close());

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

  it('keeps an activist file for each case at the activist stage, its contacts named once, on the case (A5, A6, D6)', async () => {
    // 黄子豪 and 谢天宇 (on paper before the system) were carried over; 白露's file opened with her determination.
    for (const [who, personId, contacts] of [
      ['sport_pb_sec', 'p_2023010104', ['邓凯']],
      ['sport_pb_sec', 'p_2023010105', ['邓凯', '韩冬']],
      ['info_pb_sec', 'p_2024020204', ['钱程']],
    ] as const) {
      const c = expectOk(await emu.call(who, 'pipeline.get', { caseId: `pc_${personId}` }));
      expect(c).toMatchObject({ stage: 'activist', chain: { cultivatedBy: contacts } });
      const file = expectOk(await emu.call(who, 'activists.file', { personId }));
      expect(file.contacts.map((x) => x.name)).toEqual(contacts);
    }
    // One file for each of them, and one for 陶然, who passed the activist step (a 发展对象 now) and keeps hers.
    const files = await emu.server.db.collection('activist_files').find({});
    expect(files.map((f) => f.personId).sort()).toEqual(
      ['p_2023010104', 'p_2023010105', 'p_2024020204', 'p_2023020107'].sort(),
    );
    expect(files.every((f) => !('contactIds' in f))).toBe(true);
    const xie = expectOk(await emu.call('bball_backbone', 'activists.file', { personId: 'p_2023010105' }));
    expect(xie.assessments.map((a) => [a.kind, a.fromUnitName, a.fromTemporary])).toEqual([
      ['assessment', '体育学院学生党支部', false],
      ['activity', '篮球协会临时团支部', true],
    ]);
  });
});
