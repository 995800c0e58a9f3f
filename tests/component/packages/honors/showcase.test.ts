/** 风采展示 (packages/honors/showcase/index): the demo world's public posts, a page at a time, by association and tag. */
import type { Input } from '../../../../typings/actions';
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const PAGE = 'packages/honors/showcase/index';
const FIRST = worldView('showcase.list.page1of2');
const SECOND = worldView('showcase.list.page2of2');

/** The world's answer for what the page asks: the two pages, by association, by tag, or a tag nobody used. */
function showcase(input: Input<'showcase.list'>) {
  if (input.tag === '摄影') return worldReply('showcase.list.none');
  if (input.tag) return worldReply('showcase.list.tag');
  if (input.associationId) return worldReply('showcase.list.bball');
  return input.cursor ? worldReply('showcase.list.page2of2') : worldReply('showcase.list.page1of2');
}

describe('风采展示', () => {
  it('lists public posts newest first and loads the next page by the server’s cursor', async () => {
    const p = await loadPage(PAGE, {
      responses: { 'showcase.list': showcase, 'org.tree': worldReply('org.tree.sport_prob2') },
    });
    expect(p.count('.post-card')).toBe(FIRST.items.length);
    expect(p.text(`#post-${FIRST.items[0].id}`)).toContain(FIRST.items[0].title);
    await p.tap('#more-button');
    expect(p.callsOf('showcase.list')[1].input).toMatchObject({ cursor: FIRST.next });
    expect(p.count('.post-card')).toBe(FIRST.items.length + SECOND.items.length);
    expect(p.exists('#more-button')).toBe(SECOND.next !== null);
    await p.tap(`#post-${SECOND.items[0].id}`);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/honors/post/index?id=${SECOND.items[0].id}` },
    ]);
  });

  it('filters by association and by a card’s tag', async () => {
    const p = await loadPage(PAGE, {
      responses: { 'showcase.list': showcase, 'org.tree': worldReply('org.tree.sport_prob2') },
    });
    expect(p.text('#filter-u_as_bball')).toBe('篮球协会');
    await p.tap('#filter-u_as_bball');
    expect(p.callsOf('showcase.list')[1].input).toMatchObject({ associationId: 'u_as_bball' });
    const bball = worldView('showcase.list.bball');
    expect(p.count('.post-card')).toBe(bball.items.length);
    await p.tap('.post-card__tag');
    expect(p.callsOf('showcase.list')[2].input).toMatchObject({
      associationId: 'u_as_bball',
      tag: bball.items[0].tags[0],
    });
    expect(p.text('#tag-filter')).toContain(`#${bball.items[0].tags[0]}`);
    expect(p.navigations).toEqual([]);
    await p.tap('#filter-all');
    await p.tap('#tag-clear');
    expect(p.callsOf('showcase.list').at(-1)?.input).toEqual({ limit: 10 });
  });

  it('says when nothing matches a filter', async () => {
    const p = await loadPage(PAGE, {
      query: { tag: '摄影' },
      responses: { 'showcase.list': showcase, 'org.tree': worldReply('org.tree.sport_prob2') },
    });
    expect(p.callsOf('showcase.list')[0].input).toEqual({ tag: '摄影', limit: 10 });
    expect(p.text('#page-state')).toContain('没有符合条件的展示');
  });
});
