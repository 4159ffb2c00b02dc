/** Videos recognised from their first bytes (worker/domain/file-types.ts), and the names and headers of downloads (worker/downloads.ts). */
import { describe, expect, it } from 'vitest';
import { FILE_TYPES, IMAGE_TYPES, MEDIA_TYPES, VIDEO_TYPES, fileExtension, sniffFileType } from '../../worker/domain/file-types';
import { attachmentHeaders, contentDisposition, downloadName } from '../../worker/downloads';

const enc = (text: string) => new TextEncoder().encode(text);
/** An `ftyp` box with this major brand (and `isom` compatible), as the first 32 bytes of a file. */
const ftyp = (major: string, compatible = 'isommp41') => new Uint8Array([0, 0, 0, 24, ...enc(`ftyp${major}`), 0, 0, 2, 0, ...enc(compatible), 0, 0, 0, 8, ...enc('free')]);
/** An EBML header as mkvmerge and browsers' MediaRecorder write it, with this DocType. */
const ebml = (docType: string) =>
	new Uint8Array([
		0x1a,
		0x45,
		0xdf,
		0xa3,
		0x9f,
		0x42,
		0x86,
		0x81,
		0x01,
		0x42,
		0xf7,
		0x81,
		0x01,
		0x42,
		0xf2,
		0x81,
		0x04,
		0x42,
		0xf3,
		0x81,
		0x08,
		0x42,
		0x82,
		0x80 | docType.length,
		...enc(docType),
		0x42,
		0x87,
		0x81,
		0x04
	]);

describe('sniffFileType: videos', () => {
	it('reads MP4 from the major brand of the ftyp box at offset 4', () => {
		for (const brand of ['isom', 'iso2', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ']) expect(sniffFileType(ftyp(brand), VIDEO_TYPES), brand).toBe('video/mp4');
	});

	it('tells QuickTime (`ftypqt  `) from MP4, and ignores compatible brands', () => {
		expect(sniffFileType(ftyp('qt  ', 'qt  '), VIDEO_TYPES)).toBe('video/quicktime');
		expect(sniffFileType(ftyp('qt  '), ['video/mp4'])).toBeNull();
		expect(sniffFileType(ftyp('M4A '), VIDEO_TYPES)).toBeNull(); // audio, though it lists isom
		expect(sniffFileType(ftyp('heic', 'mif1heic'), MEDIA_TYPES)).toBeNull();
		expect(sniffFileType(enc('\0\0\0\x18ftyp'), VIDEO_TYPES)).toBeNull(); // too short for a brand
		expect(sniffFileType(enc('\0\0\0\x18moovmp42'), VIDEO_TYPES)).toBeNull();
	});

	it('reads WebM from the EBML magic and its DocType, not Matroska', () => {
		expect(sniffFileType(ebml('webm'), VIDEO_TYPES)).toBe('video/webm');
		expect(sniffFileType(ebml('matroska'), VIDEO_TYPES)).toBeNull();
		expect(sniffFileType(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]), VIDEO_TYPES)).toBeNull();
		// A DocType size written on two bytes (0x40 0x04), and a NUL-padded DocType.
		expect(sniffFileType(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x93, 0x42, 0x82, 0x40, 0x04, ...enc('webm')]), VIDEO_TYPES)).toBe('video/webm');
		expect(sniffFileType(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x93, 0x42, 0x82, 0x86, ...enc('webm'), 0, 0]), VIDEO_TYPES)).toBe('video/webm');
	});

	it('keeps images and videos apart, and the media list is both', () => {
		expect(MEDIA_TYPES).toEqual([...IMAGE_TYPES, ...VIDEO_TYPES]);
		expect(sniffFileType(ftyp('mp42'), IMAGE_TYPES)).toBeNull();
		expect(sniffFileType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), VIDEO_TYPES)).toBeNull();
		expect(sniffFileType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), MEDIA_TYPES)).toBe('image/png');
		expect(sniffFileType(enc('<svg onload=alert(1)>'), MEDIA_TYPES)).toBeNull();
	});

	it('has an extension for every type', () => {
		expect(FILE_TYPES.map(fileExtension)).toEqual(['png', 'jpg', 'webp', 'pdf', 'mp4', 'mov', 'webm']);
	});
});

describe('downloads', () => {
	it('names a download after the upload, with the extension of the detected type', () => {
		expect(downloadName('Brouillon final.MOV', 'video/quicktime')).toBe('Brouillon final.mov');
		expect(downloadName('clip.exe', 'video/mp4')).toBe('clip.mp4');
		expect(downloadName('C:\\Users\\amina\\story.png', 'image/png')).toBe('story.png');
		expect(downloadName('../../etc/passwd', 'image/jpeg')).toBe('passwd.jpg');
		expect(downloadName('a\r\nb"c\u202Egpj.exe', 'image/webp')).toBe('a__b_c_gpj.webp');
		expect(downloadName('', 'video/webm')).toBe('file.webm');
		expect(downloadName('...', 'video/webm', 'brouillon')).toBe('brouillon.webm');
		expect(downloadName('.hidden', 'image/png')).toBe('hidden.png');
		expect(downloadName('x'.repeat(300), 'image/png')).toBe(`${'x'.repeat(100)}.png`);
	});

	it('writes an ASCII filename and the exact one in filename*', () => {
		expect(contentDisposition('wasla-export.json')).toBe(`attachment; filename="wasla-export.json"; filename*=UTF-8''wasla-export.json`);
		expect(contentDisposition('Été 100%.mp4')).toBe(`attachment; filename="Ete 100_.mp4"; filename*=UTF-8''%C3%89t%C3%A9%20100%25.mp4`);
		expect(contentDisposition('مسودة (1).mp4')).toBe(`attachment; filename="_____ (1).mp4"; filename*=UTF-8''%D9%85%D8%B3%D9%88%D8%AF%D8%A9%20%281%29.mp4`);
		expect(contentDisposition('a"b\\c\r\n.png')).toBe(`attachment; filename="a_b_c__.png"; filename*=UTF-8''a_b_c__.png`);
	});

	it('sends the file as an attachment that nothing renders, sniffs or caches', () => {
		expect(attachmentHeaders({ type: 'video/mp4', name: 'clip.mp4', size: 12 })).toEqual({
			'content-type': 'video/mp4',
			'content-disposition': `attachment; filename="clip.mp4"; filename*=UTF-8''clip.mp4`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-store',
			'content-length': '12'
		});
	});
});
