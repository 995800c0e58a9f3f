/** 首页: welcome, the binding prompt while unbound, and shortcuts to what exists today. */
import { call } from '../../services/api';
import { errorText } from '../../services/errors';
import { type HomeVM, toHomeVM } from '../../services/me';
import { go } from '../../routes';
import { definePage } from '../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ loading: boolean }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    home: null as HomeVM | null,
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      if (this.loading) return;
      this.loading = true;
      if (!this.data.home) this.setData({ state: 'loading' });
      const res = await call('me.get', {});
      this.loading = false;
      if (!res.ok) {
        this.setData({ state: 'error', errorMessage: errorText(res.error) });
        return;
      }
      this.setData({ state: 'ready', home: toHomeVM(res.data) });
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
    openVotesManage() {
      go('votesManage');
    },
  },
});
