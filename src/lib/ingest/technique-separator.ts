/** Splits a techniques cell: "PNF; positional release", "SCS | TrP", "SCS + TrP", "PNF and SCS". */
export const TECHNIQUE_SEPARATOR = String.raw`(?i)\s*(?:;|\||\+)\s*|\s+and\s+`;
