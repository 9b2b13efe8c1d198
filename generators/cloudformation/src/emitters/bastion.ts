/**
 * Bastion host: AWS::EC2::Instance in the first subnet of its tier, its image the latest Amazon
 * Linux 2023 through AWS's public SSM parameter (per environment, as the lowering named it), IMDSv2
 * only, an encrypted gp3 root volume, the lowering's security group (no ingress) and instance profile.
 */
import { BASTION_ROOT_DEVICE } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { ref } from '../template/intrinsics.ts';
import { instanceProfile } from './iam.ts';
import { imageIdParameter } from './common.ts';

export const bastionEmitter: ComponentEmitter = {
  references: { id: (id) => ref(id) },
  emit(bastion, ctx) {
    const id = bastion.names.logicalId;
    if (!bastion.placement) throw new Error(`bastion ${bastion.id} has no subnet placement`);
    const role = ctx.roleOf(bastion, 'instance');
    if (!role) throw new Error(`bastion ${bastion.id} has no instance role`);
    const profile = instanceProfile(role, ctx);
    const paths = ctx.perEnvironment(bastion, 'imageParameter');
    const image = imageIdParameter(
      ctx,
      bastion,
      Object.fromEntries(ctx.environments.map((env) => [env, String(paths[env])])),
    );
    ctx.template.addResource(id, {
      Type: 'AWS::EC2::Instance',
      Metadata: ctx.metadata(bastion.acknowledgements),
      Properties: {
        ImageId: ref(image),
        InstanceType: ctx.value(bastion, 'instanceType'),
        IamInstanceProfile: ref(profile),
        SubnetId: ctx.subnetIds(bastion.placement.vpcId, bastion.placement.tier)[0],
        SecurityGroupIds: ctx.securityGroupIds(bastion),
        Monitoring: true,
        MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 },
        BlockDeviceMappings: [
          {
            DeviceName: BASTION_ROOT_DEVICE,
            Ebs: {
              Encrypted: true,
              VolumeType: 'gp3',
              VolumeSize: ctx.value(bastion, 'volumeSizeGb'),
              DeleteOnTermination: true,
            },
          },
        ],
        Tags: ctx.tags(bastion.names.display),
      },
    });
  },
};
