/** 我的: who I am, my current positions, where my real-name binding stands, and officer entries. */
import { call } from '../../services/api';
import { errorText } from '../../services/errors';
import { type MeVM, toMeVM } from '../../services/me';
import { go } from '../../routes';
import { definePage } from '../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ loading: boolean }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    me: null as MeVM | null,
  },
  methods: {
    onShow() {
      // Binding state changes elsewhere (the form, an officer's decision): refresh on every show.
      this.load();
    },
    async load() {
      if (this.loading) return;
      this.loading = true;
      if (!this.data.me) this.setData({ state: 'loading' });
      const res = await call('me.get', {});
      this.loading = false;
      if (!res.ok) {
        this.setData({ state: 'error', errorMessage: errorText(res.error) });
        return;
      }
      this.setData({ state: 'ready', me: toMeVM(res.data) });
    },
    openBinding() {
      go('binding');
    },
    openReview() {
      go('bindingReview');
    },
    openNoticesManage() {
      go('noticesManage');
    },
    openVotes() {
      go('votesMine');
    },
    openVotesManage() {
      go('votesManage');
    },
  },
});
