/**
 * Import existing infrastructure code (CloudFormation, SAM, CDK's cdk.out, Terraform) into a
 * design. Pure TypeScript: no fs, no DOM; callers hand in the files' text.
 */
export * from './report.ts';
export {
  importCloudFormation,
  readParameterValues,
  ImportInputError,
  type CloudFormationImportOptions,
} from './cloudformation/index.ts';
export { importCdkOut } from './cloudformation/cdk.ts';
export { detectFormat } from './detect.ts';
export { importTerraform, parseTfvars } from './terraform/index.ts';
