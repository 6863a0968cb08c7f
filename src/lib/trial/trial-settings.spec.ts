import { describe, expect, it } from 'vitest';
import { DEFAULT_TRIAL_SETTINGS, defaultReach, trialSettingsFromSearch, trialSettingsToSearch } from './trial-settings';

describe('trial settings in the URL', () => {
	it('round-trip, and leave the defaults out', () => {
		const settings = { followUp: 5, population: 'bocf' as const, reach: 1.5 };
		const search = trialSettingsToSearch(settings);
		expect(search.toString()).toBe('fu=5&pop=bocf&reach=1.5');
		expect(trialSettingsFromSearch(search)).toEqual(settings);
		expect(trialSettingsToSearch(DEFAULT_TRIAL_SETTINGS).toString()).toBe('');
	});

	it('ignore malformed values', () => {
		expect(trialSettingsFromSearch(new URLSearchParams('fu=2.5&pop=all&reach=lots'))).toEqual(DEFAULT_TRIAL_SETTINGS);
	});

	it('default the value to reach to a tenth of the scale from its better end', () => {
		// Pain 0–10, lower is better: 1. ROM 0–140°, higher is better: 126. No scale: none.
		expect(defaultReach({ direction: 'lower', scaleMin: 0, scaleMax: 10 })).toBe(1);
		expect(defaultReach({ direction: 'higher', scaleMin: 0, scaleMax: 140 })).toBe(126);
		expect(defaultReach({ direction: 'lower', scaleMin: null, scaleMax: null })).toBeNull();
	});
});
