/**
 * The organiser's live code screen: the server's code for this session drawn as a QR code (TDesign's t-qrcode, which
 * draws on a 2d canvas and redraws whenever its value changes), fetched again when its slot ends, with the screen kept
 * on. What the code holds is the token string itself: the student side's camera scan sends it to trainings.checkIn as
 * read. The token is not printed as text: no page takes a typed code, and a code to copy is what the rotation is there
 * to defeat.
 */
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { type TokenVM, toTokenVM } from '../../../services/trainings';
import { type CodeScreen, codeScreen } from '../../../utils/code-screen';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ screen: CodeScreen }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    code: null as TokenVM | null,
    /** The code's side in px (set by the code screen): the card's full width, readable a few rows back. */
    qrSize: 300,
  },
  lifetimes: {
    // A page built with Component() is also detached when it closes: stop there too (either may come first).
    detached() {
      this.screen?.stop();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const sessionId = query.sessionId ?? '';
      const purpose = query.purpose === 'out' ? 'out' : 'in';
      this.screen = codeScreen(this, {
        fetch: () => call('trainings.checkinToken', { sessionId, purpose }),
        show: (res) =>
          this.setData(
            res.ok
              ? { state: 'ready', code: toTokenVM(res.data) }
              : { state: 'error', errorMessage: errorText(res.error) },
          ),
      });
      this.refresh();
    },
    onUnload() {
      this.screen.stop();
    },
    refresh() {
      return this.screen.refresh();
    },
    retry() {
      this.setData({ state: 'loading' });
      this.refresh();
    },
  },
});
