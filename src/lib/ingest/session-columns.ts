/** Which column of a session file plays which role in the canonical model. Names are the file's headers. */
export interface MeasureColumns {
	/** Key into the measures table. */
	measure: string;
	before?: string;
	after?: string;
}

export interface SessionColumns {
	client: string;
	date?: string;
	/** Session number within a client's course; derived from dates when absent. */
	visit?: string;
	clinic?: string;
	therapist?: string;
	condition?: string;
	/** One cell may hold several, separated by ; | + or "and". */
	techniques?: string;
	duration?: string;
	measures: MeasureColumns[];
}
