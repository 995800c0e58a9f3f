/**
 * The showcase's media checks when WeChat's answer never comes (D10): the scheduler's tick submits the image again
 * after a while, a bounded number of times, then gives the image up so the post does not stay pending forever.
 * WeChat is the emulator's outbox: `unanswered` in a file name is never answered, `lostonce` loses only its first push.
 */
import type { PostView } from '../../../typings/actions';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { upload } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const T0 = Date.parse('2026-11-23T09:00:00+08:00');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const img = (name: string) => ({ fileID: upload(emu, `showcase/${name}`), size: 200_000, type: 'image/jpeg' });

const submissions = () => emu.host.outbox.filter((r) => r.api === 'security.mediaCheckAsync').length;
const checks = async (postId: string) =>
  (await emu.server.db.collection('media_checks').find({ postId })) as unknown as {
    attempt: number;
    state: string;
    index: number;
  }[];

async function tick(minutes: number) {
  emu.host.setClock(at(minutes));
  await emu.host.fireTimers();
}

/** Waits (up to 15 s on a busy machine) until at most `pending` images of the post wait for their verdict. */
async function settled(postId: string, pending: number): Promise<PostView> {
  for (let i = 0; i < 300; i++) {
    const p = expectOk(await emu.call('fed_chair', 'showcase.get', { postId }));
    if (p.images.filter((x) => x.state === 'pending').length <= pending) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('media check never answered');
}

async function post(images: string[]): Promise<PostView> {
  emu.host.setClock(at(0));
  return expectOk(
    await emu.call('fed_chair', 'showcase.create', {
      associationId: 'u_as_robot',
      title: '机器人创新协会获省赛一等奖',
      text: '机器人创新协会代表队在省大学生机器人竞赛中获得一等奖。',
      images: images.map(img),
      tags: ['赛事'],
    }),
  );
}

describe('an image whose media check WeChat never answers', () => {
  let p: PostView;

  it('waits for the answer until the recheck is due, and sends nothing again before', async () => {
    p = await post(['award.jpg', 'car-unanswered.jpg']);
    await settled(p.id, 1);
    const sent = submissions();
    await tick(10);
    await tick(29);
    expect(submissions()).toBe(sent);
    expect((await checks(p.id)).map((c) => c.state).sort()).toEqual(['answered', 'pending']);
  });

  it('is submitted again once 30 minutes passed without an answer, and again after 30 more', async () => {
    const sent = submissions();
    await tick(31);
    expect(submissions()).toBe(sent + 1);
    await tick(45);
    expect(submissions()).toBe(sent + 1);
    await tick(62);
    expect(submissions()).toBe(sent + 2);
    const mine = (await checks(p.id)).filter((c) => c.index === 1);
    expect(mine.map((c) => `${c.attempt}:${c.state}`).sort()).toEqual(['1:resubmitted', '2:resubmitted', '3:pending']);
    const view = expectOk(await emu.call('fed_chair', 'showcase.get', { postId: p.id }));
    expect(view.images.map((i) => i.state)).toEqual(['pass', 'pending']);
  });

  it('after its third submission goes unanswered, is given up: marked failed, audited, never shown', async () => {
    const sent = submissions();
    const audit = await emu.server.db.collection('audit').count();
    await tick(93);
    expect(submissions()).toBe(sent);
    const view = expectOk(await emu.call('fed_chair', 'showcase.get', { postId: p.id }));
    expect(view.images.map((i) => [i.state, i.stateLabel, i.url])).toEqual([
      ['pass', '已通过', expect.stringMatching(/^https?:\/\/.*award\.jpg$/)],
      ['failed', '检测未完成', null],
    ]);
    expect(view.isPublic).toBe(false);
    expect(await emu.server.db.collection('audit').count()).toBe(audit + 1);
    const list = expectOk(await emu.call('openid:o-stranger', 'showcase.list', { limit: 30 }));
    expect(list.items.map((x) => x.id)).not.toContain(p.id);
  });

  it('is left alone by later ticks', async () => {
    const sent = submissions();
    const before = await checks(p.id);
    await tick(200);
    await tick(600);
    expect(submissions()).toBe(sent);
    expect(await checks(p.id)).toEqual(before);
  });
});

describe('an image whose first answer was lost', () => {
  it('passes on its resubmission, and the federation’s post is listed', async () => {
    const p = await post(['team-lostonce.jpg']);
    await tick(20);
    expect(expectOk(await emu.call('fed_chair', 'showcase.get', { postId: p.id })).images[0].state).toBe('pending');
    const sent = submissions();
    await tick(31);
    expect(submissions()).toBe(sent + 1);
    const view = await settled(p.id, 0);
    expect(view.images[0].state).toBe('pass');
    expect(view.isPublic).toBe(true);
    expect((await checks(p.id)).map((c) => `${c.attempt}:${c.state}`).sort()).toEqual(['1:resubmitted', '2:answered']);
    const list = expectOk(await emu.call('openid:o-stranger', 'showcase.list', { limit: 30 }));
    expect(list.items.map((x) => x.id)).toContain(p.id);
  });
});
