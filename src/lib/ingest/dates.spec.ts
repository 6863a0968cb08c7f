import { describe, expect, it } from 'vitest';
import { detectDateFormat, parseDate, withOrder, type DateFormat } from './dates';

const iso: DateFormat = { order: 'ymd', separator: '-', hasTime: false, strftime: '%Y-%m-%d', ambiguous: false };
const german: DateFormat = { order: 'dmy', separator: '.', hasTime: false, strftime: '%d.%m.%Y', ambiguous: false };
const us: DateFormat = { order: 'mdy', separator: '/', hasTime: false, strftime: '%m/%d/%Y', ambiguous: false };
const uk: DateFormat = { order: 'dmy', separator: '/', hasTime: false, strftime: '%d/%m/%Y', ambiguous: false };

describe('detectDateFormat', () => {
	it.each<[string, string[], DateFormat | null]>([
		['ISO', ['2025-03-04', '2025-03-18', '2025-04-01'], iso],
		['ISO with every part <= 12 is still not ambiguous', ['2025-03-04', '2025-04-03'], iso],
		['ISO with slashes', ['2025/03/18'], { ...iso, separator: '/', strftime: '%Y/%m/%d' }],
		['ISO with time', ['2025-03-04 10:30', '2025-03-05 9:05'], { ...iso, hasTime: true, strftime: '%Y-%m-%d %H:%M' }],
		['ISO with T and seconds', ['2025-03-04T10:30:00'], { ...iso, hasTime: true, strftime: '%Y-%m-%dT%H:%M:%S' }],
		['day first, dots', ['04.03.2025', '18.03.2025'], german],
		['day first, one-digit day and month', ['4.3.2025', '18.3.2025'], german],
		['day first with seconds', ['04.03.2025 10:30:00', '18.03.2025 9:05:00'], { ...german, hasTime: true, strftime: '%d.%m.%Y %H:%M:%S' }],
		['day first, slashes', ['18/03/2025', '4/3/2025'], uk],
		['month first', ['03/04/2025', '03/18/2025'], us],
		['month first, two-digit year', ['3/18/25', '3/4/25'], { ...us, strftime: '%m/%d/%y' }],
		['day first, two-digit year', ['18.03.25', '04.03.25'], { ...german, strftime: '%d.%m.%y' }],
		['ambiguous: day first assumed', ['04/03/2025', '05/03/2025', '12/11/2025'], { ...uk, ambiguous: true }],
		[
			'ambiguous with dashes and time',
			['04-03-2025 10:30'],
			{ order: 'dmy', separator: '-', hasTime: true, strftime: '%d-%m-%Y %H:%M', ambiguous: true }
		],
		['an impossible day still decides the order', ['31.04.2025', '04.03.2025'], german],
		['missing tokens are ignored', ['04.03.2025', 'NA', '', 'n/a', ' - ', '18.03.2025'], german],
		['nine dates in ten are enough', [...Array(9).fill('18.03.2025'), 'unknown'], german],
		['eight dates in ten are not', [...Array(8).fill('18.03.2025'), 'unknown', 'later'], null],
		['day first in one value, month first in another', ['13/03/2025', '03/14/2025'], null],
		['half dots, half slashes', ['18.03.2025', '18/03/2025'], null],
		['all missing', ['', 'NA', 'null'], null],
		['pain scores', ['6', '7.5', '4'], null],
		['scores out of ten', ['6/10', '7/10'], null],
		['thirteenth month both ways', ['13.13.2025'], null],
		['three-digit year', ['04.03.202'], null],
		['version numbers', ['1.2.3', '1.2.4'], null]
	])('%s', (_, values, expected) => {
		expect(detectDateFormat(values)).toEqual(expected);
	});
});

describe('withOrder', () => {
	it.each<[string, DateFormat, 'ymd' | 'dmy' | 'mdy', DateFormat]>([
		['ambiguous day-first switched to month-first', { ...uk, ambiguous: true }, 'mdy', us],
		['ambiguous guess confirmed', { ...uk, ambiguous: true }, 'dmy', uk],
		['keeps a two-digit year', { ...german, strftime: '%d.%m.%y' }, 'mdy', { ...german, order: 'mdy', strftime: '%m.%d.%y' }],
		[
			'keeps the time',
			{ ...german, hasTime: true, strftime: '%d.%m.%Y %H:%M:%S', ambiguous: true },
			'mdy',
			{ ...german, order: 'mdy', hasTime: true, strftime: '%m.%d.%Y %H:%M:%S' }
		],
		['year first to day first', iso, 'dmy', { ...iso, order: 'dmy', strftime: '%d-%m-%Y' }]
	])('%s', (_, format, order, expected) => {
		expect(withOrder(format, order)).toEqual(expected);
	});
});

describe('parseDate', () => {
	it.each<[string, DateFormat, string | null]>([
		['2025-03-04', iso, '2025-03-04'],
		[' 2025-3-4 ', iso, '2025-03-04'],
		['2025-02-31', iso, null],
		['2025-13-01', iso, null],
		['2024-02-29', iso, '2024-02-29'],
		['2025-02-29', iso, null],
		['1900-02-29', iso, null],
		['2000-02-29', iso, '2000-02-29'],
		['04.03.2025', german, '2025-03-04'],
		['4.3.2025', german, '2025-03-04'],
		['30.04.2025', german, '2025-04-30'],
		['31.04.2025', german, null],
		['00.03.2025', german, null],
		['03/04/2025', us, '2025-03-04'],
		['03/04/2025', uk, '2025-04-03'],
		['04.03.25', { ...german, strftime: '%d.%m.%y' }, '2025-03-04'],
		['04.03.68', { ...german, strftime: '%d.%m.%y' }, '2068-03-04'],
		['04.03.69', { ...german, strftime: '%d.%m.%y' }, '1969-03-04'],
		['04.03.2025 10:30:00', { ...german, hasTime: true, strftime: '%d.%m.%Y %H:%M:%S' }, '2025-03-04'],
		['04.03.2025 24:00:00', { ...german, hasTime: true, strftime: '%d.%m.%Y %H:%M:%S' }, null],
		['04.03.2025', { ...german, hasTime: true, strftime: '%d.%m.%Y %H:%M' }, null],
		['2025-03-04T09:05', { ...iso, hasTime: true, strftime: '%Y-%m-%dT%H:%M' }, '2025-03-04'],
		['2025-03-04', german, null],
		['04/03/2025', german, null],
		['04.03.2025', { ...german, strftime: '%d.%m.%y' }, null],
		['NA', iso, null],
		['', iso, null]
	])('%j', (value, format, expected) => {
		expect(parseDate(value, format)).toBe(expected);
	});

	it('reads what detectDateFormat found', () => {
		const values = ['18/03/2025', '4/3/2025', '29/02/2025'];
		const format = detectDateFormat(values);
		expect(format).not.toBeNull();
		expect(values.map((v) => (format ? parseDate(v, format) : v))).toEqual(['2025-03-18', '2025-03-04', null]);
	});
});
