/** 社团主页: an association's public posts, honors, temporary branches and backbones. */
import type { AssociationPageView } from '../../../../typings/actions';
import { go } from '../../../routes';
import { errorText } from '../../../services/errors';
import { loadAssociation, type PostCardVM, toPostCardVM } from '../../../services/honors';
import { definePage } from '../../../utils/define-page';

definePage<{ associationId: string }>()({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    name: '',
    posts: [] as PostCardVM[],
    honors: [] as { id: string; title: string; line: string; no: string }[],
    branches: [] as AssociationPageView['branches'],
    backbones: [] as AssociationPageView['backbones'],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.associationId = query.id ?? '';
      this.load();
    },
    async load() {
      const res = await loadAssociation(this.associationId);
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      const a = res.data;
      wx.setNavigationBarTitle?.({ title: a.name });
      this.setData({
        state: 'ready',
        name: a.name,
        posts: a.posts.map(toPostCardVM),
        honors: a.honors.map((h) => ({
          id: h.id,
          title: h.title,
          line: `${h.term} · ${h.awardingUnitName}`,
          no: h.certificateNo,
        })),
        branches: a.branches,
        backbones: a.backbones,
      });
    },
    openPost(e: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      go('showcasePost', { id: e.currentTarget.dataset.id });
    },
    /** Every public post of the association: the showcase filtered by it. */
    openAllPosts() {
      if (this.associationId) go('showcase', { associationId: this.associationId });
    },
    openHonor(e: WechatMiniprogram.BaseEvent<Record<string, never>, { no: string }>) {
      go('honorVerify', { no: e.currentTarget.dataset.no });
    },
  },
});
