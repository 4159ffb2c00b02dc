/** Attribution (issue 12): codes and tracked links of signed agreements. */
export { activationStatements, assertCodesFree, deactivateEnded, getCodes, setOfferWindow } from './codes';
export { type OrderInput, importConversions, recordConversion } from './conversions';
