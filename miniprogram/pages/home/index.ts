/** 首页: welcome, the binding prompt while unbound, what waits for me, the showcase, and shortcuts. */

import { go } from '../../routes';
import { loadFeed, type PostCardVM, toPostCardVM, toWaitingVM, type WaitingVM } from '../../services/honors';
import { type HomeVM, toHomeVM } from '../../services/me';
import { definePage } from '../../utils/define-page';
import { loadMeInto } from '../../utils/load-me';

type State = 'loading' | 'ready' | 'error';

definePage<{ loading: boolean }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    home: null as HomeVM | null,
    posts: [] as PostCardVM[],
    waiting: [] as WaitingVM[],
    personId: '',
    publishAs: [] as { key: string; associationId: string; name: string }[],
    awardAs: [] as { unitId: string; name: string }[],
  },
  methods: {
    onShow() {
      this.load();
      this.loadFeed();
    },
    load() {
      return loadMeInto(this, 'home', toHomeVM);
    },
    /** The showcase and what waits for me: shown when it arrives, left out quietly when it fails. */
    async loadFeed() {
      const res = await loadFeed();
      if (!res.ok) return;
      this.setData({
        posts: res.data.posts.map(toPostCardVM),
        waiting: res.data.waiting.map(toWaitingVM),
        personId: res.data.personId ?? '',
        publishAs: res.data.publishAs.map((t) => ({
          key: t.associationId ?? 'federation',
          associationId: t.associationId ?? '',
          name: t.name,
        })),
        awardAs: res.data.awardAs,
      });
    },
    openPost(e: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      go('showcasePost', { id: e.currentTarget.dataset.id });
    },
    openWaiting(e: WechatMiniprogram.BaseEvent<Record<string, never>, { path: string }>) {
      const path = e.currentTarget.dataset.path;
      if (path === '/pages/notices/index') go('notices');
      else wx.navigateTo({ url: path });
    },
    openVerify() {
      go('honorVerify');
    },
    openMyHonors() {
      go('honorWall', { personId: this.data.personId, mine: '1' });
    },
    openPublish(e: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      go('showcaseEdit', id ? { associationId: id } : {});
    },
    openAward(e: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      go('honorAward', { unitId: e.currentTarget.dataset.id });
    },
    openShowcase() {
      go('showcase');
    },
    openMe() {
      go('me');
    },
    openBinding() {
      go('binding');
    },
    openReview() {
      go('bindingReview');
    },
    openVotes() {
      go('votesMine');
    },
    openTrainings() {
      go('trainings');
    },
    openVotesManage() {
      go('votesManage');
    },
    openFilings() {
      go('pipelineFilings');
    },
    openMembers() {
      go('pipelineMembers');
    },
    openAssess() {
      go('pipelineAssess');
    },
  },
});
