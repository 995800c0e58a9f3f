/**
 * 新建/编辑公示 (officers): a draft's kind, title, body, named people, owner unit and scope, and its window (start,
 * length, workday or calendar day). Saving keeps it a draft; publishing happens on the detail page, where the
 * officer sees the notice as readers will.
 */
import type { Input } from '../../../../typings/actions';
import type { NoticeDetailView, NoticeKind, WindowCounting, WindowUnit } from '../../../../typings/actions/notices';
import type { UnitView } from '../../../../typings/actions/org';
import type { ApiError } from '../../../../typings/errors';
import { replace } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { formatChineseDate, shanghaiToday } from '../../../services/format';
import { windowRule } from '../../../services/notices/common';
import { kindOptions, managedUnitOptions, scopeOptions } from '../../../services/notices/form';
import type { PickerOption } from '../../../services/org';
import { MAX_WINDOW_LENGTH, NOTICE_KIND_LABELS } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'form' | 'forbidden' | 'error';
const FIELDS = ['kind', 'title', 'body', 'subjects', 'unitId', 'scopeUnitIds', 'start', 'length'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Record<Field, string>;
type PickerName = 'kind' | 'unit' | 'scope';

const NO_ERRORS: Errors = {
  kind: '',
  title: '',
  body: '',
  subjects: '',
  unitId: '',
  scopeUnitIds: '',
  start: '',
  length: '',
};
const MAX_SUBJECTS = 200;

interface Form {
  kind: NoticeKind | '';
  kindLabel: string;
  title: string;
  body: string;
  subjects: string[];
  unitId: string;
  unitName: string;
  scopeUnitIds: string[];
  scopeText: string;
  start: string;
  length: number;
  unit: WindowUnit;
}

/** What was saved last, to send only what changed (notices.update takes the fields that change). */
interface Saved {
  form: Form;
  counting: WindowCounting;
}

interface PickerConfirmDetail {
  value: string[];
  label: string[];
}

function emptyForm(today: string): Form {
  return {
    kind: '',
    kindLabel: '',
    title: '',
    body: '',
    subjects: [],
    unitId: '',
    unitName: '',
    scopeUnitIds: [],
    scopeText: '',
    start: today,
    length: 5,
    unit: 'workday',
  };
}

function formOf(d: NoticeDetailView): Form {
  return {
    kind: d.kind,
    kindLabel: NOTICE_KIND_LABELS[d.kind],
    title: d.title,
    body: d.body,
    subjects: d.subjects.map((s) => s.name),
    unitId: d.unitId,
    unitName: d.unitName,
    scopeUnitIds: d.scope.map((s) => s.unitId),
    scopeText: d.scope.map((s) => s.unitName).join('、'),
    start: d.window.start,
    length: d.window.length,
    unit: d.window.unit,
  };
}

/** Names typed or pasted into the one input: split on the separators people use between names. */
function splitNames(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** Server paths for the window (`window.start`, or `start` from the domain) land on the form's own fields. */
function withFlatWindowFields(error: ApiError): ApiError {
  if (!error.fields) return error;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.fields)) fields[k.replace(/^window\./, '')] = v;
  return { ...error, fields };
}

definePage<{ noticeId: string; saved: Saved | null; tree: UnitView[] }>()({
  data: {
    state: 'loading' as State,
    message: '',
    editing: false,
    form: emptyForm(''),
    /** `自2026年9月28日起5个工作日（开始当日计入）`, kept in step with the form. */
    ruleText: '',
    /** The start date as people read it. */
    startText: '',
    nameInput: '',
    errors: { ...NO_ERRORS },
    kinds: [] as PickerOption[],
    ownerUnits: [] as PickerOption[],
    scopes: [] as PickerOption[],
    maxLength: MAX_WINDOW_LENGTH,
    picker: '' as PickerName | '',
    dateVisible: false,
    today: '',
    saving: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.noticeId = query.noticeId ?? '';
      this.saved = null;
      this.tree = [];
      this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const [me, tree, notice] = await Promise.all([
        call('me.get', {}),
        call('org.tree', {}),
        this.noticeId ? call('notices.get', { noticeId: this.noticeId }) : Promise.resolve(null),
      ]);
      for (const res of [me, tree, notice]) {
        if (res && !res.ok) return this.onLoadError(res.error);
      }
      if (!me.ok || !tree.ok) return;
      const today = shanghaiToday();
      let form = emptyForm(today);
      let counting: WindowCounting = 'inclusive';
      let ownerUnits = managedUnitOptions(me.data.manages);
      if (notice?.ok) {
        if (!notice.data.can.edit) {
          return this.setData({
            state: 'forbidden',
            message: '公示已发布，内容不能再修改；如有错误，请撤回后重新发布',
          });
        }
        form = formOf(notice.data);
        counting = notice.data.window.counting;
        // A draft keeps its owner; only what it says and where it goes can change.
        ownerUnits = [{ label: form.unitName, value: form.unitId }];
        this.saved = { form, counting };
      } else if (!ownerUnits.length) {
        return this.setData({ state: 'forbidden', message: '您没有发布公示的权限' });
      } else {
        const owner = ownerUnits[0];
        form = {
          ...form,
          unitId: owner.value,
          unitName: owner.label,
          scopeUnitIds: [owner.value],
          scopeText: owner.label,
        };
      }
      this.tree = tree.data.units;
      const scopes = scopeOptions(form.unitId, this.tree);
      wx.setNavigationBarTitle({ title: notice ? '编辑公示' : '新建公示' });
      this.setData({
        state: 'form',
        editing: !!notice,
        form,
        today,
        kinds: kindOptions(),
        ownerUnits,
        scopes: scopes.length ? scopes : [{ label: form.unitName, value: form.unitId }],
        ruleText: windowRule({ ...form, counting }),
        startText: formatChineseDate(form.start),
        errors: { ...NO_ERRORS },
      });
    },
    onLoadError(error: ApiError) {
      if (error.code === 'FORBIDDEN' || error.code === 'OUT_OF_SCOPE' || error.code === 'NOT_BOUND') {
        this.setData({
          state: 'forbidden',
          message: error.code === 'NOT_BOUND' ? error.message : '您没有管理这条公示的权限',
        });
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
    },

    // ------------------------------------------------------------------------------------ fields
    onTitleChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'form.title': e.detail.value, 'errors.title': '' });
    },
    onBodyChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'form.body': e.detail.value, 'errors.body': '' });
    },
    onNameInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ nameInput: e.detail.value, 'errors.subjects': '' });
    },
    addNames() {
      const names = splitNames(this.data.nameInput);
      if (!names.length) return this.setData({ 'errors.subjects': '请输入姓名' });
      const bad = names.find((n) => n.length < 2 || n.length > 20);
      if (bad) return this.setData({ 'errors.subjects': `“${bad}”不像姓名：姓名为 2–20 个字` });
      const subjects = [...this.data.form.subjects];
      for (const n of names) if (!subjects.includes(n)) subjects.push(n);
      if (subjects.length > MAX_SUBJECTS) {
        return this.setData({ 'errors.subjects': `公示对象不超过 ${MAX_SUBJECTS} 人` });
      }
      this.setData({ 'form.subjects': subjects, nameInput: '', 'errors.subjects': '' });
    },
    removeName(
      e: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { index: number }>,
    ) {
      const index = Number(e.currentTarget.dataset.index);
      const subjects = this.data.form.subjects.filter((_, i) => i !== index);
      this.setData({ 'form.subjects': subjects });
    },
    openPicker(
      e: WechatMiniprogram.CustomEvent<
        WechatMiniprogram.IAnyObject,
        WechatMiniprogram.IAnyObject,
        { picker: PickerName }
      >,
    ) {
      const picker = e.currentTarget.dataset.picker;
      if (picker === 'unit' && this.data.ownerUnits.length < 2) return;
      this.setData({ picker });
    },
    closePicker() {
      this.setData({ picker: '' });
    },
    onKindConfirm(e: WechatMiniprogram.CustomEvent<PickerConfirmDetail>) {
      const kind = this.data.kinds.find((k) => k.value === e.detail.value[0]);
      this.setData({ picker: '' });
      if (kind)
        this.setData({ 'form.kind': kind.value as NoticeKind, 'form.kindLabel': kind.label, 'errors.kind': '' });
    },
    onUnitConfirm(e: WechatMiniprogram.CustomEvent<PickerConfirmDetail>) {
      const owner = this.data.ownerUnits.find((u) => u.value === e.detail.value[0]);
      this.setData({ picker: '' });
      if (owner) this.chooseOwner(owner);
    },
    onScopeConfirm(e: WechatMiniprogram.CustomEvent<PickerConfirmDetail>) {
      const scope = this.data.scopes.find((u) => u.value === e.detail.value[0]);
      this.setData({ picker: '' });
      if (scope) {
        this.setData({ 'form.scopeUnitIds': [scope.value], 'form.scopeText': scope.label, 'errors.scopeUnitIds': '' });
      }
    },
    chooseOwner(owner: PickerOption) {
      // The scope options follow the owner: its own unit and the units below it.
      const scopes = scopeOptions(owner.value, this.tree);
      this.setData({
        'form.unitId': owner.value,
        'form.unitName': owner.label,
        'form.scopeUnitIds': [owner.value],
        'form.scopeText': owner.label,
        scopes: scopes.length ? scopes : [owner],
        'errors.unitId': '',
        'errors.scopeUnitIds': '',
      });
    },
    openDate() {
      this.setData({ dateVisible: true });
    },
    closeDate() {
      this.setData({ dateVisible: false });
    },
    onDateConfirm(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const start = String(e.detail.value).slice(0, 10);
      this.setData({
        dateVisible: false,
        'form.start': start,
        startText: formatChineseDate(start),
        'errors.start': '',
      });
      this.updateRule();
    },
    onLengthChange(e: WechatMiniprogram.CustomEvent<{ value: number | string }>) {
      this.setData({ 'form.length': Number(e.detail.value), 'errors.length': '' });
      this.updateRule();
    },
    onUnitChange(e: WechatMiniprogram.CustomEvent<{ value: WindowUnit }>) {
      this.setData({ 'form.unit': e.detail.value });
      this.updateRule();
    },
    updateRule() {
      const counting = this.saved?.counting ?? 'inclusive';
      this.setData({ ruleText: windowRule({ ...this.data.form, counting }) });
    },

    // ------------------------------------------------------------------------------------ save
    missing(form: Form): Errors {
      const errors: Errors = { ...NO_ERRORS };
      if (!form.kind) errors.kind = '请选择公示类型';
      if (!form.title.trim()) errors.title = '请填写标题';
      if (!form.body.trim()) errors.body = '请填写公示内容';
      if (!form.scopeUnitIds.length) errors.scopeUnitIds = '请选择公示范围';
      if (!form.start) errors.start = '请选择开始日期';
      if (!(form.length >= 1 && form.length <= MAX_WINDOW_LENGTH)) errors.length = `应为 1–${MAX_WINDOW_LENGTH}`;
      return errors;
    },
    async save() {
      if (this.data.saving) return;
      const form = this.data.form;
      const errors = this.missing(form);
      if (FIELDS.some((f) => errors[f])) {
        this.setData({ errors });
        toast('请先完善标红的内容');
        return;
      }
      this.setData({ saving: true, errors: { ...NO_ERRORS } });
      const res = this.saved ? await this.update(form, this.saved) : await this.create(form);
      this.setData({ saving: false });
      if (res === null) return;
      if (!res.ok) return this.onSaveError(res.error);
      toast('草稿已保存');
      if (this.saved) wx.navigateBack();
      else replace('noticeDetail', { noticeId: res.data.noticeId });
    },
    create(form: Form) {
      const input: Input<'notices.create'> = {
        unitId: form.unitId,
        kind: form.kind as NoticeKind,
        title: form.title.trim(),
        body: form.body.trim(),
        subjects: form.subjects.map((name) => ({ name })),
        scopeUnitIds: form.scopeUnitIds,
        window: { start: form.start, length: form.length, unit: form.unit, counting: 'inclusive' },
      };
      return call('notices.create', input);
    },
    /** Only the fields that changed; nothing changed means nothing to send. */
    async update(form: Form, saved: Saved) {
      const before = saved.form;
      const input: Input<'notices.update'> = { noticeId: this.noticeId };
      if (form.kind !== before.kind) input.kind = form.kind as NoticeKind;
      if (form.title.trim() !== before.title) input.title = form.title.trim();
      if (form.body.trim() !== before.body) input.body = form.body.trim();
      if (form.subjects.join('\n') !== before.subjects.join('\n')) {
        input.subjects = form.subjects.map((name) => ({ name }));
      }
      if (form.scopeUnitIds.join() !== before.scopeUnitIds.join()) input.scopeUnitIds = form.scopeUnitIds;
      if (form.start !== before.start || form.length !== before.length || form.unit !== before.unit) {
        input.window = { start: form.start, length: form.length, unit: form.unit, counting: saved.counting };
      }
      if (Object.keys(input).length === 1) {
        wx.navigateBack();
        return null;
      }
      return call('notices.update', input);
    },
    onSaveError(error: ApiError) {
      if (error.code === 'NOTICE_NOT_DRAFT') {
        toast(error.message);
        this.setData({ state: 'forbidden', message: '公示已发布，内容不能再修改；如有错误，请撤回后重新发布' });
        return;
      }
      const shown = showError(withFlatWindowFields(error), FIELDS, {
        WINDOW_START_IN_PAST: 'start',
        WINDOW_TOO_SHORT: 'length',
      });
      this.setData({ errors: { ...NO_ERRORS, ...shown } });
    },
  },
});
