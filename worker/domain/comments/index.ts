/** Comment analysis: normalisation and the keyword classifier. */
export { classifyComment, COMMENT_LABELS, type CommentClassification, type CommentLabel } from './classify-comment';
export { normaliseComment, matchKey, isEmojiOnly } from './normalise';
export { evaluate, type EvalItem, type EvalReport } from './evaluate';
export { commentReason, type CommentReasonKey } from './explain';
