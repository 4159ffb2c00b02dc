/** Deliverable pages: the workspace part (issue 11). Same keys in fr, ar and en (the compiler checks ar and en against fr). */
export const fr = {} as const;

type Keys = keyof typeof fr;

export const ar: Record<Keys, string> = {};

export const en: Record<Keys, string> = {};
