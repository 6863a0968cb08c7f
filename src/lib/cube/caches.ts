/**
 * What the dashboard's fast path keeps between filter changes, and for how long. Each cache in cube/ is one of
 * these four policies. They keep results beside the objects they are about, never on them: an object that
 * gains properties as it is used changes shape, and the JIT's compiled code for the figures is thrown away.
 */

/** Made once per owner (a cube, a set of units, an index) on first use, and kept for as long as the owner lives. */
export function oncePer<O extends object, V>(make: (owner: O) => V): (owner: O) => V {
	const kept = new WeakMap<O, V>();
	return (owner) => {
		let value = kept.get(owner);
		if (value === undefined) kept.set(owner, (value = make(owner)));
		return value;
	};
}

/** The last `size` results, by key: going back to a view reuses it; the first made goes first. */
export class Recent<V> {
	private readonly kept = new Map<string, V>();
	constructor(private readonly size: number) {}

	get(key: string, make: () => V): V {
		const known = this.kept.get(key);
		if (known !== undefined) return known;
		const made = make();
		if (this.kept.size >= this.size) this.kept.delete(this.kept.keys().next().value as string);
		this.kept.set(key, made);
		return made;
	}
}

/** Results kept while their total weight stays within `budget` (memory); the first made go first, the newest stays. */
export class WithinBudget<V> {
	private readonly kept = new Map<string, V>();
	constructor(
		private readonly budget: number,
		private readonly weight: (value: V) => number
	) {}

	get(key: string, make: () => V): V {
		const known = this.kept.get(key);
		if (known !== undefined) return known;
		const made = make();
		let held = this.weight(made);
		for (const other of this.kept.values()) held += this.weight(other);
		for (const [old, other] of this.kept) {
			if (held <= this.budget) break;
			this.kept.delete(old);
			held -= this.weight(other);
		}
		this.kept.set(key, made);
		return made;
	}
}

/** Only the last result, while it is asked for with the same inputs (compared by `same`). */
export class LastOnly<I, V> {
	private last: { input: I; value: V } | null = null;
	constructor(private readonly same: (a: I, b: I) => boolean) {}

	get(input: I, make: () => V): V {
		if (this.last && this.same(this.last.input, input)) return this.last.value;
		const value = make();
		this.last = { input, value };
		return value;
	}
}
