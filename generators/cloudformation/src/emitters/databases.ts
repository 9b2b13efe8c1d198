/** Shared by the relational and graph databases: subnet groups in the isolated tier. */
import type { ResolvedComponent } from '@archgen/infra';
import type { EmitContext } from '../context.ts';

export function dbSubnetGroup(
  database: ResolvedComponent,
  ctx: EmitContext,
  type: 'AWS::RDS::DBSubnetGroup' | 'AWS::Neptune::DBSubnetGroup',
): string {
  if (!database.placement) throw new Error(`${database.type} ${database.id} has no subnet placement`);
  return ctx.template.addResource(`${database.names.logicalId}SubnetGroup`, {
    Type: type,
    Properties: {
      DBSubnetGroupDescription: `Subnets of ${database.names.display}`.slice(0, 255),
      SubnetIds: ctx.subnetIds(database.placement.vpcId, database.placement.tier),
      Tags: ctx.tags(),
    },
  });
}
