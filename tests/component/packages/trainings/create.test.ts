/** 发起培训项目 (packages/trainings/create/index): the options the server offers, the server's field messages. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const CREATE = 'packages/trainings/create/index';
const OPTIONS = worldView('trainings.createOptions.officer');

describe('creating a program', () => {
  it('creates a program with the options chosen and opens it', async () => {
    const input = worldInput('trainings.createProgram.new');
    const created = worldView('trainings.createProgram.new');
    const p = await loadPage(CREATE, {
      responses: {
        'trainings.createOptions': worldReply('trainings.createOptions.officer'),
        'trainings.createProgram': worldReply('trainings.createProgram.new'),
      },
    });
    for (const [cell, value] of [
      ['#unit-cell', input.unitId],
      ['#level-cell', input.level],
      ['#category-cell', input.category],
      ['#admission-cell', input.admission],
    ]) {
      await p.tap(cell as string);
      await p.trigger('#picker', 'confirm', { value: [value], label: [''] });
    }
    await p.trigger('#title-input', 'change', { value: input.title });
    await p.trigger('#term-input', 'change', { value: input.term });
    await p.trigger('#capacity-input', 'change', { value: String(input.capacity) });
    await p.trigger('#waitlist-input', 'change', { value: String(input.waitlistLimit) });
    expect(p.text('#admission-cell')).toContain('报名审核');
    await p.tap('#save-button');
    expect(p.callsOf('trainings.createProgram')[0].input).toEqual(input);
    expect(p.navigations).toEqual([
      { method: 'redirectTo', url: `/packages/trainings/program/index?id=${created.programId}` },
    ]);
  });

  it('shows the server’s field message in place', async () => {
    const refused = worldReply('trainings.createProgram.bad_term');
    const p = await loadPage(CREATE, {
      responses: {
        'trainings.createOptions': worldReply('trainings.createOptions.officer'),
        'trainings.createProgram': refused,
      },
    });
    await p.tap('#unit-cell');
    await p.trigger('#picker', 'confirm', { value: [OPTIONS.units[0].value], label: [''] });
    await p.tap('#level-cell');
    await p.trigger('#picker', 'confirm', { value: ['activist'], label: [''] });
    await p.tap('#category-cell');
    await p.trigger('#picker', 'confirm', { value: ['ideology'], label: [''] });
    await p.trigger('#capacity-input', 'change', { value: '10' });
    await p.trigger('#term-input', 'change', { value: '2027' });
    await p.tap('#save-button');
    expect(p.callsOf('trainings.createProgram')[0].input).toMatchObject({
      unitId: OPTIONS.units[0].value,
      term: '2027',
    });
    expect(p.text('#term-error')).toBe(refused.ok ? '' : refused.error.fields?.term);
  });
});
