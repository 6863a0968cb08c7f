/** Groups with fewer clients than this are not shown (docs/domain.md: default 5). */
export const DEFAULT_MIN_CLIENTS = 5;

/** docs/domain.md frequency guidance: 2–4 sessions a month. */
export const FREQUENCY_BAND = { low: 2, high: 4 } as const;

export const NOT_RECORDED = 'Not recorded';
