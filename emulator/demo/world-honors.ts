/**
 * The demo world's honors and showcase, made by the real actions as the people a school would use:
 *
 * - 优秀共青团员 for 沈可欣, awarded by the League committee after the 体育学院2023级1班团支部's 评优 vote (its candidates
 *   graded 优秀 by the year's 团员教育评议) and the committee's own 公示, which closed with no objection;
 * - 优秀社团 for 篮球协会 by the federation (a title that needs neither vote nor 公示);
 * - 社会实践先进个人 from 体育学院 for 谢天宇, revoked with a reason, and for 彭悦, who hid it from public walls;
 * - showcase posts: public (the federation's own, one it published for 篮球协会, one of 青年志愿者协会 it approved),
 *   one of 篮球协会 waiting for review, one of 太极拳社 refused with a reason, and one whose second image WeChat's
 *   media check never answered (still pending); likes on the public ones.
 *
 * Images are stored in cloud storage first, as the mini-program's upload does. The emulator judges an image by its
 * file name: `unanswered` in the name is never answered.
 */
import { addDays } from '../../server/domain/time';
import type { Ctx } from './context';
import { demoPersonName, demoPersonId as pid } from './school';

/** A 1×1 PNG: the bytes of every demo image (the emulator cannot judge pictures, only names). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function seedHonors(c: Ctx): void {
  const h = c.ids.honors;
  const p = c.ids.posts;

  // ------------------------------------------------------------------------------ the League committee's 公示
  // Published the evening the 评优 vote closed (day -8, 19:40), open five calendar days from the next morning.
  const start = addDays(c.today, -7);
  const window = { start, length: 5, unit: 'calendar_day' as const, counting: 'inclusive' as const };
  c.step(c.day(-8, 20.5), async () => {
    const r = await c.call('league_admin', 'notices.create', {
      unitId: 'u_league',
      kind: 'honor',
      title: '2026年度校级优秀共青团员评选结果公示',
      body: '经团支部评优表决、学院团委推荐、校团委审核，拟授予沈可欣同志2026年度校级“优秀共青团员”称号。现予公示，如有异议，请通过“领雁”小程序实名或匿名反映。',
      subjects: [{ personId: pid('sport_league2'), name: demoPersonName('sport_league2') }],
      scopeUnitIds: ['u_league'],
      window,
    });
    c.ids.notices.honor_publicity = r.noticeId;
    await c.call('league_admin', 'notices.publish', { noticeId: r.noticeId });
  });
  // The scheduler's tick after the window's last day closes and files it (no objection).
  c.step(c.day(-2, 0.1), async () => {
    await c.host.fireTimers();
  });

  // ------------------------------------------------------------------------------ honors
  c.step(c.day(-6, 10), async () => {
    const r = await c.call('sport_officer', 'honors.award', {
      unitId: 'u_sport',
      title: '社会实践先进个人',
      recipient: { kind: 'person', personId: pid('bball_backbone') },
      term: '2026年暑期',
      citation: '带领篮球协会赴乡村小学开展体育支教，累计服务时长120小时。',
    });
    h.revoked = r.id;
  });
  c.step(c.day(-6, 10.1), async () => {
    const r = await c.call('sport_officer', 'honors.award', {
      unitId: 'u_sport',
      title: '社会实践先进个人',
      recipient: { kind: 'person', personId: pid('sport_prob2') },
      term: '2026年暑期',
      citation: '参与太极拳社社区健身推广活动，组织教学十二场。',
    });
    h.hidden = r.id;
  });
  c.step(c.day(-3, 15), async () => {
    const r = await c.call('fed_chair', 'honors.award', {
      unitId: 'u_fed',
      title: '优秀社团',
      recipient: { kind: 'association', unitId: 'u_as_bball' },
      term: '2025—2026学年',
      citation: '组织校园篮球联赛，参与学生逾八百人次，社团建设规范有序。',
    });
    h.association = r.id;
  });
  c.step(c.day(-2, 11), async () => {
    await c.call('sport_officer', 'honors.revoke', {
      honorId: h.revoked,
      reason: '经核实，社会实践材料中的服务时长与活动记录不符，撤销该荣誉。',
    });
  });
  c.step(c.day(-1, 9), async () => {
    const r = await c.call('league_admin', 'honors.award', {
      unitId: 'u_league',
      title: '优秀共青团员',
      recipient: { kind: 'person', personId: pid('sport_league2') },
      term: '2026年度',
      citation: '团员教育评议中被评为优秀，经团支部评优表决当选，学习工作表现突出，积极参加志愿服务。',
      voteId: c.ids.votes.honor_closed,
      noticeId: c.ids.notices.honor_publicity,
    });
    h.league_excellent = r.id;
  });
  c.step(c.day(-1, 20), async () => {
    await c.call('sport_prob2', 'honors.setHidden', { honorId: h.hidden, hidden: true });
  });

  // ------------------------------------------------------------------------------ showcase posts
  let files = 0;
  const image = (name: string) => {
    const cloudPath = `showcase/demo/${String(++files).padStart(2, '0')}-${name}.png`;
    return { fileID: c.host.putFile(cloudPath, PNG), size: PNG.length, type: 'image/png' };
  };
  /** Waits for WeChat's answers (the emulator pushes them about 30 ms later) so the next step sees them. */
  const settled = async (who: string, postId: string, silent = 0) => {
    for (let i = 0; i < 150; i++) {
      const v = await c.call(who, 'showcase.get', { postId });
      if (v.images.filter((img) => img.state === 'pending').length <= silent) return;
      await sleep(20);
    }
    throw new Error(`demo world: the media check of ${postId} never answered`);
  };

  c.step(c.day(-4, 10), async () => {
    const r = await c.call('fed_chair', 'showcase.create', {
      associationId: 'u_as_bball',
      title: '篮球协会秋季联赛圆满落幕',
      text: '历时三周的校园篮球秋季联赛于上周日落下帷幕，来自六个学院的十六支队伍参赛。体育学院代表队夺得冠军，信息学院代表队获得体育道德风尚奖。感谢裁判组与志愿者的辛勤付出！',
      images: [image('bball-final'), image('bball-team')],
      tags: ['赛事', '篮球'],
    });
    p.public_bball = r.id;
    await settled('fed_chair', r.id);
  });
  c.step(c.day(-3, 9), async () => {
    const r = await c.call('vol_pres', 'showcase.create', {
      associationId: 'u_as_vol',
      title: '青年志愿者协会走进社区敬老院',
      text: '周六上午，青年志愿者协会二十余名志愿者走进社区敬老院，为老人们表演节目、整理房间、教老人使用智能手机。',
      images: [image('vol-visit')],
      tags: ['志愿服务'],
    });
    p.public_vol = r.id;
    await settled('vol_pres', r.id);
  });
  c.step(c.day(-3, 10), async () => {
    const r = await c.call('taiji_pres', 'showcase.create', {
      associationId: 'u_as_taiji',
      title: '太极拳社招新啦',
      text: '太极拳社面向全校招新，每周二、四晚在体育馆二楼活动，零基础也可以参加，欢迎加入！',
      images: [image('taiji-poster')],
      tags: ['招新'],
    });
    p.refused = r.id;
    await settled('taiji_pres', r.id);
  });
  c.step(c.day(-2, 10), async () => {
    await c.call('fed_chair', 'showcase.review', { postId: p.public_vol, approve: true, reason: '' });
    await c.call('fed_chair', 'showcase.review', {
      postId: p.refused,
      approve: false,
      reason: '招新信息请发布在社团招新专栏；风采展示请分享已开展活动的成果。',
    });
  });
  c.step(c.day(-2, 16), async () => {
    const r = await c.call('fed_chair', 'showcase.create', {
      title: '第十二届社团文化节开幕',
      text: '第十二届社团文化节在中心广场开幕，四十余个学生社团同台展示，现场吸引了两千余名同学驻足参与。',
      images: [],
      tags: ['社团文化节'],
    });
    p.public_federation = r.id;
  });
  c.step(c.day(-1, 16), async () => {
    const r = await c.call('bball_pres', 'showcase.create', {
      associationId: 'u_as_bball',
      title: '篮球协会新生训练营',
      text: '本周末篮球协会为新会员举办训练营，由校队队员讲解运球、投篮和战术配合。',
      images: [image('bball-camp')],
      tags: ['训练'],
    });
    p.pending_review = r.id;
    await settled('bball_pres', r.id);
  });
  c.step(c.day(0, 9.5), async () => {
    const r = await c.call('fed_chair', 'showcase.create', {
      associationId: 'u_as_robot',
      title: '机器人创新协会获省赛一等奖',
      text: '机器人创新协会代表队在省大学生机器人竞赛中获得一等奖，作品“智能分拣小车”受到评委好评。',
      images: [image('robot-award'), image('robot-car-unanswered')],
      tags: ['赛事', '科技'],
    });
    p.image_pending = r.id;
    await settled('fed_chair', r.id, 1);
  });

  // Likes: one each, from the people who saw the posts.
  const likes: [string, keyof typeof p | string][] = [
    ['sport_league1', 'public_bball'],
    ['sport_prob2', 'public_bball'],
    ['taiji_pres', 'public_bball'],
    ['sport_league2', 'public_vol'],
    ['info_prob1', 'public_federation'],
  ];
  for (const [i, [who, key]] of likes.entries()) {
    c.step(c.day(-1, 21 + i * 0.1), async () => {
      await c.call(who, 'showcase.like', { postId: p[key] });
    });
  }
}
