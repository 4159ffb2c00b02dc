/** PDF rendering of agreements, their certificate of completion and campaign reports (runs in a Worker). */
export { renderAgreementPdf } from './render-agreement';
export { appendCompletionCertificate } from './append-certificate';
export { renderReportPdf } from './render-report';
export { PDF_LANG } from './info';
