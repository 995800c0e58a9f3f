/**
 * The two rule sets a development case can run under (A0): the 2014 细则 (the default) and the reported May 2026
 * revision. A case stores its version when it is opened and keeps it; every gate names its rule code and the article
 * of the case's version. Where the 2026 article numbers are reported only, the source says so.
 */
import type { RuleVersion } from '../../../typings/domain';

export type PipelineRule =
  | 'A1'
  | 'A2'
  | 'A3'
  | 'A4'
  | 'A5'
  | 'A6'
  | 'A7'
  | 'A8'
  | 'A9'
  | 'A10'
  | 'A11'
  | 'A12'
  | 'A14'
  | 'A16'
  | 'A17'
  | 'A18'
  | 'A19'
  | 'A20'
  | 'A21'
  | 'A22'
  | 'A25'
  | 'B1'
  | 'D6'
  | 'E2'
  | 'S7';

const BOTH: Partial<Record<PipelineRule, string>> = {
  A25: '"4453"发展党员工作模式：四必谈',
  B1: '中组部《关于进一步加强在青年中发展党员工作的意见》；《共青团推优入党工作实施办法》（中青发〔2019〕9号）',
  D6: '《中国共产党支部工作条例（试行）》临时党支部条款',
  E2: '各版本细则及学校公示规定（公示期、异议处理）',
  S7: '"4453"发展党员工作模式：审查环（学院党委、学校党委两级书面预审）',
};

const SOURCES: Record<RuleVersion, Record<PipelineRule, string>> = {
  '2014': {
    A1: '《中国共产党发展党员工作细则》（2014）第五条；党章第一条',
    A2: '《中国共产党发展党员工作细则》（2014）第六条',
    A3: '《中国共产党发展党员工作细则》（2014）第七条',
    A4: '《中国共产党发展党员工作细则》（2014）第八条',
    A5: '《中国共产党发展党员工作细则》（2014）第九条',
    A6: '《中国共产党发展党员工作细则》（2014）第十条、第十一条',
    A7: '《中国共产党发展党员工作细则》（2014）第十三条',
    A8: '《中国共产党发展党员工作细则》（2014）第十四条',
    A9: '《中国共产党发展党员工作细则》（2014）第十六条',
    A10: '《中国共产党发展党员工作细则》（2014）发展对象培训条款',
    A11: '《中国共产党发展党员工作细则》（2014）第十九条',
    A12: '《中国共产党发展党员工作细则》（2014）实施中的一般要求（预审后一个月内提交支部大会）',
    A14: '《中国共产党发展党员工作细则》（2014）第二十一条',
    A16: '《中国共产党发展党员工作细则》（2014）党委审批前谈话条款',
    A17: '《中国共产党发展党员工作细则》（2014）党委审批条款（三个月内，特殊情况不超过六个月）',
    A18: '《中国共产党发展党员工作细则》（2014）预备党员面向党旗进行入党宣誓条款',
    A19: '党章第七条；《中国共产党发展党员工作细则》（2014）第三十二条',
    A20: '《中国共产党发展党员工作细则》（2014）第三十二条；党章第七条',
    A21: '《中国共产党发展党员工作细则》（2014）第三十三条',
    A22: '党章第七条；《中国共产党发展党员工作细则》（2014）转正审批条款',
    ...(BOTH as Record<'A25' | 'B1' | 'D6' | 'E2' | 'S7', string>),
  },
  '2026.05': {
    A1: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第五条',
    A2: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第六条',
    A3: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第七条',
    A4: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第八条',
    A5: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第九条',
    A6: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第十条、第十一条',
    A7: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第十三条（上级党委同意并公示）',
    A8: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第十四条',
    A9: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第十六条',
    A10: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第十七条',
    A11: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第十八条',
    A12: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第十九条',
    A14: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第二十条',
    A16: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）党委审批前谈话条款',
    A17: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第二十五条',
    A18: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第二十九条',
    A19: '党章第七条；《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第三十一条',
    A20: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第三十一条；党章第七条',
    A21: '《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第三十二条',
    A22: '党章第七条；《中国共产党发展党员工作细则》（2026年5月修订，原文待核）第三十三条',
    ...(BOTH as Record<'A25' | 'B1' | 'D6' | 'E2' | 'S7', string>),
  },
};

/** The regulation and article a rule comes from under a version. */
export function sourceOf(rule: PipelineRule, version: RuleVersion): string {
  return SOURCES[version][rule];
}

/** What differs between the versions, as the gates read it. */
export interface VersionRules {
  /** A7: the higher committee must agree to the 发展对象 (2026) rather than only receive the filing (2014). */
  candidateNeedsHigherApproval: boolean;
  /** A12: the branch meeting within a month of 预审 is a hard limit (2026) or guidance with a warning (2014). */
  meetingWithinMonthIsHard: boolean;
}

export const VERSION_RULES: Record<RuleVersion, VersionRules> = {
  '2014': { candidateNeedsHigherApproval: false, meetingWithinMonthIsHard: false },
  '2026.05': { candidateNeedsHigherApproval: true, meetingWithinMonthIsHard: true },
};
