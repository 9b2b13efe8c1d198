/**
 * lib/logical-ids.ts of the generated app, written only when the design keeps logical ids from
 * imported code (`ResolvedNames.kept`). Static: the ids themselves are in the stack.
 */
export const LOGICAL_IDS_MODULE = './logical-ids';
export const KEEP_LOGICAL_ID = 'keepLogicalId';

export const LOGICAL_IDS_HELPER = `import { CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Pins the CloudFormation logical id of a construct's resource (an L1 resource itself, or an L2
 * construct's default child) to the id the imported stack used, so deploying over that stack
 * updates its resources instead of replacing them.
 */
export function ${KEEP_LOGICAL_ID}(construct: IConstruct, logicalId: string): void {
  const resource = construct instanceof CfnElement ? construct : construct.node.defaultChild;
  if (!(resource instanceof CfnElement))
    throw new Error(\`\${construct.node.path} has no CloudFormation resource to name \${logicalId}\`);
  resource.overrideLogicalId(logicalId);
}
`;
