/**
 * 发起表决 (secretaries): the kind, the unit, the candidates from the unit's members in ballot order (evaluations
 * take everyone on the roster), seats where the kind has them, the meeting time and the rule version. The vote is
 * created as 未开始; the roster is frozen only when it is opened at the meeting.
 */
import type { PersonView } from '../../../../typings/actions/org';
import type { TuiyouTarget, VoteKind } from '../../../../typings/actions/votes';
import type { RuleVersion } from '../../../../typings/domain';
import type { ErrorCode } from '../../../../typings/errors';
import { replace } from '../../../routes';
import { call } from '../../../services/api';
import { showError } from '../../../services/errors';
import type { PickerOption } from '../../../services/org';
import { UNVERIFIED_RULE_WARNING } from '../../../services/votes/common';
import {
  candidateOptions,
  fetchUnitMembers,
  kindOptions,
  loadVoteUnits,
  meetingDateOptions,
  meetingTimeOptions,
  type PersonOptionVM,
  scheduledIso,
  suggestedTitle,
} from '../../../services/votes/create';
import {
  VOTE_KIND_FORM as KIND_FORM,
  RULE_VERSION_LABELS,
  RULE_VERSIONS,
  SEATS_MAX,
  VOTE_TITLE_MAX as TITLE_MAX,
  VOTE_TITLE_MIN as TITLE_MIN,
  TUIYOU_TARGET_LABELS,
  TUIYOU_TARGETS,
  VOTE_KIND_LABELS,
} from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'form' | 'forbidden' | 'error';
const FIELDS = ['unitId', 'kind', 'tuiyouTarget', 'candidateIds', 'seats', 'title', 'scheduledStart'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Record<Field, string>;
const NO_ERRORS: Errors = {
  unitId: '',
  kind: '',
  tuiyouTarget: '',
  candidateIds: '',
  seats: '',
  title: '',
  scheduledStart: '',
};

/** Domain refusals that are about one field of the form. */
const CODE_FIELDS: Partial<Record<ErrorCode, Field>> = {
  TOO_FEW_CANDIDATES: 'candidateIds',
  CANDIDATE_NOT_ELIGIBLE: 'candidateIds',
  TEMP_BRANCH_CANNOT_HOLD: 'unitId',
  UNIT_KIND_INVALID: 'unitId',
  UNIT_NOT_FOUND: 'unitId',
  OUT_OF_SCOPE: 'unitId',
};

type Picker = '' | 'unit' | 'kind' | 'tuiyou' | 'time' | 'rule' | 'candidates';

/** `heldKinds`: the kinds each unit may hold, as me.get names them (MeView.manages.votes). */
definePage<{
  members: PersonView[];
  titleTouched: boolean;
  wantedUnit: string;
  heldKinds: Record<string, VoteKind[]>;
}>()({
  data: {
    state: 'loading' as State,
    message: '',
    units: [] as PickerOption[],
    kinds: [] as PickerOption[],
    tuiyouTargets: TUIYOU_TARGETS.map((t) => ({ label: TUIYOU_TARGET_LABELS[t], value: t })),
    rules: RULE_VERSIONS.map((v) => ({ label: RULE_VERSION_LABELS[v], value: v })),
    dates: [] as PickerOption[],
    times: meetingTimeOptions(),
    form: {
      unitId: '',
      unitName: '',
      kind: '' as VoteKind | '',
      kindLabel: '',
      tuiyouTarget: '' as TuiyouTarget | '',
      tuiyouLabel: '',
      candidateIds: [] as string[],
      candidateNames: '',
      seats: '',
      title: '',
      date: '',
      time: '',
      timeLabel: '',
      ruleVersion: '2014' as RuleVersion,
      ruleLabel: RULE_VERSION_LABELS['2014'],
    },
    /** Which parts the chosen kind asks for (VOTE_KIND_FORM of the vocabulary). */
    needs: { candidates: true, seats: false, tuiyou: false },
    ruleWarning: '',
    errors: { ...NO_ERRORS },
    picker: '' as Picker,
    people: [] as PersonOptionVM[],
    membersLoading: false,
    submitting: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.members = [];
      this.heldKinds = {};
      this.titleTouched = false;
      this.wantedUnit = query.unitId ?? '';
      this.setData({ dates: meetingDateOptions() });
      this.init();
    },
    async init() {
      const loaded = await loadVoteUnits(this);
      if (!loaded) return;
      const { me, units } = loaded;
      this.heldKinds = Object.fromEntries(me.manages.votes.map((u) => [u.id, u.voteKinds]));
      if (units.length === 0) {
        this.setData({ state: 'forbidden', message: '您没有组织表决的权限' });
        return;
      }
      const unit = units.find((u) => u.value === this.wantedUnit) ?? units[0];
      this.setData({
        state: 'form',
        units,
        kinds: kindOptions(this.heldKinds[unit.value] ?? []),
        'form.unitId': unit.value,
        'form.unitName': unit.label,
      });
      await this.loadMembers(unit.value);
    },
    async loadMembers(unitId: string) {
      this.setData({ membersLoading: true });
      const res = await fetchUnitMembers(unitId);
      if (unitId !== this.data.form.unitId) return;
      this.setData({ membersLoading: false });
      if (!res.ok) {
        this.members = [];
        showError(res.error);
        return;
      }
      this.members = res.data;
    },

    openPicker(e: WechatMiniprogram.TouchEvent<Record<string, never>, { picker: Picker }>) {
      const picker = e.currentTarget.dataset.picker;
      if (picker === 'candidates') {
        if (this.data.membersLoading) return;
        this.setData({ people: candidateOptions(this.data.form.kind, this.members), picker });
        return;
      }
      if (picker === 'unit' && this.data.units.length < 2) return;
      this.setData({ picker });
    },
    closePicker() {
      this.setData({ picker: '' });
    },
    onUnitConfirm(e: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const unit = this.data.units.find((u) => u.value === e.detail.value[0]);
      this.setData({ picker: '' });
      if (!unit || unit.value === this.data.form.unitId) return;
      // Candidates belong to a unit: a new unit starts the list again; a kind the new unit cannot hold is cleared.
      const held = this.heldKinds[unit.value] ?? [];
      const kind = this.data.form.kind;
      this.setData({
        kinds: kindOptions(held),
        ...(kind && !held.includes(kind)
          ? {
              'form.kind': '',
              'form.kindLabel': '',
              'form.seats': '',
              'form.tuiyouTarget': '',
              'form.tuiyouLabel': '',
              needs: { candidates: true, seats: false, tuiyou: false },
            }
          : {}),
        'form.unitId': unit.value,
        'form.unitName': unit.label,
        'form.candidateIds': [],
        'form.candidateNames': '',
        'errors.unitId': '',
      });
      this.members = [];
      this.refreshTitle();
      this.loadMembers(unit.value);
    },
    onKindConfirm(e: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const kind = e.detail.value[0] as VoteKind;
      this.setData({ picker: '' });
      if (!VOTE_KIND_LABELS[kind]) return;
      const needs = KIND_FORM[kind];
      this.setData({
        'form.kind': kind,
        'form.kindLabel': VOTE_KIND_LABELS[kind],
        needs,
        'errors.kind': '',
        ...(needs.candidates ? {} : { 'form.candidateIds': [], 'form.candidateNames': '' }),
        ...(needs.seats ? {} : { 'form.seats': '' }),
        ...(needs.tuiyou ? {} : { 'form.tuiyouTarget': '', 'form.tuiyouLabel': '' }),
      });
      this.refreshTitle();
    },
    onTuiyouConfirm(e: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const target = e.detail.value[0] as TuiyouTarget;
      this.setData({
        picker: '',
        'form.tuiyouTarget': target,
        'form.tuiyouLabel': TUIYOU_TARGET_LABELS[target] ?? '',
        'errors.tuiyouTarget': '',
      });
    },
    onTimeConfirm(e: WechatMiniprogram.CustomEvent<{ value: string[]; label: string[] }>) {
      const [date, time] = e.detail.value;
      const dateLabel = this.data.dates.find((d) => d.value === date)?.label ?? date;
      this.setData({
        picker: '',
        'form.date': date,
        'form.time': time,
        'form.timeLabel': `${dateLabel.replace('（今天）', '')} ${time}`,
        'errors.scheduledStart': '',
      });
    },
    onRuleConfirm(e: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const v = e.detail.value[0] as RuleVersion;
      if (!RULE_VERSION_LABELS[v]) return this.setData({ picker: '' });
      this.setData({
        picker: '',
        'form.ruleVersion': v,
        'form.ruleLabel': RULE_VERSION_LABELS[v],
        ruleWarning: v === '2014' ? '' : UNVERIFIED_RULE_WARNING,
      });
    },
    onCandidatesConfirm(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      const ids = e.detail.ids;
      const names = ids.map((id) => this.members.find((m) => m.id === id)?.name ?? id);
      this.setData({
        picker: '',
        'form.candidateIds': ids,
        'form.candidateNames': names.join('、'),
        'errors.candidateIds': '',
      });
      this.refreshTitle();
    },
    onSeatsChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'form.seats': e.detail.value, 'errors.seats': '' });
    },
    onTitleChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.titleTouched = true;
      this.setData({ 'form.title': e.detail.value, 'errors.title': '' });
    },
    /** Until the secretary types a title, it follows the kind and the candidates. */
    refreshTitle() {
      if (this.titleTouched || !this.data.form.kind) return;
      const names = this.data.form.candidateNames ? this.data.form.candidateNames.split('、') : [];
      this.setData({ 'form.title': suggestedTitle(this.data.form.kind, names), 'errors.title': '' });
    },

    validate(): Errors {
      const f = this.data.form;
      const needs = this.data.needs;
      const e: Errors = { ...NO_ERRORS };
      if (!f.unitId) e.unitId = '请选择组织';
      if (!f.kind) e.kind = '请选择表决类型';
      if (f.kind && needs.tuiyou && !f.tuiyouTarget) e.tuiyouTarget = '请选择推优类别';
      if (f.kind && needs.candidates && f.candidateIds.length === 0) e.candidateIds = '请选择候选人';
      if (f.kind && needs.seats) {
        const seats = Number(f.seats);
        if (!Number.isInteger(seats) || seats < 1 || seats > SEATS_MAX) e.seats = `请填写应选名额（1–${SEATS_MAX}）`;
      }
      const title = f.title.trim();
      if (title.length < TITLE_MIN) e.title = `标题至少 ${TITLE_MIN} 个字`;
      else if (title.length > TITLE_MAX) e.title = `标题不超过 ${TITLE_MAX} 字`;
      if (!f.date || !f.time) e.scheduledStart = '请选择会议时间';
      return e;
    },
    async submit() {
      if (this.data.submitting) return;
      const errors = this.validate();
      if (FIELDS.some((k) => errors[k])) {
        this.setData({ errors });
        return;
      }
      const f = this.data.form;
      const kind = f.kind as VoteKind;
      const needs = KIND_FORM[kind];
      this.setData({ submitting: true, errors: { ...NO_ERRORS } });
      const res = await call('votes.create', {
        unitId: f.unitId,
        kind,
        title: f.title.trim(),
        ruleVersion: f.ruleVersion,
        scheduledStart: scheduledIso(f.date, f.time),
        candidateIds: needs.candidates ? f.candidateIds : [],
        ...(needs.seats ? { seats: Number(f.seats) } : {}),
        ...(needs.tuiyou && f.tuiyouTarget ? { tuiyouTarget: f.tuiyouTarget } : {}),
        secret: true,
      });
      this.setData({ submitting: false });
      if (res.ok) {
        replace('votePrepare', { voteId: res.data.voteId });
        return;
      }
      this.setData({ errors: { ...NO_ERRORS, ...showError(res.error, FIELDS, CODE_FIELDS) } });
    },
    onStatusAction() {
      this.init();
    },
  },
});
