/**
 * Puts back what the visitor typed before hydration (recorded by the inline script in
 * app.html), then stops recording. Hydration keeps the server-rendered elements, so the
 * recorded element references are the live inputs. The <details> they opened or closed are
 * put back too: hydration assigns a `<details open={…}>` the server's value, so a "report a
 * problem" opened on a slow phone would shut again. (The root layout mounts last, after every
 * render effect of the hydration and before the `toggle` events it queued are dispatched.)
 */
type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Typed = Map<Field | HTMLDetailsElement, { value?: string; checked?: boolean; open?: boolean }>;

export function restoreTypedBeforeHydration(win: Window & { __waslaTyped?: Typed }) {
	const typed = win.__waslaTyped;
	win.__waslaTyped = undefined;
	if (!typed) return;
	for (const [node, state] of typed) {
		if (!node.isConnected) continue;
		if ('open' in node) {
			if (state.open !== undefined) node.open = state.open;
			continue;
		}
		const el: Field = node;
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
