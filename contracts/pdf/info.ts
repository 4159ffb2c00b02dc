/** The PDF Info dictionary and catalog entries that identify an agreement. */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { PDF_INFO_KEYS, type DocLang, type DocumentMeta } from '../document';

export const PDF_LANG: Record<DocLang, string> = { fr: 'fr-DZ', ar: 'ar-DZ', en: 'en' };

function textString(value: string): PDFString | PDFHexString {
	return /^[\x20-\x7e]*$/.test(value) && !/[()\\]/.test(value) ? PDFString.of(value) : PDFHexString.fromText(value);
}

/**
 * Title, producer, language and the Wasla keys. No dates and no trailer /ID: the same
 * input must give the same bytes, because hashes of the file are compared.
 */
export function setDocumentInfo(doc: PDFDocument, lang: DocLang, title: string, meta: DocumentMeta): void {
	setBasicInfo(doc, lang, title);
	// setTitle has created the Info dictionary; pdf-lib keeps its getter private.
	const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
	info.set(PDFName.of(PDF_INFO_KEYS.agreementId), textString(meta.agreementId));
	info.set(PDFName.of(PDF_INFO_KEYS.version), textString(String(meta.version)));
	info.set(PDFName.of(PDF_INFO_KEYS.documentSha256), textString(meta.documentSha256));
}

/** Title, producer, creator and language only (the campaign report: no agreement keys, no dates). */
export function setBasicInfo(doc: PDFDocument, lang: DocLang, title: string): void {
	doc.setTitle(title, { showInWindowTitleBar: true });
	doc.setProducer('Wasla');
	doc.setCreator('Wasla');
	doc.setLanguage(PDF_LANG[lang]);
}
