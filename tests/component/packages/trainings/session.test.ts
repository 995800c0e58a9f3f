/** 添加场次 (packages/trainings/session/index): a session in Beijing time with a trainer of the team. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

describe('adding a session', () => {
  it('adds a session in Beijing time and goes back', async () => {
    const input = worldInput('trainings.addSession.new');
    const trainer = worldView('trainings.listTrainers.sport').find((t) => t.id === input.trainerId)!;
    const p = await loadPage('packages/trainings/session/index', {
      query: { programId: input.programId, unitId: 'u_sport' },
      responses: {
        'trainings.addSession': worldReply('trainings.addSession.new'),
        'trainings.listTrainers': worldReply('trainings.listTrainers.sport'),
      },
    });
    expect(p.callsOf('trainings.listTrainers')[0].input).toEqual(worldInput('trainings.listTrainers.sport'));
    await p.tap('#trainer-cell');
    await p.trigger('#trainer-picker', 'confirm', { value: [trainer.id], label: [''] });
    expect(p.text('#trainer-cell')).toContain(`${trainer.name}（${trainer.kindLabel}）`);
    for (const [id, value] of [
      ['#title-input', input.title],
      ['#date-input', input.start.slice(0, 10)],
      ['#start-input', input.start.slice(11, 16)],
      ['#end-input', input.end.slice(11, 16)],
      ['#place-input', input.place],
      ['#hours-input', String(input.hours)],
    ]) {
      await p.trigger(id as string, 'change', { value });
    }
    await p.tap('#save-button');
    expect(p.callsOf('trainings.addSession')[0].input).toEqual(input);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });
});
