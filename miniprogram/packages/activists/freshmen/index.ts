/**
 * 新生信息库 (四早): a college's freshmen as its officers keep them: the list page by page (all, or only the students
 * marked to watch), a mark to watch with the reason and its removal, whether each attended the college's first
 * lesson, the workbook template, and an import of a workbook chosen from a chat: checked first, every problem shown
 * by sheet, row and column, nothing written unless all pass. Which colleges and what is allowed: the server.
 */

import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import {
  chooseWorkbook,
  type FreshmanVM,
  problemLines,
  toFreshmanVM,
  uploadWorkbook,
} from '../../../services/freshmen';
import { ACTIVIST_LIMITS } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';
import { openDocument } from '../../../utils/document';

type State = 'loading' | 'ready' | 'forbidden' | 'error';
type IdTap = WechatMiniprogram.TouchEvent<Record<string, never>, { id: string }>;

interface Draft {
  open: boolean;
  text: string;
  error: string;
}

definePage<{ collegeId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    colleges: [] as { id: string; name: string }[],
    collegeName: '',
    watchedOnly: false,
    rows: [] as FreshmanVM[],
    page: 1,
    hasMore: false,
    drafts: {} as Record<string, Draft>,
    reasonMax: ACTIVIST_LIMITS.reasonMax,
    /** The refused workbook's problems, one line each. */
    problems: [] as string[],
    importNote: '',
    busy: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.collegeId = query.collegeId ?? '';
      this.load();
    },
    async load() {
      if (!this.collegeId) {
        const me = await call('me.get', {});
        if (!me.ok) return this.setData({ state: 'error', message: errorText(me.error) });
        const colleges = me.data.manages.freshmen;
        if (colleges.length === 0) return this.setData({ state: 'forbidden', message: '您没有可管理新生信息的学院' });
        if (colleges.length > 1) {
          return this.setData({ state: 'ready', colleges: colleges.map((c) => ({ id: c.id, name: c.name })) });
        }
        this.collegeId = colleges[0]!.id;
        this.setData({ collegeName: colleges[0]!.name });
      }
      return this.fetch(1);
    },
    async fetch(page: number) {
      const res = await call('freshmen.list', { collegeId: this.collegeId, watchedOnly: this.data.watchedOnly, page });
      if (!res.ok) {
        const code = res.error.code;
        if (code === 'OUT_OF_SCOPE' || code === 'FORBIDDEN') {
          return this.setData({ state: 'forbidden', message: '您没有管理该学院新生信息的权限' });
        }
        if (page > 1) return showError(res.error);
        return this.setData({ state: 'error', message: errorText(res.error) });
      }
      const rows = res.data.items.map(toFreshmanVM);
      const drafts: Record<string, Draft> = page > 1 ? { ...this.data.drafts } : {};
      for (const r of rows) drafts[r.id] = { open: false, text: '', error: '' };
      this.setData({
        state: 'ready',
        colleges: [],
        rows: page > 1 ? [...this.data.rows, ...rows] : rows,
        page,
        hasMore: res.data.hasMore,
        drafts,
      });
    },
    chooseCollege(e: IdTap) {
      const c = this.data.colleges.find((x) => x.id === e.currentTarget.dataset.id);
      if (!c) return;
      this.collegeId = c.id;
      this.setData({ collegeName: c.name, state: 'loading' });
      this.fetch(1);
    },
    showAll() {
      if (!this.data.watchedOnly) return;
      this.setData({ watchedOnly: false });
      this.fetch(1);
    },
    showWatched() {
      if (this.data.watchedOnly) return;
      this.setData({ watchedOnly: true });
      this.fetch(1);
    },
    more() {
      if (this.data.hasMore) this.fetch(this.data.page + 1);
    },
    onReachBottom() {
      this.more();
    },
    openMark(e: IdTap) {
      this.setData({ [`drafts.${e.currentTarget.dataset.id}.open`]: true });
    },
    onReasonChange(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ [`drafts.${id}.text`]: e.detail.value, [`drafts.${id}.error`]: '' });
    },
    async mark(e: IdTap) {
      const id = e.currentTarget.dataset.id;
      const draft = this.data.drafts[id];
      if (!draft) return;
      if (!draft.text.trim()) return this.setData({ [`drafts.${id}.error`]: '请写明关注理由' });
      await this.setWatch(id, true, draft.text.trim());
    },
    async unmark(e: IdTap) {
      await this.setWatch(e.currentTarget.dataset.id, false, '');
    },
    async setWatch(id: string, watch: boolean, reason: string) {
      this.setData({ busy: id });
      const res = await call('freshmen.watch', { freshmanId: id, watch, reason });
      this.setData({ busy: '' });
      if (!res.ok) {
        const fields = showError(res.error, ['reason'] as const);
        return this.setData({ [`drafts.${id}.error`]: fields.reason ?? '' });
      }
      const index = this.data.rows.findIndex((r) => r.id === id);
      const row = toFreshmanVM(res.data);
      if (this.data.watchedOnly && !row.watched) {
        this.setData({ rows: this.data.rows.filter((r) => r.id !== id) });
      } else if (index >= 0) {
        this.setData({ [`rows[${index}]`]: row, [`drafts.${id}`]: { open: false, text: '', error: '' } });
      }
      toast(watch ? '已标记重点关注' : '已取消关注');
    },
    async template() {
      this.setData({ busy: 'template' });
      const res = await call('freshmen.template', { collegeId: this.collegeId });
      if (!res.ok) {
        this.setData({ busy: '' });
        return showError(res.error);
      }
      const opened = await openDocument(res.data.url, 'xlsx');
      this.setData({ busy: '' });
      if (!opened) toast('模板下载失败，请稍后重试');
    },
    async importWorkbook() {
      const chosen = await chooseWorkbook();
      if (!chosen) return;
      this.setData({ busy: 'import', problems: [], importNote: '' });
      const fileID = await uploadWorkbook(this.collegeId, chosen.path);
      if (!fileID) {
        this.setData({ busy: '' });
        return toast('上传失败，请稍后重试');
      }
      // Checked first: every problem at once, by sheet, row and column; nothing is written unless all pass.
      const checked = await call('freshmen.import', { collegeId: this.collegeId, fileID, check: true });
      if (!checked.ok) {
        this.setData({ busy: '' });
        return showError(checked.error);
      }
      if (checked.data.problems.length) {
        return this.setData({
          busy: '',
          problems: problemLines(checked.data),
          importNote: `「${chosen.name}」有 ${checked.data.problems.length} 处问题，未导入任何数据。请修改后重新选择文件。`,
        });
      }
      const done = await call('freshmen.import', { collegeId: this.collegeId, fileID, check: false });
      this.setData({ busy: '' });
      if (!done.ok) return showError(done.error);
      this.setData({ importNote: `已导入 ${done.data.written} 名新生` });
      toast(`已导入 ${done.data.written} 人`);
      this.fetch(1);
    },
  },
});
