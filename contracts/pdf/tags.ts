/**
 * The structure tree of a tagged PDF (ISO 32000-1, 14.7–14.8): /Document holding the headings
 * and paragraphs in reading order, each pointing at its marked-content sequences (MCIDs) on
 * the pages; a run in the other language is a /Span with its own /Lang. Screen readers and
 * copy-paste follow this tree instead of guessing from glyph positions. Footers, page numbers,
 * rules and the QR code are artifacts and stay out of it.
 *
 * A document we wrote earlier (the agreement, before its certificate is appended) is
 * extended: new elements go after the existing ones, new pages get the next parent-tree keys.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';

export type Role = 'H1' | 'H2' | 'H3' | 'P';

interface Kid {
	page: PDFPage;
	mcid: number;
	lang?: string;
}

export interface StructElement {
	role: Role;
	kids: Kid[];
}

export class StructTree {
	private readonly elements: StructElement[] = [];
	private readonly nextMcid = new Map<PDFPage, number>();

	/** A new element, after the previous ones in reading order. */
	element(role: Role): StructElement {
		const element: StructElement = { role, kids: [] };
		this.elements.push(element);
		return element;
	}

	/** The next MCID on `page`, as content of `element` (a /Span of its own when `lang` is given). */
	mcid(element: StructElement, page: PDFPage, lang?: string): number {
		const mcid = this.nextMcid.get(page) ?? 0;
		this.nextMcid.set(page, mcid + 1);
		element.kids.push({ page, mcid, lang });
		return mcid;
	}

	/** Writes the tree (or extends the document's own), the parent tree and /MarkInfo. */
	write(doc: PDFDocument): void {
		const { context, catalog } = doc;
		const existing = catalog.get(PDFName.of('StructTreeRoot'));
		let root: PDFDict;
		let documentRef: PDFRef;
		let nums: PDFArray;
		if (existing instanceof PDFRef) {
			root = context.lookup(existing, PDFDict);
			documentRef = root.get(PDFName.of('K')) as PDFRef;
			nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
		} else {
			const rootRef = context.nextRef();
			documentRef = context.nextRef();
			nums = context.obj([]);
			root = context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: context.obj({ Nums: nums }), ParentTreeNextKey: 0 });
			context.assign(rootRef, root);
			context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: [] }));
			catalog.set(PDFName.of('StructTreeRoot'), rootRef);
		}
		catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
		const documentKids = context.lookup(documentRef, PDFDict).lookup(PDFName.of('K'), PDFArray);

		// MCID → the element that owns it, per page.
		const owners = new Map<PDFPage, PDFRef[]>();
		const own = (page: PDFPage, mcid: number, ref: PDFRef) => {
			const list = owners.get(page) ?? [];
			list[mcid] = ref;
			owners.set(page, list);
		};
		for (const element of this.elements) {
			if (element.kids.length === 0) continue;
			const ref = context.nextRef();
			const kids: (PDFRef | PDFDict)[] = [];
			for (const kid of element.kids) {
				const mcr = context.obj({ Type: 'MCR', Pg: kid.page.ref, MCID: kid.mcid });
				if (kid.lang) {
					const span = context.register(context.obj({ Type: 'StructElem', S: 'Span', P: ref, Pg: kid.page.ref, K: mcr, Lang: PDFString.of(kid.lang) }));
					kids.push(span);
					own(kid.page, kid.mcid, span);
				} else {
					kids.push(mcr);
					own(kid.page, kid.mcid, ref);
				}
			}
			context.assign(ref, context.obj({ Type: 'StructElem', S: element.role, P: documentRef, Pg: element.kids[0].page.ref, K: kids }));
			documentKids.push(ref);
		}

		const nextKey = root.lookup(PDFName.of('ParentTreeNextKey'), PDFNumber).asNumber();
		let key = nextKey;
		for (const page of doc.getPages()) {
			const list = owners.get(page);
			if (!list) continue;
			page.node.set(PDFName.of('StructParents'), PDFNumber.of(key));
			// Tab order follows the structure.
			page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
			nums.push(PDFNumber.of(key));
			nums.push(context.obj(list));
			key++;
		}
		root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(key));
	}
}
