/** Canonical condition labels and the abbreviations and variants exports use (docs/domain.md). */
export const CONDITION_SYNONYMS: Record<string, string[]> = {
	'Lower back pain': ['lbp', 'low back pain', 'lower back', 'low back', 'lumbar pain', 'chronic low back pain'],
	'Upper back pain': ['ubp', 'upper back', 'thoracic pain', 'mid back pain'],
	'Neck pain': ['neck', 'cervical pain', 'cervicalgia'],
	Sciatica: ['sciatic pain', 'lumbar radiculopathy'],
	'Carpal tunnel': ['carpal tunnel syndrome', 'cts'],
	Cramps: ['cramp', 'muscle cramps', 'muscle cramp'],
	'Plantar fasciitis': ['plantar fascitis', 'plantar heel pain'],
	Tendonitis: ['tendinitis', 'tendinopathy', 'tendonitis/tendinopathy'],
	'Knee pain': ['knee'],
	'Jaw pain': ['tmj', 'tmd', 'jaw', 'temporomandibular pain'],
	'Hip pain': ['hip'],
	Headaches: ['headache', 'tension headache', 'tension-type headache', 'tension headaches'],
	'Shoulder pain': ['shoulder', 'frozen shoulder']
};

export const CONDITIONS = Object.keys(CONDITION_SYNONYMS);
