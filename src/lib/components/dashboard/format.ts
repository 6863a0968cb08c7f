/** A table cell's value, or why it is withheld. */
export function hiddenOr(clients: number, minClients: number, value: string | null): string | null {
	return clients < minClients ? `hidden (n<${minClients})` : value;
}
