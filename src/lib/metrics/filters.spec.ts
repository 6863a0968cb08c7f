import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from './filters';
import { filtersFromSearch, filtersToSearch } from './filters-url';
import { sessionWhere } from './filter-sql';

describe('filters in the URL', () => {
	it('round-trips every filter through the query string', () => {
		const filters = {
			...DEFAULT_FILTERS,
			from: '2025-02-01',
			to: '2025-06-30',
			clinics: ['Harbour Street', 'Riverside Sports'],
			techniques: ['PNF stretching'],
			conditions: ['Lower back pain'],
			therapists: ['Dev Patel'],
			measure: 'hip_flexion',
			by: 'therapist' as const,
			reference: 'Amira Haddad',
			minClients: 10
		};
		const search = filtersToSearch(filters);
		expect(search.toString()).toBe(
			'from=2025-02-01&to=2025-06-30&clinic=Harbour+Street&clinic=Riverside+Sports&therapist=Dev+Patel&technique=PNF+stretching&condition=Lower+back+pain&measure=hip_flexion&by=therapist&ref=Amira+Haddad&min=10'
		);
		expect(filtersFromSearch(search)).toEqual(filters);
	});

	it('ignores malformed values instead of failing', () => {
		const filters = filtersFromSearch(new URLSearchParams('from=yesterday&by=moon&min=-3'));
		expect(filters).toEqual(DEFAULT_FILTERS);
		expect(filtersToSearch(DEFAULT_FILTERS).toString()).toBe('');
	});

	it('binds every value, hostile ones included', () => {
		const hostile = "x') OR 1=1; --";
		const where = sessionWhere({ ...DEFAULT_FILTERS, clinics: [hostile], from: '2025-01-01' });
		expect(where.sql).toBe('true AND s.session_date >= CAST(? AS DATE) AND s.clinic IN (?)');
		expect(where.params).toEqual(['2025-01-01', hostile]);
	});
});
