import { describe, expect, it } from 'vitest';
import { LastOnly, oncePer, Recent, WithinBudget } from './caches';

describe('the cache policies', () => {
	it('oncePer makes a value once per owner', () => {
		let made = 0;
		const sizeOf = oncePer((owner: number[]) => (made++, owner.length));
		const a = [1, 2, 3];
		expect([sizeOf(a), sizeOf(a), sizeOf([1])]).toEqual([3, 3, 1]);
		expect(made).toBe(2);
	});

	it('Recent keeps the last few, the first made going first', () => {
		const recent = new Recent<string>(2);
		const made: string[] = [];
		const get = (key: string) => recent.get(key, () => (made.push(key), key.toUpperCase()));
		['a', 'b', 'a', 'c', 'a', 'b'].forEach(get);
		// a, b made; a reused; c pushes a out; a made again pushes b out; b made again.
		expect(made).toEqual(['a', 'b', 'c', 'a', 'b']);
	});

	it('WithinBudget drops the oldest until the total weight fits, keeping the newest even when it alone is over', () => {
		const kept = new WithinBudget<number[]>(5, (v) => v.length);
		const made: string[] = [];
		const get = (key: string, size: number) => kept.get(key, () => (made.push(key), new Array<number>(size).fill(0)));
		get('a', 2);
		get('b', 2);
		get('c', 2); // 6 > 5: a goes
		get('b', 2); // kept
		get('a', 2); // made again: b goes (4 + 2 = 6)
		get('big', 9); // everything else goes; big stays
		get('c', 1);
		expect(made).toEqual(['a', 'b', 'c', 'a', 'big', 'c']);
	});

	it('LastOnly keeps one result for the same inputs', () => {
		const last = new LastOnly<{ points: number }, number>((a, b) => a.points === b.points);
		let made = 0;
		const get = (points: number) => last.get({ points }, () => (made++, points * 2));
		expect([get(2), get(2), get(3), get(2)]).toEqual([4, 4, 6, 4]);
		expect(made).toBe(3);
	});
});
