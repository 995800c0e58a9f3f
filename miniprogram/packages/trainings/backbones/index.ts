/**
 * 社团骨干培训档案: an association's backbones (its president, backbones and its temporary branches' officers) for
 * those who look after them, each opening their 培训档案. Which associations, and who is a backbone: the server.
 */

import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';
type IdTap = WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string }>;

interface BackboneVM {
  personId: string;
  name: string;
  posts: string;
  statusLabel: string;
}

definePage<{ associationId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    associations: [] as { id: string; name: string }[],
    associationName: '',
    backbones: [] as BackboneVM[],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.associationId = query.associationId ?? '';
      this.load();
    },
    async load() {
      if (!this.associationId) {
        const mine = await call('trainings.backboneAssociations', {});
        if (!mine.ok) {
          if (mine.error.code === 'FORBIDDEN')
            return this.setData({ state: 'forbidden', message: '您没有指导或所在的社团' });
          return this.setData({ state: 'error', message: errorText(mine.error) });
        }
        if (mine.data.length === 0) return this.setData({ state: 'forbidden', message: '您没有指导或所在的社团' });
        if (mine.data.length > 1) return this.setData({ state: 'ready', associations: mine.data });
        this.associationId = mine.data[0]!.id;
      }
      const res = await call('trainings.backbones', { associationId: this.associationId });
      if (!res.ok) {
        const code = res.error.code;
        if (code === 'OUT_OF_SCOPE' || code === 'FORBIDDEN') {
          return this.setData({ state: 'forbidden', message: '您没有查看该社团骨干培训档案的权限' });
        }
        return this.setData({ state: 'error', message: errorText(res.error) });
      }
      const backbones = res.data.backbones.map((b) => ({
        personId: b.personId,
        name: b.name,
        statusLabel: b.statusLabel,
        posts: b.posts.map((p) => `${p.unitName} ${p.roleLabel}`).join('；'),
      }));
      if (!backbones.length) {
        return this.setData({ state: 'empty', message: `${res.data.associationName}目前没有在任的骨干` });
      }
      this.setData({ state: 'ready', associations: [], associationName: res.data.associationName, backbones });
    },
    chooseAssociation(e: IdTap) {
      this.associationId = e.currentTarget.dataset.id;
      this.setData({ state: 'loading', associations: [] });
      this.load();
    },
    openRecord(e: IdTap) {
      go('trainingRecord', { personId: e.currentTarget.dataset.id });
    },
  },
});
