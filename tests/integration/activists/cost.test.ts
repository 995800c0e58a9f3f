/**
 * What a branch's semester grading costs in database round trips: the training evidence of all its activists is
 * read in a constant number of queries (not one set per activist), so a branch of three costs what a branch of two
 * costs, apart from the one write per grade inside the transaction.
 */
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { DENG, HUANG, openFile, seedTraining, XIE } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock('2026-12-20T09:00:00+08:00');
});
afterAll(() => emu.close());

async function computeCost(branchId: string): Promise<number> {
  const r = await emu.invoke('activists.computeGrades', { branchId, term: '2026-2027-1' }, 'sport_officer');
  expect((r.body as { ok: boolean }).ok).toBe(true);
  return r.roundTrips;
}

it('reads the training evidence of a branch in the same number of queries for two and for three activists', async () => {
  for (const personId of [HUANG, XIE]) {
    await openFile(emu, personId, [DENG]);
    await seedTraining(emu, `cost_${personId}`, personId, {
      dates: ['2026-10-10', '2026-10-17'],
      present: 1,
      exam: { score: 80, total: 100, on: '2026-10-17' },
    });
  }
  const two = await computeCost('u_sport_pb');
  // 体育学院学生党支部 gets a third file: 罗浩然, a 发展对象 whose file is still kept.
  await openFile(emu, 'p_2023010103', [DENG]);
  const three = await computeCost('u_sport_pb');
  // One more grade written in the transaction; the reads stay as they were.
  expect(three - two).toBe(1);
  const file = await emu.invoke('activists.file', { personId: HUANG }, 'sport_pb_sec');
  const list = await emu.invoke('activists.branchFiles', { branchId: 'u_sport_pb' }, 'sport_pb_sec');
  console.log(
    `round trips: activists.computeGrades ${two} (two activists), ${three} (three); activists.file ${file.roundTrips}; activists.branchFiles ${list.roundTrips}`,
  );
});
