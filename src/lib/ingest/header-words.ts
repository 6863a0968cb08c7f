/** A header as words: "Hip flexion after (°)" → hip flexion after deg; "throatPain" → throat pain. */
export function headerWords(header: string): string[] {
	return header
		.replace(/°/g, ' deg ')
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}

const BEFORE = new Set(['pre', 'before', 'baseline', 'start', 'initial', 'prior', 'vor', 'entry', 't0']);
const AFTER = new Set(['post', 'after', 'end', 'final', 'nach', 'exit', 'followup', 'fu']);
const UNITS = new Set(['deg', 'degree', 'degrees', 'mm', 'cm', 'points', 'pts', 'score', 'pct', 'percent']);
/** Unit-like words that name the measure when nothing else does: "score_pre" is a score. */
const NAMING_UNITS = new Set(['score', 'points']);

export interface MeasurePhrase {
	/** The words naming the measure, timing and units removed. */
	words: string[];
	timing: 'before' | 'after' | null;
	unit: 'deg' | 'mm' | 'cm' | null;
}

export function measurePhrase(header: string): MeasurePhrase {
	const all = headerWords(header);
	let timing: MeasurePhrase['timing'] = null;
	let unit: MeasurePhrase['unit'] = null;
	const words: string[] = [];
	const naming: string[] = [];
	for (let i = 0; i < all.length; i++) {
		const w = all[i];
		// "follow up", "follow-up", "follow_up"
		if (w === 'follow' && all[i + 1] === 'up') {
			timing = 'after';
			i++;
		} else if (BEFORE.has(w)) timing = 'before';
		else if (AFTER.has(w)) timing = 'after';
		else if (UNITS.has(w)) {
			unit = w.startsWith('deg') ? 'deg' : w === 'mm' ? 'mm' : w === 'cm' ? 'cm' : unit;
			if (NAMING_UNITS.has(w)) naming.push(w);
		} else words.push(w);
	}
	return { words: words.length ? words : naming, timing, unit };
}

/** True when every word of `phrase` appears in `words`, in order. */
export function containsPhrase(words: string[], phrase: string): boolean {
	const wanted = phrase.split(' ');
	let i = 0;
	for (const w of words) if (w === wanted[i]) i++;
	return i === wanted.length;
}
