/**
 * AWS facts the three generators must agree on, kept here so no emitter imports another's
 * constant or restates it: the REST API stage every target deploys (and CloudFront's origin path
 * to it), and which instance types are Graviton (arm64 AMIs and node groups).
 */

/** The one stage of a REST API; a distribution in front of the API requests `/<stage>/...`. */
export const REST_API_STAGE = 'api';

/** Graviton instance families have a "g" after the generation digit: t4g, m7g, c7gn, r8g. */
export function isGraviton(instanceType: string): boolean {
  return /^[a-z]+\d+g[a-z]*\./.test(instanceType);
}
