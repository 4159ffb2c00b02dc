/** The creator's first steps as GET /me/checklist answers them (worker/domain/creator-checklist.ts), and their wording. */
import type { Key, Translate } from './i18n';

export type ChecklistStep = 'profile' | 'stats' | 'mediaKit' | 'application' | 'agreement';
export type ChecklistAction = 'fill' | 'edit' | 'import' | 'view' | 'browse' | 'sign' | 'open';

export interface Checklist {
	items: { step: ChecklistStep; done: boolean; href: string; action: ChecklistAction; missing: string[] }[];
	next: ChecklistStep | null;
	done: number;
	total: number;
}

const FIELDS = ['displayName', 'wilaya', 'niches', 'accounts'] as const;

/** "Il manque encore : la wilaya, une thématique." — only the parts the UI knows how to name. */
export function missingText(t: Translate, missing: readonly string[]): string {
	const names = FIELDS.filter((f) => missing.includes(f)).map((f) => t(`checklist.field.${f}` as Key));
	return names.length ? t('checklist.missing', { fields: names.join(', ') }) : '';
}

/** The button of a step: an agreement's own page reads "see the agreement", the list "see the agreements". */
export function actionLabel(t: Translate, item: { action: ChecklistAction; href: string }): string {
	if (item.action === 'open' && item.href !== '/agreements') return t('checklist.action.openOne');
	return t(`checklist.action.${item.action}`);
}
