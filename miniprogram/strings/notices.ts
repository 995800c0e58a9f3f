/**
 * 公示 labels the mini-program needs at run time. Copies of the contract's labels (typings/actions/notices.ts
 * cannot be loaded at run time: it lies outside miniprogramRoot); tests/component/notices-labels.test.ts keeps
 * them equal to the originals. Views already carry their own labels (kindLabel, stateLabel, outcomeLabel): these
 * are for what the mini-program offers before the server has said anything (pickers, radio options, window text).
 */
import type {
  NoticeKind,
  NoticeState,
  ObjectionOutcome,
  WindowCounting,
  WindowUnit,
} from '../../typings/actions/notices';

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  activist: '入党积极分子确定',
  development_candidate: '发展对象确定',
  acceptance: '接收预备党员',
  conversion: '预备党员转正',
  tuiyou: '推优',
  honor: '评优与荣誉',
  backbone: '骨干选任',
  other: '其他公示',
};

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  draft: '草稿',
  scheduled: '待公示',
  open: '公示中',
  closed: '已结束',
  withdrawn: '已撤回',
};

export const WINDOW_UNIT_LABELS: Record<WindowUnit, string> = {
  workday: '个工作日',
  calendar_day: '天',
};

export const WINDOW_COUNTING_LABELS: Record<WindowCounting, string> = {
  inclusive: '开始当日计入',
  exclusive: '自开始次日起算',
};

export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = {
  upheld: '异议成立',
  dismissed: '异议不成立',
};

/** Mirrors of the contract's bounds (typings/actions/notices.ts), checked by the same test. */
export const OBJECTION_MAX_LENGTH = 500;
export const MAX_WINDOW_LENGTH = 60;

/** Shown wherever a window reaches a year whose holiday arrangement the State Council has not published yet. */
export const PROVISIONAL_MARK = '（节假日安排未公布，暂按法定节假日推算）';
