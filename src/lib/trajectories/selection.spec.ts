import { describe, expect, it } from 'vitest';
import { addClient, DEFAULT_SELECTION, removeClient, selectionFromSearch, selectionToSearch } from './selection';

describe('the selection in the URL', () => {
	it('round-trips clients in order, the axis, the band option and the minimum size', () => {
		const selection = { clients: ['C0002', 'A & B', 'C0001'], axis: 'days' as const, sameTechnique: true, minClients: 8 };
		const search = selectionToSearch(selection);
		expect(search.toString()).toBe('client=C0002&client=A+%26+B&client=C0001&x=days&band=technique&min=8');
		expect(selectionFromSearch(search)).toEqual(selection);
	});

	it('leaves defaults out, and reads junk as defaults', () => {
		expect(selectionToSearch(DEFAULT_SELECTION).toString()).toBe('');
		expect(selectionFromSearch(new URLSearchParams('x=weeks&min=-2&band=yes&client='))).toEqual(DEFAULT_SELECTION);
	});

	it('keeps at most six distinct clients', () => {
		const search = new URLSearchParams(['A', 'B', 'A', 'C', 'D', 'E', 'F', 'G'].map((c) => ['client', c]));
		expect(selectionFromSearch(search).clients).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
	});

	it('adds a client once, never a seventh, and removes one', () => {
		const two = addClient(addClient(DEFAULT_SELECTION, 'A'), 'B');
		expect(addClient(two, 'A').clients).toEqual(['A', 'B']);
		const six = ['C', 'D', 'E', 'F'].reduce(addClient, two);
		expect(addClient(six, 'G').clients).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
		expect(removeClient(six, 'C').clients).toEqual(['A', 'B', 'D', 'E', 'F']);
	});
});
