import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

// The PDF checks in this project read our PDFs back with poppler's tools, as an
// outside reader would. `.ci/run` installs poppler-utils; this test says so clearly
// when a machine lacks them instead of failing somewhere deeper.
test.each(['pdftotext', 'pdftoppm', 'pdfsig'])('%s from poppler-utils is installed', (tool) => {
	const out = execFileSync(tool, ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	expect(typeof out).toBe('string');
});
