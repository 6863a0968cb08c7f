export interface Column<T> {
	label: string;
	value: (row: T) => string | number | null;
	numeric?: boolean;
}
