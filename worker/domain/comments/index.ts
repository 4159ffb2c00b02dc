/** Comment analysis: normalisation and the keyword classifier. */
export { classifyComment, COMMENT_LABELS, type CommentClassification, type CommentLabel } from './classify-comment';
export { normaliseComment, isEmojiOnly } from './normalise';
