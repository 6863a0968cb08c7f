/** What a session's clinic, therapist, technique or condition is called when the file does not say. */
export const NOT_RECORDED = 'Not recorded';
