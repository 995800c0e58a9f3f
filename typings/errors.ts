/**
 * Stable error codes with their default Chinese messages. The mini-program switches on the code;
 * the message is what a person reads. Add a code here before throwing it anywhere.
 */
export const ERROR_MESSAGES = {
  BAD_INPUT: '输入内容有误，请检查后重试',
  INPUT_TOO_LARGE: '提交的内容过大',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '无法识别您的微信身份，请重新进入小程序',
  NOT_BOUND: '请先完成实名绑定',
  FORBIDDEN: '您没有执行此操作的权限',
  OUT_OF_SCOPE: '该对象不在您的管理范围内',
  NOT_FOUND: '找不到该记录',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  ALREADY_BOUND: '您已完成实名绑定',
  BINDING_PENDING: '您已提交实名绑定申请，请等待审核',
  BINDING_NOT_PENDING: '该绑定申请已处理',
  STUDENT_NO_TAKEN: '该学号已被其他微信账号绑定',
  BINDING_MISMATCH: '姓名与学号不匹配，请核对后重新提交',
  UNIT_NOT_FOUND: '组织不存在',
  UNIT_KIND_INVALID: '该组织类型不能执行此操作',
  ROLE_NOT_ALLOWED_IN_UNIT: '该职务不能设在此类组织中',
  POSITION_ENDED: '该任职已结束',
  POSITION_EXISTS: '该人员在此组织已担任该职务（任期重叠）',
  HOLDER_NOT_ELIGIBLE: '该人员不符合担任此职务的条件',
  NOTICE_ORIGIN_INVALID: '该类公示不能由此组织发布',
  SETUP_CODE_INVALID: '初始化口令不正确',
  SETUP_DISABLED: '系统已完成初始化，不能再次使用初始化口令',
  CONTENT_REJECTED: '内容含有不适宜的信息，请修改后重试',
  INTERNAL: '系统繁忙，请稍后重试',
  BUSY: '同时操作的人较多，请稍后再试一次',
  NOTICE_NOT_DRAFT: '公示已发布，内容不能再修改',
  NOTICE_ALREADY_PUBLISHED: '该公示已发布',
  NOTICE_NOT_PUBLISHED: '该公示尚未发布',
  NOTICE_NOT_OPEN: '公示尚未开始',
  NOTICE_NOT_ENDED: '公示期尚未结束',
  NOTICE_CLOSED: '公示期已结束',
  NOTICE_WITHDRAWN: '该公示已撤回',
  WITHDRAW_REASON_REQUIRED: '请填写撤回理由',
  WINDOW_INVALID: '公示期设置有误',
  WINDOW_START_IN_PAST: '公示开始日期不能早于今天',
  WINDOW_TOO_SHORT: '公示期短于规定的最短期限',
  PUBLICITY_REQUIRED: '该环节须先经过公示',
  PUBLICITY_NOT_FINISHED: '公示期结束后才能进行该环节',
  OBJECTION_EMPTY: '请填写异议内容',
  OBJECTION_TOO_LONG: '异议内容不超过 500 字',
  OBJECTION_ALREADY_HANDLED: '该异议已处理',
  OBJECTION_INVESTIGATION_REQUIRED: '请填写调查核实情况',
  VOTE_NOT_OPEN: '表决尚未开始',
  VOTE_ALREADY_OPEN: '表决已开始，不能再修改',
  VOTE_CLOSED: '表决已结束',
  ALREADY_VOTED: '您已投票，不能重复投票',
  ALREADY_CHECKED_IN: '您已签到',
  NOT_CHECKED_IN: '请先签到再投票',
  NOT_ON_ROSTER: '不在本次表决的应到人员名单中',
  BALLOT_MALFORMED: '选票填写有误：每位候选人只能选择一项，且只能对名单内的候选人表态',
  TOO_MANY_MARKS: '赞成人数超过应选名额，请重新填写',
  TOO_FEW_VOTERS: '有表决权的人数不足，不能组织此次表决',
  TEMP_BRANCH_CANNOT_HOLD: '临时支部不能组织此类表决',
  TOO_FEW_CANDIDATES: '候选人数不足，差额选举的候选人须多于应选名额',
  CANDIDATE_NOT_ELIGIBLE: '候选人不符合此类表决的条件',
  SECRET_BALLOT_REQUIRED: '此类表决必须采用无记名投票',
  EXCLUSION_NOT_APPROVED: '不计入应到人数须经上级组织批准并经会议同意',
  RULE_OVERRIDE_LOOSER: '学校设置不能低于上级规定的标准',
  QUOTA_EXCEEDED: '超过规定的名额比例',
  WRITTEN_OPINION_TOO_LATE: '书面意见须在会议开始前正式提交，会后提交的无效',
  WRITTEN_OPINION_NOT_ALLOWED: '此类表决不接受书面意见',
  WRITTEN_OPINION_EXISTS: '已提交书面意见，不能重复提交',
  CHECK_IN_CODE_INVALID: '签到码不正确，请核对会议屏幕上的签到码',
  RESULTS_SEALED: '表决结束前不公布结果',
  VOTE_NOT_VALID: '本次表决无效，不能据此作出决定',
  DECISION_NOT_PASSED: '未获得规定赞成票的候选人不能推荐',
  DECISION_REASON_REQUIRED: '不推荐已通过表决的候选人，须写明理由',
  DECISION_INCOMPLETE: '须对每位候选人作出决定',
  DECISION_ALREADY_RECORDED: '支部委员会的决定已记录',
  NOT_GRADED: '预备党员参加评议，但不确定等次',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field path -> Chinese message, for BAD_INPUT. */
  fields?: Record<string, string>;
  /** Present on INTERNAL: the id under which the failure was logged. */
  id?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };
