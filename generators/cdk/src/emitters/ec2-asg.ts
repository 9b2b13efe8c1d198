/** EC2 Auto Scaling groups. */
import { ASG_SPOT_DISTRIBUTION, isGraviton, type ResolvedGraph } from '@archgen/infra';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, cond, eq, lit, member, newExpr, obj } from '../ts/ast.ts';
import { onlyWhere } from '../context.ts';
import { acknowledgeDesignRisks, kmsKey, roleOf, securityGroupOf, subnetSelection, vpcOf } from './common.ts';

/** The stack's alarm topic (from the lowering's alarms), which also receives scaling notifications. */
function notificationTopicId(graph: ResolvedGraph): string | undefined {
  return graph.alarms[0]?.topicId;
}

export const ec2AsgEmitter: ComponentEmitter = {
  dependencies: (_component, graph) => {
    const topic = notificationTopicId(graph);
    return topic ? [topic] : [];
  },
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: EC2 Auto Scaling group.`);
    const typeValue = ctx.value(component, 'instanceType');
    let instanceType = newExpr(ctx.api('ec2', 'InstanceType'), typeValue);
    let cpuType: Expr;
    if (typeValue.kind === 'literal')
      cpuType = ctx.api(
        'ec2',
        isGraviton(String(typeValue.value)) ? 'AmazonLinuxCpuType.ARM_64' : 'AmazonLinuxCpuType.X86_64',
      );
    else {
      // The instance type comes from config: its architecture picks the AMI, so any type set there works.
      instanceType = ctx.declare(`${name}InstanceType`, instanceType);
      cpuType = cond(
        eq(member(instanceType, 'architecture'), ctx.api('ec2', 'InstanceArchitecture.ARM_64')),
        ctx.api('ec2', 'AmazonLinuxCpuType.ARM_64'),
        ctx.api('ec2', 'AmazonLinuxCpuType.X86_64'),
      );
    }
    const sg = securityGroupOf(ctx, component);
    const role = roleOf(ctx, component, 'instance');
    const launchTemplate = ctx.declare(
      `${name}LaunchTemplate`,
      newExpr(
        ctx.api('ec2', 'LaunchTemplate'),
        ctx.scope,
        lit(`${component.names.logicalId}LaunchTemplate`),
        obj({
          instanceType,
          machineImage: call(ctx.api('ec2', 'MachineImage.latestAmazonLinux2023'), obj({ cpuType })),
          securityGroup: sg,
          role,
          requireImdsv2: lit(true),
          detailedMonitoring: lit(true),
          blockDevices: arr([
            obj({
              deviceName: lit('/dev/xvda'),
              volume: call(
                ctx.api('ec2', 'BlockDeviceVolume.ebs'),
                lit(20),
                obj({ encrypted: lit(true), volumeType: ctx.api('ec2', 'EbsDeviceVolumeType.GP3') }),
              ),
            }),
          ]),
        }),
      ),
    );
    // Spot (a mixed-instances policy) where the environment's config says so.
    const spot = ctx.flag(component, 'useSpot');
    const topicId = notificationTopicId(ctx.graph);
    const topic = topicId
      ? ctx.handle(topicId).construct
      : ctx.declare(
          `${name}Notifications`,
          newExpr(
            ctx.api('sns', 'Topic'),
            ctx.scope,
            lit(`${component.names.logicalId}Notifications`),
            obj({ enforceSSL: lit(true), masterKey: kmsKey(ctx, component, 'Scaling notifications key') }),
          ),
        );
    const asg = ctx.declare(
      name,
      newExpr(
        ctx.api('autoscaling', 'AutoScalingGroup'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          vpc: vpcOf(ctx, component),
          vpcSubnets: subnetSelection(component),
          launchTemplate: spot
            ? spot.test
              ? cond(spot.test, lit(undefined), launchTemplate)
              : undefined
            : launchTemplate,
          mixedInstancesPolicy: spot
            ? onlyWhere(
                spot.test,
                obj({
                  launchTemplate,
                  instancesDistribution: obj({
                    onDemandBaseCapacity: lit(ASG_SPOT_DISTRIBUTION.onDemandBaseCapacity),
                    onDemandPercentageAboveBaseCapacity: lit(
                      ASG_SPOT_DISTRIBUTION.onDemandPercentageAboveBaseCapacity,
                    ),
                    // "price-capacity-optimized" -> SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED
                    spotAllocationStrategy: ctx.api(
                      'autoscaling',
                      `SpotAllocationStrategy.${ASG_SPOT_DISTRIBUTION.spotAllocationStrategy.toUpperCase().replace(/-/g, '_')}`,
                    ),
                  }),
                }),
              )
            : undefined,
          minCapacity: ctx.value(component, 'minSize'),
          // The starting size the design asks for (CDK warns that a deploy resets it; TF and CFN do too).
          desiredCapacity: ctx.value(component, 'desiredCapacity'),
          maxCapacity: ctx.value(component, 'maxSize'),
          notifications: arr([obj({ topic, scalingEvents: ctx.api('autoscaling', 'ScalingEvents.ALL') })]),
          healthChecks: call(
            ctx.api('autoscaling', 'HealthChecks.withAdditionalChecks'),
            obj({
              additionalTypes: arr([ctx.api('autoscaling', 'AdditionalHealthCheckType.ELB')]),
              gracePeriod: ctx.duration('minutes', lit(5)),
            }),
          ),
        }),
      ),
    );
    if (spot)
      ctx.when(spot.test, () =>
        ctx.acknowledge(
          asg,
          'AwsSolutions-EC26',
          'The launch template encrypts every volume; cdk-nag cannot follow a mixed-instances policy to it.',
        ),
      );
    acknowledgeDesignRisks(ctx, component, asg);
    ctx.register(component.id, {
      construct: asg,
      attributes: { name: member(asg, 'autoScalingGroupName'), arn: member(asg, 'autoScalingGroupArn') },
      grantee: asg,
    });
  },
};
