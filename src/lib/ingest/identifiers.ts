import { isMissing } from './sniff';

/** Direct identifiers of HIPAA Safe Harbor (45 CFR 164.514(b)(2)) that an upload may still hold by mistake. */
export type IdentifierKind = 'name' | 'e-mail' | 'phone' | 'address' | 'birth date' | 'record number' | 'free text';

export interface IdentifierFinding {
	column: number;
	header: string;
	kinds: IdentifierKind[];
	/** Why, in words: "header 'Surname'", "14 of 20 values look like e-mail addresses" */
	evidence: string[];
}

/** Columns about staff or the clinic itself: their names, e-mails and addresses are not the clients'. */
const STAFF_OR_CLINIC = words(
	'therapist therapists practitioner clinician staff clinic clinics practice provider employee physician doctor therapeut therapeutin praxis behandler'
);
/** Columns of categories: their values are capitalised terms ("Positional Release", "Lower Back Pain"), not people. */
const CATEGORY = words(
	'technique techniques condition conditions diagnosis indication treatment modality measure outcome group arm region muscle joint complaint medication type file body area side category status program programme'
);
const FREE_TEXT = words(
	'notes note comments comment remarks remark memo observations observation freetext description anmerkung anmerkungen bemerkung bemerkungen notiz notizen'
);

/** Header phrases per kind, matched as whole words after splitting on punctuation and camelCase. */
const HEADER_PHRASES: [Exclude<IdentifierKind, 'free text'>, string[]][] = [
	['e-mail', ['email', 'e mail', 'mail', 'emailaddress']],
	['phone', ['phone', 'telephone', 'tel', 'telefon', 'telefonnummer', 'mobile', 'mobil', 'cellphone', 'cell phone', 'fax', 'phonenumber']],
	[
		'address',
		[
			'address',
			'addr',
			'street',
			'postcode',
			'post code',
			'postal code',
			'zip',
			'zipcode',
			'city',
			'town',
			'county',
			'house number',
			'adresse',
			'anschrift',
			'strasse',
			'straße',
			'plz',
			'wohnort'
		]
	],
	['birth date', ['dob', 'birth', 'birthday', 'birthdate', 'born', 'geburtsdatum', 'geburtstag']],
	[
		'record number',
		[
			'ssn',
			'social security',
			'nhs',
			'mrn',
			'medical record',
			'record number',
			'insurance number',
			'insurance no',
			'insurance id',
			'policy number',
			'account number',
			'passport',
			'versichertennummer'
		]
	],
	[
		'name',
		[
			'name',
			'names',
			'surname',
			'forename',
			'firstname',
			'lastname',
			'fullname',
			'givenname',
			'familyname',
			'patientname',
			'clientname',
			'initials',
			'nachname',
			'vorname'
		]
	]
];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE = [
	/(?:\+|\b00(?=[1-9]))\d{1,3}[\s-]?(?:\(0\)[\s-]?)?\(?\d{1,5}\)?(?:[\s-]?\d{2,6}){1,4}(?!\d)/g, // +44 7700 900123, +49 (0)30 1234567
	/\b0[1-9]\d{1,4}(?:[\s-]?\d{2,8}){1,3}(?!\d)/g, // 07700 900123, 030-1234567
	/\(\d{2,5}\)[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)/g, // (555) 123-4567
	/\b\d{3}([\s-])\d{3}\1\d{4}\b/g // 555-123-4567
];
const STREET = [
	/\b\d{1,5}[A-Za-z]?,?\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Close|Court|Ct|Place|Pl|Boulevard|Blvd|Terrace|Crescent|Gardens|Square|Sq|Hill|Row|Mews|Parade|Grove|Walk|Highway|Hwy)\b/gu,
	/\b\p{L}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|allee|platz)\s*\d{1,4}\s?[a-z]?\b/giu
];
const SOCIAL_SECURITY = [/\b\d{3}-\d{2}-\d{4}\b/g];

/** `digitRun`: a match must hold 7–15 digits and must not be glued to other digits (decimals, dates, ids). */
const VALUE_CHECKS: { kind: IdentifierKind; patterns: RegExp[]; digitRun: boolean; plural: string; singular: string }[] = [
	{ kind: 'e-mail', patterns: [EMAIL], digitRun: false, plural: 'e-mail addresses', singular: 'an e-mail address' },
	{ kind: 'phone', patterns: PHONE, digitRun: true, plural: 'phone numbers', singular: 'a phone number' },
	{ kind: 'address', patterns: STREET, digitRun: false, plural: 'street addresses', singular: 'a street address' },
	{
		kind: 'record number',
		patterns: SOCIAL_SECURITY,
		digitRun: true,
		plural: 'social security numbers',
		singular: 'a social security number'
	}
];

const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]*\p{Ll}`;
const INITIAL = String.raw`\p{Lu}\.`;
const PARTICLE = String.raw`(?:van|von|de|der|den|da|di|du|del|la|le|ten|ter|bin|al)\s+`;
const PERSON = new RegExp(`^(?:${NAME_WORD}|${INITIAL})(?:\\s+(?:${PARTICLE})*(?:${NAME_WORD}|${INITIAL})){1,3}$`, 'u');
const PERSON_SURNAME_FIRST = new RegExp(`^${NAME_WORD}(?:[\\s-]${NAME_WORD})*,\\s*${NAME_WORD}(?:\\s+(?:${NAME_WORD}|${INITIAL}))*$`, 'u');
/** Words in capitalised values that are not people: treatments, body parts, places, answers. */
const NOT_NAME_WORDS = words(
	'pain back lower upper neck shoulder hip knee jaw foot hand wrist elbow ankle leg head headache headaches migraine tension sciatica tunnel carpal plantar fasciitis tendonitis tendinitis cramps cramp ' +
		'release positional palpation trigger point therapy stretching stretch massage sports sport deep tissue swedish sham control technique neuromuscular ischemic compression strain counterstrain contract relax hold facilitation manual dry needling cupping ' +
		'clinic centre center studio health physio physiotherapy practice wellness spa hospital street road city north south east west central university ltd inc gmbh ' +
		'no not yes none other unknown left right both bilateral with without and or of the for per pre post before after baseline follow week weeks month months day days session sessions visit high low medium mild moderate severe male female new old first last total mixed chronic acute aura treatment group arm care usual standard placebo active'
);

/** Columns of an upload that likely hold direct identifiers, judged by header and by the sample rows. */
export function findIdentifiers(header: string[], rows: string[][]): IdentifierFinding[] {
	return header.flatMap((name, column) => {
		const headerWords = splitHeader(name);
		if (headerWords.some((w) => STAFF_OR_CLINIC.has(w))) return [];
		const values = rows.map((row) => (row[column] ?? '').trim()).filter((v) => !isMissing(v));
		const finding: IdentifierFinding = { column, header: name, kinds: [], evidence: [] };
		const add = (kind: IdentifierKind, evidence: string) => {
			if (!finding.kinds.includes(kind)) finding.kinds.push(kind);
			finding.evidence.push(evidence);
		};

		const category = headerWords.some((w) => CATEGORY.has(w));
		const byHeader = headerKind(headerWords, values, category);
		if (byHeader) add(byHeader, `header '${name}'`);
		let embedded = false;
		for (const { kind, patterns, digitRun, plural, singular } of VALUE_CHECKS) {
			const found = values.map((v) => matchIn(v, patterns, digitRun)).filter((m) => m !== 'none');
			if (found.length === 0) continue;
			const whole = found.every((m) => m === 'whole');
			embedded ||= !whole;
			add(kind, `${found.length} of ${values.length} values ${whole ? `look like ${plural}` : `contain ${singular}`}`);
		}
		const names = byHeader || category ? [] : values.filter(looksLikePersonName);
		if (names.length > 0 && names.length >= values.length * 0.7 && new Set(names).size >= Math.min(2, values.length)) {
			add('name', `${names.length} of ${values.length} values look like person names`);
		}

		if (finding.kinds.length === 0) return [];
		const notesHeader = headerWords.some((w) => FREE_TEXT.has(w));
		if (notesHeader || embedded) finding.kinds.push('free text');
		if (notesHeader) finding.evidence.unshift(`header '${name}' (free text)`);
		return [finding];
	});
}

function headerKind(headerWords: string[], values: string[], category: boolean): IdentifierKind | null {
	const padded = ` ${headerWords.join(' ')} `;
	for (const [kind, phrases] of HEADER_PHRASES) {
		if (!phrases.some((p) => padded.includes(` ${p} `))) continue;
		if (kind === 'name' && category) continue;
		// Safe Harbor allows the year of birth on its own
		if (kind === 'birth date' && (headerWords.includes('year') || (values.length > 0 && values.every((v) => /^\d{4}$/.test(v))))) continue;
		return kind;
	}
	return null;
}

/** "PatientName", "date_of_birth", "E-Mail" → ['patient', 'name'], ['date', 'of', 'birth'], ['e', 'mail']. */
function splitHeader(header: string): string[] {
	return header
		.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** Whether a pattern covers the whole value, occurs inside it, or neither. */
function matchIn(value: string, patterns: RegExp[], digitRun: boolean): 'whole' | 'inside' | 'none' {
	let result: 'whole' | 'inside' | 'none' = 'none';
	for (const pattern of patterns) {
		for (const { 0: text, index } of value.matchAll(pattern)) {
			if (digitRun && !isSeparateDigitRun(text, value.slice(0, index), value.slice(index + text.length))) continue;
			if (text === value) return 'whole';
			result = 'inside';
		}
	}
	return result;
}

/** A bare run of digits needs the length of a full national number (10+), so zero-padded ids like 01234567 pass. */
function isSeparateDigitRun(text: string, before: string, after: string): boolean {
	const digits = text.replace(/\D/g, '').length;
	const shortest = /^\d+$/.test(text) ? 10 : 7;
	return digits >= shortest && digits <= 15 && !/\d[.,:/-]?$/.test(before) && !/^[.,:/-]?\d/.test(after);
}

function looksLikePersonName(value: string): boolean {
	if (!PERSON.test(value) && !PERSON_SURNAME_FIRST.test(value)) return false;
	return !value
		.toLowerCase()
		.split(/[^\p{L}]+/u)
		.some((w) => NOT_NAME_WORDS.has(w));
}

function words(list: string): Set<string> {
	return new Set(list.split(' '));
}
