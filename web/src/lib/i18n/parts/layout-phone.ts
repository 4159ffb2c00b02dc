/** The phone header (issue 14, point 13): the navigation folded behind one "Menu" button. */
export const fr = {
	'layout.menu': 'Menu'
} as const;

export const ar: Record<keyof typeof fr, string> = {
	'layout.menu': 'القائمة'
};

export const en: Record<keyof typeof fr, string> = {
	'layout.menu': 'Menu'
};
