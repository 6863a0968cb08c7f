/** Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = {
	orange: '#E69F00',
	skyBlue: '#56B4E9',
	bluishGreen: '#009E73',
	yellow: '#F0E442',
	blue: '#0072B2',
	vermillion: '#D55E00',
	reddishPurple: '#CC79A7',
	black: '#000000'
} as const;
