/** The header a state-changing console call carries its session's CSRF token in. */
export const CSRF_HEADER_NAME = 'X-CSRF-Token';
