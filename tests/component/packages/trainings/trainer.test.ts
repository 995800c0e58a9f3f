/** 新增讲师 (packages/trainings/trainer/index): a trainer of the unit's team with kind and profile. */
import { worldInput, worldReply } from '../../../support/world-views';
import { loadPage } from '../../harness';

describe('adding a trainer', () => {
  it('saves a trainer of the unit with kind and profile', async () => {
    const input = worldInput('trainings.createTrainer.new');
    const p = await loadPage('packages/trainings/trainer/index', {
      query: { unitId: input.unitId },
      responses: {
        'trainings.createOptions': worldReply('trainings.createOptions.officer'),
        'trainings.createTrainer': worldReply('trainings.createTrainer.new'),
      },
    });
    await p.trigger('#name-input', 'change', { value: input.name });
    await p.tap('#save-button');
    expect(p.text('#kind-error')).toBe('请选择讲师类型');
    await p.tap('#kind-cell');
    await p.trigger('#kind-picker', 'confirm', { value: [input.kind], label: [''] });
    await p.trigger('#profile-input', 'change', { value: input.profile });
    await p.tap('#save-button');
    expect(p.callsOf('trainings.createTrainer')[0].input).toEqual(input);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });
});
