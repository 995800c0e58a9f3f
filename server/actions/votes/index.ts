/** The votes (票决) actions. Stored shapes and the secrecy design: ./docs.ts; the cast: ./voting.ts. */
export { votesClose } from './close';
export { votesRecordDecision } from './decision';
export { votesCancel, votesCreate, votesList, votesOpen, votesPresence } from './manage';
export { votesNoticeDraft } from './publicity';
export { votesGet, votesListMine, votesResolution } from './read';
export { votesRuleSettings, votesSetRuleSettings } from './settings';
export { votesAddWrittenOpinion, votesCast, votesCheckIn, votesCheckInToken, votesVerifyBallot } from './voting';
