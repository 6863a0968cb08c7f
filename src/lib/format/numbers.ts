/** A table cell's value, or why it is withheld. */
export function hiddenOr(clients: number, minClients: number, value: string | null): string | null {
	return clients < minClients ? `hidden (n<${minClients})` : value;
}

/** A count as the rest of the page writes it: 1,165. */
export const count = (n: number): string => n.toLocaleString('en');

/** A number to `digits` places, or null when there is none. */
export const fixed = (v: number | null | undefined, digits = 2): string | null =>
	v === null || v === undefined || !Number.isFinite(v) ? null : v.toFixed(digits);

/** An estimate with its interval: "0.86 (−0.77 to 2.48)". */
export function withInterval(
	estimate: number | null | undefined,
	ci: { low: number; high: number } | null | undefined,
	digits = 2
): string | null {
	const value = fixed(estimate, digits);
	if (value === null) return null;
	return ci ? `${value} (${fixed(ci.low, digits)} to ${fixed(ci.high, digits)})` : value;
}

/** A share as a whole percentage: 0.4286 → "43%". */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;
