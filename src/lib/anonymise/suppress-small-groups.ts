/**
 * Small cells re-identify people (docs/domain.md): in an aggregate export, a row counting fewer clients than
 * the minimum size keeps its labels and loses every other value, its counts included ("3 clients" is
 * itself the disclosure). Everything that is not a label is blanked, so a statistic added to a table
 * later is suppressed without anyone remembering to list it.
 */
export type SuppressedRow<T, L extends keyof T> = { [K in keyof T]: K extends L ? T[K] : T[K] | null } & {
	/** Why the values are blank ("suppressed: fewer than 5 clients"), or null. */
	note: string | null;
};

export interface SuppressOptions<L, C> {
	/** The smallest number of clients a row may show. */
	minClients: number;
	/** The columns that name the row (group, condition…): always kept. */
	labels: readonly L[];
	/** The column holding the row's number of clients; 'clients' unless told. */
	clients?: C;
}

export function suppressionNote(minClients: number): string {
	return `suppressed: fewer than ${minClients} ${minClients === 1 ? 'client' : 'clients'}`;
}

export function suppressSmallGroups<T extends Record<C, number>, L extends keyof T, C extends PropertyKey = 'clients'>(
	rows: readonly T[],
	options: SuppressOptions<L, C>
): SuppressedRow<T, L>[] {
	const clients = options.clients ?? ('clients' as C);
	const labels = new Set<PropertyKey>(options.labels);
	const note = suppressionNote(options.minClients);
	return rows.map((row) => {
		if (row[clients] >= options.minClients) return { ...row, note: null } as SuppressedRow<T, L>;
		const blanked = Object.entries(row).map(([key, value]) => [key, labels.has(key) ? value : null]);
		return { ...Object.fromEntries(blanked), note } as SuppressedRow<T, L>;
	});
}
