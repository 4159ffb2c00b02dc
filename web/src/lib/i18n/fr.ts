export const fr = {
	'app.name': 'Wasla',
	'app.tagline': 'Des créateurs qui font vendre, choisis sur des preuves.'
} as const;
