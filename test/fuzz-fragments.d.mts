/** Types of fuzz-fragments.mjs. */
export declare const FRAGMENTS: string[];
export declare const FORM_FRAGMENTS: string[];
