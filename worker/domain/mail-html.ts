/**
 * The HTML part of an email, rendered from its text part at delivery (issue 10, point 4).
 * Pure: no Hono, no D1.
 *
 * The text is what the email builders wrote (worker/services/*-emails.ts) and what the
 * outbox stores; the HTML says the same thing and nothing more, so erasing a name from the
 * stored text (worker/services/personal-data.ts) erases it from both parts. Every character
 * of the text is escaped; only http(s) URLs become links, and a signing code becomes a large
 * left-to-right number. `lang` and `dir` are written on <html> and again on the wrapper,
 * since many mail clients drop the <html> element: an Arabic email reads right to left, its
 * URLs and codes stay left to right inside it.
 */
import type { Locale } from '../i18n';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML character data or a quoted attribute value. */
export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** http(s) URLs up to the next space or bracket; closing punctuation after one is not part of it. */
const URL_RE = /https?:\/\/[^\s<>"'«»]+/g;
const TRAILING = /[.,;:!?)\]}»”’]+$/;

const LINK_STYLE = 'color:#0b5cad;text-decoration:underline;word-break:break-all';
const CODE_STYLE = 'display:inline-block;font-family:Consolas,Menlo,monospace;font-size:28px;font-weight:700;letter-spacing:0.15em;padding:4px 12px;background:#f1efe8;border-radius:6px;color:#1f2933';

/** One line of text as HTML: escaped, URLs linked, `code` (when given) highlighted. */
function line(text: string, code: string | undefined): string {
	let out = '';
	let at = 0;
	const plain = (s: string) => {
		if (!code) return escapeHtml(s);
		return s
			.split(new RegExp(`(?<!\\d)${code}(?!\\d)`))
			.map(escapeHtml)
			.join(`<span dir="ltr" style="${CODE_STYLE}">${code}</span>`);
	};
	for (const m of text.matchAll(URL_RE)) {
		const url = m[0].replace(TRAILING, '');
		out += plain(text.slice(at, m.index));
		out += `<a href="${escapeHtml(url)}" dir="ltr" style="${LINK_STYLE}">${escapeHtml(url)}</a>`;
		at = m.index + url.length;
	}
	return out + plain(text.slice(at));
}

export interface MailHtmlInput {
	locale: Locale;
	subject: string;
	text: string;
	/** A one-time code to show large (six digits); ignored when it is not one. */
	code?: string;
}

/** A complete, self-contained HTML document (inline styles only, no image, no script). */
export function mailHtml({ locale, subject, text, code }: MailHtmlInput): string {
	const dir = locale === 'ar' ? 'rtl' : 'ltr';
	const align = dir === 'rtl' ? 'right' : 'left';
	const shown = code && /^\d{6}$/.test(code) ? code : undefined;
	const paragraphs = text
		.replace(/\r\n?/g, '\n')
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map(
			(p) =>
				`<p style="margin:0 0 16px">${p
					.split('\n')
					.map((l) => line(l, shown))
					.join('<br>\n')}</p>`
		);
	return [
		'<!DOCTYPE html>',
		`<html lang="${locale}" dir="${dir}">`,
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(subject)}</title>`,
		'</head>',
		'<body style="margin:0;padding:0;background:#f6f4ef">',
		`<div lang="${locale}" dir="${dir}" style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;color:#1f2933;font-family:'Segoe UI',Tahoma,Arial,sans-serif;font-size:16px;line-height:1.6;text-align:${align}">`,
		...paragraphs,
		'</div>',
		'</body>',
		'</html>',
		''
	].join('\n');
}
