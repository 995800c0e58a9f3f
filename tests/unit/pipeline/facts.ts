/** A case's checklist facts for the pipeline's unit tests: an applicant by default, or a probationary member. */
import type { CaseChecklistFacts } from '../../../server/domain/pipeline';

/** An applicant who applied on 2026-01-10 and has nothing else on record yet. */
export const applicantFacts = (over: Partial<CaseChecklistFacts> = {}): CaseChecklistFacts => ({
  personId: 'p1',
  branchId: 'b1',
  ruleVersion: '2014',
  stage: 'applicant',
  appliedOn: '2026-01-10',
  activistSince: null,
  candidateSince: null,
  acceptedOn: null,
  awaiting: null,
  preExamOn: null,
  extensionMonths: null,
  fullSince: null,
  talks: {},
  assessedOn: [],
  contacts: 0,
  recommendation: null,
  reviewConclusion: null,
  extensions: 0,
  overridden: [],
  ...over,
});

/** A probationary member accepted on 2025-06-01 after the whole journey from an application on 2024-01-10. */
export const probationaryFacts = (over: Partial<CaseChecklistFacts> = {}): CaseChecklistFacts =>
  applicantFacts({
    stage: 'probationary_member',
    appliedOn: '2024-01-10',
    activistSince: '2024-02-10',
    candidateSince: '2025-02-10',
    acceptedOn: '2025-06-01',
    preExamOn: '2025-05-01',
    contacts: 1,
    reviewConclusion: 'qualified',
    ...over,
  });
