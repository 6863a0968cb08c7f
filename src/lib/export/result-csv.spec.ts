import { describe, expect, it } from 'vitest';
import { resultToCsv } from './result-csv';

describe('resultToCsv', () => {
	it('writes the columns in order, with text neutralised, nulls empty and booleans as words', () => {
		const csv = resultToCsv(
			[{ name: 'client_id' }, { name: 'pain_relief' }, { name: 'first_session' }, { name: 'active' }, { name: 'note' }],
			[
				{ note: '=HYPERLINK("x")', client_id: 'A', pain_relief: -2.5, first_session: '2025-01-06', active: true },
				{ client_id: 'C', pain_relief: null, first_session: null, active: false, note: 'a, "b"' }
			]
		);
		expect(csv).toBe(
			['client_id,pain_relief,first_session,active,note', `A,-2.5,2025-01-06,true,"'=HYPERLINK(""x"")"`, 'C,,,false,"a, ""b"""'].join(
				'\r\n'
			)
		);
	});
});
