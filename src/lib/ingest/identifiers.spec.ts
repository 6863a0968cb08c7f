import { describe, expect, it } from 'vitest';
import { findIdentifiers, type IdentifierFinding } from './identifiers';

/** One column: header and its values, one per row. */
type Column = [string, string[]];

function table(...columns: Column[]): [string[], string[][]] {
	const rows = Math.max(...columns.map(([, values]) => values.length));
	return [columns.map(([header]) => header), Array.from({ length: rows }, (_, r) => columns.map(([, values]) => values[r] ?? ''))];
}

const ids: Column = ['client_id', ['C0001', 'C0002', 'C0003']];

describe('findIdentifiers: by header', () => {
	it.each<[string, string, IdentifierFinding['kinds']]>([
		['First name', 'Anna', ['name']],
		['Surname', 'Berg', ['name']],
		['last_name', 'Berg', ['name']],
		['PatientName', 'Anna Berg', ['name']],
		['Client Name', 'anna berg', ['name']],
		['Full name', 'A. Berg', ['name']],
		['Name', 'C0001', ['name']],
		['E-Mail', 'see file', ['e-mail']],
		['email', 'see file', ['e-mail']],
		['Email address', 'see file', ['e-mail']],
		['Phone', 'see file', ['phone']],
		['Mobile', 'see file', ['phone']],
		['Tel.', 'see file', ['phone']],
		['telephone_number', 'see file', ['phone']],
		['Fax', 'see file', ['phone']],
		['Address', 'see file', ['address']],
		['Street', 'see file', ['address']],
		['Postcode', 'SW1A 1AA', ['address']],
		['ZIP', '90210', ['address']],
		['City', 'New York', ['address']],
		['Date of birth', '04.03.1980', ['birth date']],
		['DOB', '1980-03-04', ['birth date']],
		['birth_date', '1980-03-04', ['birth date']],
		['Birthday', '4 March', ['birth date']],
		['SSN', 'on file', ['record number']],
		['Social security no', 'on file', ['record number']],
		['NHS number', 'on file', ['record number']],
		['MRN', 'on file', ['record number']],
		['Medical record number', 'on file', ['record number']],
		['Insurance number', 'on file', ['record number']]
	])("header '%s'", (header, value, kinds) => {
		expect(findIdentifiers(...table(ids, [header, [value]]))).toEqual([{ column: 1, header, kinds, evidence: [`header '${header}'`] }]);
	});
});

describe('findIdentifiers: by values', () => {
	it.each<[string, Column, Omit<IdentifierFinding, 'column' | 'header'>]>([
		[
			'e-mail addresses, missing values not counted',
			['contact', ['anna@example.org', 'NA', 'ben.k@mail.example.co.uk', '']],
			{ kinds: ['e-mail'], evidence: ['2 of 2 values look like e-mail addresses'] }
		],
		[
			'phone numbers in four styles',
			['contact', ['+44 7700 900123', '(555) 123-4567', '555-123-4567', '030-1234567', '07700900123']],
			{ kinds: ['phone'], evidence: ['5 of 5 values look like phone numbers'] }
		],
		[
			'German phone with trunk prefix',
			['contact', ['+49 (0)30 1234567', 'n/a']],
			{ kinds: ['phone'], evidence: ['1 of 1 values look like phone numbers'] }
		],
		[
			'street addresses',
			['where', ['12 High Street', '221B Baker St', 'Hauptstraße 5']],
			{ kinds: ['address'], evidence: ['3 of 3 values look like street addresses'] }
		],
		[
			'person names in the client column',
			['client', ['Anna Berg', 'Anna Berg', 'Tom Hill', "Siobhan O'Brien", 'Maria de Souza', 'Smith, John']],
			{ kinds: ['name'], evidence: ['6 of 6 values look like person names'] }
		],
		[
			'a social security number',
			['ref', ['123-45-6789', 'R2']],
			{ kinds: ['record number'], evidence: ['1 of 2 values look like social security numbers'] }
		],
		[
			'a phone number in a notes field',
			['Notes', ['Prefers mornings', 'Call back on 07700 900123 after 5', 'Felt better']],
			{ kinds: ['phone', 'free text'], evidence: ["header 'Notes' (free text)", '1 of 3 values contain a phone number'] }
		],
		[
			'an e-mail and a phone number in remarks',
			['remarks', ['wrote from anna@example.org', 'mobile: +44 7700 900123', '']],
			{
				kinds: ['e-mail', 'phone', 'free text'],
				evidence: ["header 'remarks' (free text)", '1 of 2 values contain an e-mail address', '1 of 2 values contain a phone number']
			}
		],
		[
			'an address in a free-text column without a notes header',
			['history', ['moved to 12 High Street last year', 'no change']],
			{ kinds: ['address', 'free text'], evidence: ['1 of 2 values contain a street address'] }
		],
		[
			'header and values agree',
			['E-mail', ['anna@example.org', 'tom@example.org']],
			{ kinds: ['e-mail'], evidence: ["header 'E-mail'", '2 of 2 values look like e-mail addresses'] }
		]
	])('%s', (_, column, expected) => {
		expect(findIdentifiers(...table(ids, column))).toEqual([{ column: 1, header: column[0], ...expected }]);
	});
});

describe('findIdentifiers: no findings', () => {
	it.each<[string, Column]>([
		['pseudonymous client codes', ['client', ['C0001', '17', 'P-0042', 'p-17']]],
		['numeric participant ids', ['participant', ['1000234', '1000235', '0001234', '01234567', '012345678']]],
		['therapist names', ['therapist', ['Anna Berg', 'Tom Hill', 'Elena Rossi']]],
		['therapist name header', ['Therapist name', ['Anna Berg']]],
		['therapist e-mail', ['Therapist email', ['anna@clinic.example']]],
		['clinic names and phone', ['Clinic', ['Harbour Street', 'Riverside Physio', 'North Studio']]],
		['clinic address', ['clinic_address', ['12 High Street']]],
		['techniques', ['Technique', ['Positional Release', 'PNF Stretching', 'Palpation Release', 'Deep Tissue Massage']]],
		['conditions', ['condition', ['Lower Back Pain', 'Carpal Tunnel', 'Plantar Fasciitis', 'Tension Headache']]],
		['capitalised categories under a neutral header', ['hatype', ['No Aura', 'No Aura', 'Mixed', 'Aura']]],
		['pain scores', ['Pain before', ['6', '7.5', '0', '10']]],
		['decimals with many digits', ['bpi_interference', ['2.14285714285714', '0.428571428571429', '0.0123456789']]],
		['range of motion', ['Hip flexion after (°)', ['105', '98,5', '110']]],
		['session dates', ['date', ['2025-03-04', '2025-03-18']]],
		['session dates, day first', ['Session date', ['04.03.2025', '04-03-2025', '4/3/2025 10:30']]],
		['Unix timestamps', ['created', ['1741082400', '1741168800']]],
		['year of birth', ['Year of birth', ['1980', '1975']]],
		['DOB holding only years', ['DOB', ['1980', '1975', 'NA']]],
		[
			'notes without identifiers',
			['Notes', ['Felt better after PNF', 'Pain 6 -> 4, ROM +10 deg, 3 of 6 sessions', 'Next: 2025-03-18 10:30']]
		],
		['single first names', ['client', ['Anna', 'Tom', 'Maria']]],
		['rownames', ['rownames', ['1', '2', '3']]]
	])('%s', (_, column) => {
		expect(findIdentifiers(...table(ids, column))).toEqual([]);
	});

	// Header and first rows of anonymised datasets in /work/shared/datasets/real (the full files give no findings either).
	it.each<[string, string]>([
		[
			'Ashar2022_outcomes_demographics.csv',
			`id,time,group,pain_avg,bpi_intensity,bpi_interference,odi,promis_dep,promis_anger,promis_anxiety,promis_sleep,panas_pa,panas_na,pcs,tsk11,sopa_emo,pgic,tx_satisfaction,alcohol,opioid,cannabis,education,ethnicity,hispanic,employment_status,exercise,handedness,sses,married_or_living_as_marri,age,weight,gender,current_opioid_use,backpain_length,is_patient
12,1,3,2,2.5,1,12,20,13,24,17,11,14,13,17,8,NaN,NaN,0,0,2,2,4,0,1,3,1,4,0,21,115,1,<undefined>,3,1
12,2,3,3,2.75,2.14285714285714,12,22,18,28,25,10,16,11,22,8,1,52,0,0,0,2,4,0,1,3,1,4,0,21,115,1,<undefined>,3,1
23,1,2,3,2.5,1.57142857142857,10,17,9,17,30,19,10,3,20,8,NaN,NaN,29,0,0.015,3,2,0,1,5,1,6,0,25,105,2,2,1.5,1
24,2,1,1,0.5,0.857142857142857,2,11,8,16,15,20,15,12,21,9,6,81.5,4,0,17.5,3,4,0,1,4,1,3,0,28,173,1,2,3,1
29,2,1,0,0.25,0.428571428571429,4,10,7,11,16,18,9,3,12,9,6,100,2,0,0,3,4,0,2,5,1,7,0,23,130,2,<undefined>,3,1`
		],
		[
			'KosteckiDillon.csv',
			`rownames,id,time,dos,hatype,age,airq,medication,headache,sex
1,1,-11,753,Aura,30,9,continuing,yes,female
2,1,-10,754,Aura,30,7,continuing,yes,female
13,1,28,792,Aura,30,22,continuing,no,female
21,2,1,128,Aura,36,16,continuing,yes,female`
		]
	])('%s', (_, csv) => {
		const [header, ...rows] = csv.split('\n').map((line) => line.split(','));
		expect(findIdentifiers(header, rows)).toEqual([]);
	});
});

describe('findIdentifiers: several columns', () => {
	it('reports each identifying column once, in file order', () => {
		const [header, rows] = table(
			ids,
			['Nachname', ['Berg', 'Hill']],
			['therapist', ['Elena Rossi', 'Tom Hill']],
			['Telefon', ['030 1234567', '']],
			['pain_pre', ['6', '7']]
		);
		expect(findIdentifiers(header, rows)).toEqual([
			{ column: 1, header: 'Nachname', kinds: ['name'], evidence: ["header 'Nachname'"] },
			{ column: 3, header: 'Telefon', kinds: ['phone'], evidence: ["header 'Telefon'", '1 of 1 values look like phone numbers'] }
		]);
	});
});
