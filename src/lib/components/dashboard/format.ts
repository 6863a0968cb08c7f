/** A table cell's value, or why it is withheld. */
export function hiddenOr(clients: number, minClients: number, value: string | null): string | null {
	return clients < minClients ? `hidden (n<${minClients})` : value;
}

/** A count as the rest of the page writes it: 1,165. */
export const count = (n: number): string => n.toLocaleString('en');
