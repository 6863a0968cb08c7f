/** Groups with fewer clients than this are not shown (docs/domain.md: default 5). */
export const DEFAULT_MIN_CLIENTS = 5;
