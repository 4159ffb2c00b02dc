/** Types of d1-file.mjs. */
export function d1File(dir: string): string;
