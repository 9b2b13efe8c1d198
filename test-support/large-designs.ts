/**
 * The designs of issue 12 that exceed one CloudFormation stack: the 300-node dense design (every
 * service type, about 400 connections) and the benchmark generator's 500-node design. The
 * toolchain suites check that each target deploys them with no stack over CloudFormation's
 * quotas (500 resources, 1 MB per template).
 */
import type { Design } from '@archgen/model';
import { denseDesign } from '../bench/dense.ts';
import { syntheticDesign } from '../bench/synthetic.ts';

export const STACK_RESOURCE_QUOTA = 500;
/** CloudFormation's template size quota when uploaded through S3. */
export const TEMPLATE_BYTES_QUOTA = 1_000_000;

export function largeDesigns(): { name: string; design: Design }[] {
  return [
    { name: 'dense-300', design: denseDesign(300) },
    { name: 'synthetic-500', design: syntheticDesign(500) },
  ];
}
