// The matches page builds a card's details (criteria, niches, risk) only once it is opened when
// JavaScript runs (web/src/routes/campaigns/[id]/matches/+page.svelte); the HTML carries them for
// a browser without it. Tests that read the details open them first, as a user would.

/** Opens every match card's details on the page and waits until each has its criteria. */
export async function openMatchDetails(page) {
	const details = page.locator('.mt-card details.mp-more');
	const n = await details.count();
	await details.evaluateAll((all) => {
		for (const d of all) d.open = true;
	});
	await page.waitForFunction((count) => document.querySelectorAll('.mt-card details.mp-more[open] .mt-criteria').length === count, n);
	return n;
}
