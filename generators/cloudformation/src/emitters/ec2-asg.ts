/**
 * EC2 Auto Scaling group from a launch template: latest Amazon Linux 2023 AMI through an SSM
 * parameter, IMDSv2 only, encrypted gp3 root volume, instance profile for the lowering's role,
 * private subnets, optional Spot capacity, and ALB target groups from the design's routes.
 */
import { ASG_SPOT_DISTRIBUTION, isGraviton } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref, type TemplateValue } from '../template/intrinsics.ts';
import { albListenersFor, targetGroupId } from './relationships.ts';
import { instanceProfile } from './iam.ts';
import { imageIdParameter } from './common.ts';

export const ec2AsgEmitter: ComponentEmitter = {
  references: {
    name: (id) => ref(id),
    arn: (id) => ref(id),
  },
  emit(group, ctx) {
    const id = group.names.logicalId;
    if (!group.placement) throw new Error(`Auto Scaling group ${group.id} has no subnet placement`);
    const role = ctx.roleOf(group, 'instance');
    if (!role) throw new Error(`Auto Scaling group ${group.id} has no instance role`);
    const profile = instanceProfile(role, ctx);
    const amiPath = (type: unknown) =>
      `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${isGraviton(String(type)) ? 'arm64' : 'x86_64'}`;
    const types = ctx.perEnvironment(group, 'instanceType');
    // Each environment's instance type picks the matching architecture.
    const image = imageIdParameter(
      ctx,
      group,
      Object.fromEntries(ctx.environments.map((env) => [env, amiPath(types[env])])),
    );

    const template = ctx.template.addResource(`${id}LaunchTemplate`, {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          ImageId: ref(image),
          InstanceType: ctx.value(group, 'instanceType'),
          IamInstanceProfile: { Arn: getAtt(profile, 'Arn') },
          SecurityGroupIds: ctx.securityGroupIds(group),
          MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 },
          BlockDeviceMappings: [
            {
              DeviceName: '/dev/xvda',
              Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 20, DeleteOnTermination: true },
            },
          ],
          Monitoring: { Enabled: true },
          TagSpecifications: [
            { ResourceType: 'instance', Tags: ctx.tags(group.names.display) },
            { ResourceType: 'volume', Tags: ctx.tags(group.names.display) },
          ],
        },
      },
    });
    const launchTemplate = {
      LaunchTemplateId: ref(template),
      Version: getAtt(template, 'LatestVersionNumber'),
    };
    const spot = ctx.flag(group, 'useSpot');
    const routes = ctx.graph.routes.filter((r) => r.kind === 'alb-target' && r.targetId === group.id);
    const listeners = routes.flatMap((route) => albListenersFor(ctx.component(route.frontDoorId), ctx));
    const tags: TemplateValue[] = (
      ctx.tags(group.names.display) as { Key: string; Value: TemplateValue }[]
    ).map((tag) => ({
      ...tag,
      PropagateAtLaunch: false,
    }));
    ctx.template.addResource(id, {
      Type: 'AWS::AutoScaling::AutoScalingGroup',
      DependsOn: listeners.length > 0 ? [...new Set(listeners)] : undefined,
      Metadata: ctx.metadata(group.acknowledgements),
      Properties: {
        MinSize: ctx.value(group, 'minSize', (n) => String(n)),
        MaxSize: ctx.value(group, 'maxSize', (n) => String(n)),
        DesiredCapacity: ctx.value(group, 'desiredCapacity', (n) => String(n)),
        VPCZoneIdentifier: ctx.subnetIds(group.placement.vpcId, group.placement.tier),
        LaunchTemplate: ctx.choose(spot, undefined, launchTemplate),
        // Spot where the environment asks for it, distributed as the lowering decided.
        MixedInstancesPolicy: ctx.choose(
          spot,
          {
            InstancesDistribution: {
              OnDemandBaseCapacity: ASG_SPOT_DISTRIBUTION.onDemandBaseCapacity,
              OnDemandPercentageAboveBaseCapacity: ASG_SPOT_DISTRIBUTION.onDemandPercentageAboveBaseCapacity,
              SpotAllocationStrategy: ASG_SPOT_DISTRIBUTION.spotAllocationStrategy,
            },
            LaunchTemplate: { LaunchTemplateSpecification: launchTemplate },
          },
          undefined,
        ),
        TargetGroupARNs:
          routes.length > 0 ? routes.map((route) => ref(targetGroupId(ctx, route))) : undefined,
        HealthCheckType: routes.length > 0 ? 'ELB' : 'EC2',
        HealthCheckGracePeriod: 120,
        Tags: tags,
      },
    });
  },
};
