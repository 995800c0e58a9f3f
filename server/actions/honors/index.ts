export { honorsAward, honorsAwardOptions, honorsRevoke, honorsSetTitles, honorsTitles } from './awards';
export { homeFeed } from './feed';
export { showcaseLike } from './likes';
export { showcaseAssociation, showcaseCreate, showcaseGet, showcaseList } from './posts';
export { showcaseReview, showcaseReviewQueue } from './review';
export { shareCode } from './share';
export { honorsVerify } from './verify';
export { honorsSetHidden, honorsWall } from './walls';
