/** Reference data: the 69 wilayas (official codes, names in French and Arabic). */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const wilayas = sqliteTable('wilayas', {
	/** Official two-digit code, "01"–"69". */
	code: text('code').primaryKey(),
	nameFr: text('name_fr').notNull(),
	nameAr: text('name_ar').notNull(),
	/** For 59–69: the wilaya that runs it until 2027 and that carriers still use. */
	parentCode: text('parent_code')
});
