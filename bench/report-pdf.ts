// Campaign report PDF bench (issue 12, point 6): CPU time to build and render a report with
// 10 creators (three deliverables each, half of them with Arabic names) in fr, ar and en
// with contracts/pdf, the agreements' renderer. Not a hot route: the number says what one
// download costs next to the Workers CPU limits. CPU = process.cpuUsage() user + system per
// call, after a warm-up. Run: npx tsx bench/report-pdf.ts [iterations]
import { renderReportPdf } from '../contracts/pdf';
import { buildReportDocument } from '../worker/domain/report-document';
import { GENERATED_AT, fixtureReport, manyCreatorsInput } from '../test/fixtures/campaign-reports';
import { cpuPerCall } from './pdf-render';

const CREATORS = 10;

if (import.meta.url === `file://${process.argv[1]}`) {
	const n = Number(process.argv[2] ?? 20);
	const report = fixtureReport(manyCreatorsInput(CREATORS));
	console.log(`\n${'step'.padEnd(44)} CPU ms/call   pages   PDF bytes`);
	for (const lang of ['fr', 'ar', 'en'] as const) {
		const render = () => renderReportPdf(buildReportDocument(report, { lang, now: GENERATED_AT }));
		const bytes = await render();
		const pages = (new TextDecoder('latin1').decode(bytes).match(/\/Type \/Page\b/g) ?? []).length;
		const ms = await cpuPerCall(render, n);
		console.log(`${`report PDF, ${CREATORS} creators, ${lang}`.padEnd(44)} ${ms.toFixed(1).padStart(11)} ${String(pages).padStart(7)} ${String(bytes.length).padStart(11)}`);
	}
	console.log(`\n${n} iterations after 5 warm-up calls; machines here are shared.`);
}
