/**
 * A table cell's text in the parts it may break between: "−0.41 (−0.77 to −0.05)" as the estimate and its
 * interval, so a narrow column wraps between them rather than inside the interval. Missing values show as –.
 */
export function cellParts(value: string | number | null): string[] {
	if (value === null) return ['–'];
	const text = String(value);
	const at = text.indexOf(' (');
	return at > 0 && text.endsWith(')') ? [text.slice(0, at), text.slice(at + 1)] : [text];
}
