/**
 * Hard limits on a design document. They keep parsing, validation and generation fast and bounded
 * on hostile or accidental input (a 10 MB paste, a generated file with a million nodes), and they
 * are far above what a real architecture diagram holds.
 */

/** Largest design file accepted, in UTF-8 bytes; checked before JSON.parse. */
export const MAX_DESIGN_BYTES = 5 * 1024 * 1024;
/** Deepest nesting of JSON objects/arrays; deeper input is rejected before parsing recursively. */
export const MAX_NESTING_DEPTH = 64;

export const MAX_NODES = 2000;
export const MAX_CONNECTIONS = 5000;
/** Also enforced by the zod schema (`vpcs.max`); kept in sync by a test. */
export const MAX_VPCS = 5;
/** Also enforced by the zod schema (`environments.max`); kept in sync by a test. */
export const MAX_ENVIRONMENTS = 10;
export const MAX_TAGS = 200;
/** AWS allows 50 user tags per resource; a design with more parses, with a warning. */
export const AWS_MAX_TAGS_PER_RESOURCE = 50;
export const MAX_NOTES = 500;
export const MAX_ACCEPTED_RISKS = 1000;

/** Errors returned by one parse; the rest are summarised in a final entry. */
export const MAX_REPORTED_ERRORS = 50;
