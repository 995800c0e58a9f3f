/** 我的: who I am, my current positions, where my real-name binding stands, and officer entries. */

import { go } from '../../routes';
import { type MeVM, toMeVM } from '../../services/me';
import { definePage } from '../../utils/define-page';
import { loadMeInto } from '../../utils/load-me';

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
    load() {
      return loadMeInto(this, 'me', toMeVM);
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
    openActivistFile() {
      go('activistFile');
    },
    openActivistGrading() {
      go('activistGrading');
    },
    openJourney() {
      go('myJourney');
    },
    openPipelineTodo() {
      go('pipelineTodo');
    },
    openPipelineAssess() {
      go('pipelineAssess');
    },
    openVotesManage() {
      go('votesManage');
    },
    openVoteRules() {
      go('voteRules');
    },
    openFreshmen() {
      go('freshmen');
    },
  },
});
