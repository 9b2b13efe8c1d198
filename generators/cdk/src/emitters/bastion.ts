/**
 * Bastion host: ec2.Instance in its tier's subnets, reached through Session Manager only. The
 * lowering's security group (no ingress), instance role (AmazonSSMManagedInstanceCore) and AMI
 * parameter (latest Amazon Linux 2023 for the instance type's architecture) are used as they are.
 */
import { BASTION_ROOT_DEVICE } from '@archgen/infra';
import type { ComponentEmitter } from './types.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, roleOf, securityGroupOf, subnetSelection, vpcOf } from './common.ts';

export const bastionEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: bastion host (Session Manager).`);
    const instance = ctx.declare(
      name,
      newExpr(
        ctx.api('ec2', 'Instance'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          vpc: vpcOf(ctx, component),
          vpcSubnets: subnetSelection(component),
          instanceType: newExpr(ctx.api('ec2', 'InstanceType'), ctx.value(component, 'instanceType')),
          machineImage: call(
            ctx.api('ec2', 'MachineImage.fromSsmParameter'),
            ctx.value(component, 'imageParameter'),
          ),
          securityGroup: securityGroupOf(ctx, component),
          role: roleOf(ctx, component, 'instance'),
          requireImdsv2: lit(true),
          detailedMonitoring: lit(true),
          blockDevices: arr([
            obj({
              deviceName: lit(BASTION_ROOT_DEVICE),
              volume: call(
                ctx.api('ec2', 'BlockDeviceVolume.ebs'),
                ctx.value(component, 'volumeSizeGb'),
                obj({ encrypted: lit(true), volumeType: ctx.api('ec2', 'EbsDeviceVolumeType.GP3') }),
              ),
            }),
          ]),
        }),
      ),
    );
    ctx.acknowledge(
      instance,
      'AwsSolutions-EC29',
      'A bastion holds no data: a replacement instance serves Session Manager as well, so termination protection would only block stack updates and deletes.',
    );
    acknowledgeDesignRisks(ctx, component, instance);
    ctx.register(component.id, {
      construct: instance,
      attributes: { id: member(instance, 'instanceId') },
      grantee: instance,
    });
  },
};
