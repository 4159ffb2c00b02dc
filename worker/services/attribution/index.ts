/** Attribution (issue 12): codes and tracked links of signed agreements, and the clicks on those links. */
export { activationStatements, assertCodesFree, deactivateEnded, getCodes, setOfferWindow } from './codes';
export { type LinkRow, readLink, recordClick, saltSecret } from './links';
