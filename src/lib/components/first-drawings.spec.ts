import { describe, expect, it, vi } from 'vitest';

describe('the first drawings of a page', () => {
	it('are drawn one per task in their order, a cancelled one skipped, and later ones at once', async () => {
		vi.useFakeTimers();
		const { drawInTurn } = await import('./first-drawings');
		const drawn: string[] = [];
		drawInTurn(() => drawn.push('top chart'));
		const cancel = drawInTurn(() => drawn.push('removed before its turn'));
		drawInTurn(() => drawn.push('last chart'));
		cancel();
		expect(drawn).toEqual([]);
		vi.advanceTimersToNextTimer();
		expect(drawn).toEqual(['top chart']);
		vi.runAllTimers();
		expect(drawn).toEqual(['top chart', 'last chart']);
		drawInTurn(() => drawn.push('after a filter change'));
		expect(drawn.at(-1)).toBe('after a filter change');
		vi.useRealTimers();
	});
});
