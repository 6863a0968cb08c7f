import { describe, expect, it } from 'vitest';
import { addClient, DEFAULT_SELECTION, referenceClient, removeClient, selectionFromSearch, selectionToSearch } from './selection';

describe('the selection in the URL', () => {
	it('round-trips clients in order, the axis, the band option and the minimum size', () => {
		const selection = {
			clients: ['C0002', 'A & B', 'C0001'],
			axis: 'days' as const,
			reference: 'C0001',
			sameTechnique: true,
			minClients: 8
		};
		const search = selectionToSearch(selection);
		expect(search.toString()).toBe('client=C0002&client=A+%26+B&client=C0001&x=days&ref=C0001&band=technique&min=8');
		expect(selectionFromSearch(search)).toEqual(selection);
	});

	it('follows the first client unless another picked client is chosen as the reference', () => {
		expect(selectionFromSearch(new URLSearchParams('client=A&client=B&ref=A')).reference).toBeNull();
		expect(selectionFromSearch(new URLSearchParams('client=A&client=B&ref=Z')).reference).toBeNull();
		expect(referenceClient(selectionFromSearch(new URLSearchParams('client=A&client=B&ref=B')))).toBe('B');
		expect(referenceClient(selectionFromSearch(new URLSearchParams('client=A&client=B')))).toBe('A');
	});

	it('drops the reference with its client, or when it becomes the first', () => {
		const three = { ...DEFAULT_SELECTION, clients: ['A', 'B', 'C'], reference: 'B' };
		expect(removeClient(three, 'B')).toMatchObject({ clients: ['A', 'C'], reference: null });
		expect(removeClient(three, 'C')).toMatchObject({ clients: ['A', 'B'], reference: 'B' });
		expect(removeClient(three, 'A')).toMatchObject({ clients: ['B', 'C'], reference: null });
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
