/**
 * Puts back what the visitor typed before hydration (recorded by the inline script in
 * app.html), then stops recording. Hydration keeps the server-rendered elements, so the
 * recorded element references are the live inputs.
 */
type Typed = Map<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, { value?: string; checked?: boolean }>;

export function restoreTypedBeforeHydration(win: Window & { __waslaTyped?: Typed }) {
	const typed = win.__waslaTyped;
	win.__waslaTyped = undefined;
	if (!typed) return;
	for (const [el, state] of typed) {
		if (!el.isConnected) continue;
		if (state.checked !== undefined && 'checked' in el) {
			if ((el as HTMLInputElement).checked === state.checked) continue;
			(el as HTMLInputElement).checked = state.checked;
			el.dispatchEvent(new Event('change', { bubbles: true }));
		} else if (state.value !== undefined && el.value !== state.value) {
			el.value = state.value;
			// Components that mirror the field in their state (live warnings…) catch up.
			el.dispatchEvent(new Event('input', { bubbles: true }));
		}
	}
}
