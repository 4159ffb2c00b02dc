/**
 * The fonts the agreement PDFs are set in: Cairo Regular and Bold (SIL OFL 1.1), one glyph
 * per Arabic letter form, Latin included. The bytes ship zlib-compressed as base64 in
 * `contracts/fonts/cairo.ts` (no file system in a Worker). They are inflated and parsed once
 * per isolate, on first use, and never changed afterwards, so requests can share them.
 */
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { fromBase64 } from '../../worker/domain/encoding';
import { cairoBold, cairoRegular } from '../fonts/cairo';

export type FontWeight = 'regular' | 'bold';

export interface LoadedFont {
	weight: FontWeight;
	/** PostScript name used as /BaseFont (the whole font is embedded, so no subset tag). */
	postscriptName: string;
	/** The TTF, zlib-compressed: written as is into the PDF's FontFile2 stream. */
	deflated: Uint8Array;
	/** Length of the uncompressed TTF (/Length1). */
	length: number;
	font: Font;
}

const sources: Record<FontWeight, { data: typeof cairoRegular; name: string }> = {
	regular: { data: cairoRegular, name: 'Cairo-Regular' },
	bold: { data: cairoBold, name: 'Cairo-Bold' }
};

const cache = new Map<FontWeight, Promise<LoadedFont>>();

async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
	const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function load(weight: FontWeight): Promise<LoadedFont> {
	const { data, name } = sources[weight];
	const deflated = fromBase64(data.deflatedBase64);
	const bytes = await inflate(deflated);
	if (bytes.length !== data.length) throw new Error(`font ${name}: ${bytes.length} bytes, expected ${data.length}`);
	return { weight, postscriptName: name, deflated, length: data.length, font: fontkit.create(bytes) };
}

/** The parsed font for a weight, inflated on first use. */
export function loadFont(weight: FontWeight): Promise<LoadedFont> {
	let loaded = cache.get(weight);
	if (!loaded) {
		loaded = load(weight);
		// A failed load is not cached, so the next call tries again.
		loaded.catch(() => cache.delete(weight));
		cache.set(weight, loaded);
	}
	return loaded;
}

export async function loadFonts(): Promise<Record<FontWeight, LoadedFont>> {
	const [regular, bold] = await Promise.all([loadFont('regular'), loadFont('bold')]);
	return { regular, bold };
}

/**
 * fontkit caches one Glyph object per glyph id, with the code points of the first text that
 * produced it, and we write those code points into the ToUnicode map. Clearing the cache
 * before each render makes a glyph's meaning depend on this document only (the same input
 * gives the same bytes whatever the isolate rendered before). Call it after the last await
 * of a render, so no other render can interleave with it.
 */
export function resetGlyphMeanings(loaded: LoadedFont): void {
	(loaded.font as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
}
