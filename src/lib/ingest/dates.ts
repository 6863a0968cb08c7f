import { isMissing } from './sniff';

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export interface DateFormat {
	order: DateOrder;
	separator: '-' | '/' | '.';
	/** '2025-03-04 10:30' or '04.03.2025 10:30:00' */
	hasTime: boolean;
	/** DuckDB strptime format, e.g. '%Y-%m-%d', '%d.%m.%Y', '%m/%d/%Y', '%d/%m/%Y %H:%M' */
	strftime: string;
	/** True when no value decides day/month order (all parts <= 12); the caller shows the guess and lets the user override. */
	ambiguous: boolean;
}

type Separator = DateFormat['separator'];

/** One value split into its parts; `shape` groups values that one strptime format can read. */
interface DateParts {
	first: number;
	second: number;
	yearFirst: boolean;
	separator: Separator;
	yearToken: '%Y' | '%y';
	timeFormat: string;
	shape: string;
}

const DATE_VALUE = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:([ T])(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SHARE_NEEDED = 0.9;

/**
 * The date format of a column from its sample values, or null when the non-missing values do not (mostly)
 * look like dates, or when some values put the day first and others the month.
 */
export function detectDateFormat(values: string[]): DateFormat | null {
	const present = values.filter((v) => !isMissing(v));
	if (present.length === 0) return null;
	const shapes = new Map<string, DateParts[]>();
	for (const value of present) {
		const parts = readParts(value);
		if (parts) shapes.set(parts.shape, [...(shapes.get(parts.shape) ?? []), parts]);
	}
	const dates = [...shapes.values()].sort((a, b) => b.length - a.length)[0] ?? [];
	if (dates.length < present.length * SHARE_NEEDED) return null;

	const { yearFirst, separator, yearToken, timeFormat } = dates[0];
	if (yearFirst) return build('ymd', separator, yearToken, timeFormat, false);
	const dayFirst = dates.some((d) => d.first > 12);
	const monthFirst = dates.some((d) => d.second > 12);
	if (dayFirst && monthFirst) return null;
	return build(monthFirst ? 'mdy' : 'dmy', separator, yearToken, timeFormat, !dayFirst && !monthFirst);
}

/** The same format read in another day/month order, as the user chose it. */
export function withOrder(format: DateFormat, order: DateOrder): DateFormat {
	const yearToken = format.strftime.includes('%y') ? '%y' : '%Y';
	const timeFormat = format.strftime.slice('%d.%m.%Y'.length);
	return build(order, format.separator, yearToken, timeFormat, false);
}

/** One value as 'YYYY-MM-DD', or null when it does not match the format or names a day that does not exist. */
export function parseDate(value: string, format: DateFormat): string | null {
	const match = patternFor(format.strftime).exec(value.trim());
	if (!match?.groups) return null;
	const { Y, y, m, d, H = '0', M = '0', S = '0' } = match.groups;
	const year = Y !== undefined ? Number(Y) : fullYear(Number(y));
	const [month, day] = [Number(m), Number(d)];
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	if (Number(H) > 23 || Number(M) > 59 || Number(S) > 59) return null;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function readParts(value: string): DateParts | null {
	const match = DATE_VALUE.exec(value.trim());
	if (!match) return null;
	const [, a, separator, b, c, timeSeparator, hour, minute, second] = match;
	const yearFirst = a.length === 4 && c.length <= 2;
	const yearLast = a.length <= 2 && (c.length === 2 || c.length === 4);
	if (!yearFirst && !yearLast) return null;
	const [first, middle, last] = [Number(a), Number(b), Number(c)];
	if (yearFirst ? !isDayAndMonth(last, middle) : !isDayAndMonth(first, middle) && !isDayAndMonth(middle, first)) return null;
	if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) return null;

	const yearToken = yearFirst || c.length === 4 ? '%Y' : '%y';
	const timeFormat = timeSeparator ? `${timeSeparator}%H:%M${second !== undefined ? ':%S' : ''}` : '';
	return {
		first,
		second: middle,
		yearFirst,
		separator: separator as Separator,
		yearToken,
		timeFormat,
		shape: [yearFirst ? 'year first' : 'year last', separator, yearToken, timeFormat].join('|')
	};
}

function isDayAndMonth(day: number, month: number): boolean {
	return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

function build(order: DateOrder, separator: Separator, yearToken: '%Y' | '%y', timeFormat: string, ambiguous: boolean): DateFormat {
	const tokens = { ymd: [yearToken, '%m', '%d'], dmy: ['%d', '%m', yearToken], mdy: ['%m', '%d', yearToken] }[order];
	return { order, separator, hasTime: timeFormat !== '', strftime: tokens.join(separator) + timeFormat, ambiguous };
}

const TOKEN_PATTERNS: Record<string, string> = {
	'%Y': '(?<Y>\\d{4})',
	'%y': '(?<y>\\d{2})',
	'%m': '(?<m>\\d{1,2})',
	'%d': '(?<d>\\d{1,2})',
	'%H': '(?<H>\\d{1,2})',
	'%M': '(?<M>\\d{2})',
	'%S': '(?<S>\\d{2})'
};

function patternFor(strftime: string): RegExp {
	const source = strftime
		.split(/(%[a-zA-Z])/)
		.map((piece) => TOKEN_PATTERNS[piece] ?? piece.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
		.join('');
	return new RegExp(`^${source}$`);
}

/** DuckDB's %y reads 00–68 as 2000–2068 and 69–99 as 1969–1999. */
function fullYear(twoDigits: number): number {
	return twoDigits < 69 ? 2000 + twoDigits : 1900 + twoDigits;
}

function daysInMonth(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
