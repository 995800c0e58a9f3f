/** 首页: welcome, the binding prompt while unbound, and shortcuts to what exists today. */
import { type HomeVM, toHomeVM } from '../../services/me';
import { go } from '../../routes';
import { definePage } from '../../utils/define-page';
import { loadMeInto } from '../../utils/load-me';

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
    load() {
      return loadMeInto(this, 'home', toHomeVM);
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
  },
});
