/** PDF rendering of agreements and their certificate of completion (runs in a Worker). */
export { renderAgreementPdf } from './render-agreement';
export { appendCompletionCertificate } from './append-certificate';
export { PDF_LANG } from './info';
