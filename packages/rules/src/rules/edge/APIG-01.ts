import type { Rule } from '../../types.ts';
import { checkNodes, derivedId, newNode, outgoingOf, text } from '../../rule-kit.ts';

export const APIG_01: Rule = {
  id: 'APIG-01',
  title: 'APIs authorize every request',
  pillar: 'security',
  severity: 'high',
  equivalents: ['AwsSolutions-APIG4', 'CKV_AWS_59'],
  check: (ctx) =>
    checkNodes(ctx, APIG_01, ['api-gateway'], 'all', (node, props) => {
      const authorizer = text(props, 'authorizer');
      const userPool = outgoingOf(ctx, node.id, ['read'])
        .map((c) => ctx.nodesById.get(c.to))
        .find((n) => n?.type === 'cognito-user-pool');
      if (authorizer === 'none')
        return {
          code: 'none',
          message: `${node.name} lets anyone call it: no authorizer`,
          why: 'Without an authorizer every route is public, and the functions behind it must each check identity themselves.',
          fixTitle: userPool ? `Authorize with ${userPool.name}` : 'Require IAM (SigV4) authorization',
          set: { authorizer: userPool ? 'cognito' : 'iam' },
        };
      // A JWT authorizer takes the connected user pool as its issuer: without one the export
      // makes no authorizer, and the API is open.
      if ((authorizer === 'cognito' || authorizer === 'jwt') && !userPool)
        return {
          code: 'pool',
          message: `${node.name} uses a ${authorizer === 'jwt' ? 'JWT' : 'Cognito'} authorizer but is not connected to a user pool`,
          why:
            authorizer === 'jwt'
              ? 'The JWT authorizer trusts tokens from the connected user pool; without one no authorizer is made and every route is public.'
              : 'A Cognito authorizer validates tokens against one user pool; without it the API cannot be deployed.',
          fixTitle: 'Add a Cognito user pool',
          actions: [
            {
              kind: 'add-node',
              node: newNode('cognito-user-pool', derivedId('users', node.id), `${node.name} users`),
              connectFrom: node.id,
              connectionKind: 'read',
            },
          ],
        };
      return undefined;
    }),
};
