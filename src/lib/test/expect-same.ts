import { expect } from 'vitest';

/** Equal, numbers to within 1e-9 (the two sum in different orders). */
export function expectSame(actual: unknown, expected: unknown, path = '') {
	if (typeof expected === 'number' && typeof actual === 'number') {
		expect(Math.abs(actual - expected), path).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected)));
	} else if (Array.isArray(expected)) {
		expect(Array.isArray(actual) && actual.length, `${path} length`).toBe(expected.length);
		expected.forEach((e, i) => expectSame((actual as unknown[])[i], e, `${path}[${i}]`));
	} else if (expected && typeof expected === 'object') {
		expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
		for (const [k, v] of Object.entries(expected)) expectSame((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
	} else {
		expect(actual, path).toEqual(expected);
	}
}
