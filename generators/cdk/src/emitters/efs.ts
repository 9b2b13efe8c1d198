/**
 * EFS file system: efs.FileSystem (a mount target in each subnet of its tier, with its security
 * group), the modes, encryption, IA transition and backups the lowering decided (backups per
 * environment through the config), and one access point per resolved access point. Grants come
 * from the lowering's statements (the L2's grant methods lack the access point condition).
 */
import type { ComponentEmitter } from './types.ts';
import { call, lit, member, newExpr, obj } from '../ts/ast.ts';
import {
  acknowledgeDesignRisks,
  protectionPolicy,
  requireResolved,
  securityGroupOf,
  subnetSelection,
  vpcOf,
} from './common.ts';

const PERFORMANCE = { generalPurpose: 'GENERAL_PURPOSE', maxIO: 'MAX_IO' } as const;
const THROUGHPUT = { elastic: 'ELASTIC', bursting: 'BURSTING', provisioned: 'PROVISIONED' } as const;

export const efsEmitter: ComponentEmitter = {
  // The drawn key that encrypts it is declared first.
  dependencies: (component) => (component.fileSystem?.keyId ? [component.fileSystem.keyId] : []),
  emit(component, ctx) {
    const decided = requireResolved(component.fileSystem, component, 'file system');
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: EFS file system, a mount target in each AZ.`);
    const fileSystem = ctx.declare(
      name,
      newExpr(
        ctx.api('efs', 'FileSystem'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          vpc: vpcOf(ctx, component),
          vpcSubnets: subnetSelection(component),
          securityGroup: securityGroupOf(ctx, component),
          encrypted: lit(decided.encrypted),
          kmsKey: decided.keyId ? ctx.handle(decided.keyId).construct : undefined,
          performanceMode: ctx.api('efs', `PerformanceMode.${PERFORMANCE[decided.performanceMode]}`),
          throughputMode: ctx.api('efs', `ThroughputMode.${THROUGHPUT[decided.throughputMode]}`),
          provisionedThroughputPerSecond:
            decided.throughputMode === 'provisioned'
              ? call(
                  member(ctx.core('Size'), 'mebibytes'),
                  ctx.value(component, 'provisionedThroughputMibps'),
                )
              : undefined,
          lifecyclePolicy: decided.transitionToIa
            ? ctx.api('efs', `LifecyclePolicy.${decided.transitionToIa}`)
            : undefined,
          enableAutomaticBackups: ctx.choose(component, 'backupStatus', (v) => lit(v === 'ENABLED')),
          removalPolicy: protectionPolicy(ctx, component),
        }),
      ),
    );
    const accessPoints = decided.accessPoints.map((ap, i) =>
      ctx.declare(
        `${name}AccessPoint${i + 1}`,
        call(
          member(fileSystem, 'addAccessPoint'),
          lit(`AccessPoint${i + 1}`),
          obj({
            path: lit(ap.path),
            createAcl: obj({
              ownerUid: lit(String(ap.uid)),
              ownerGid: lit(String(ap.gid)),
              permissions: lit(ap.permissions),
            }),
            posixUser: obj({ uid: lit(String(ap.uid)), gid: lit(String(ap.gid)) }),
          }),
        ),
      ),
    );
    acknowledgeDesignRisks(ctx, component, fileSystem);
    ctx.register(component.id, {
      construct: fileSystem,
      attributes: {
        arn: member(fileSystem, 'fileSystemArn'),
        id: member(fileSystem, 'fileSystemId'),
      },
      parts: { accessPointArn: accessPoints.map((ap) => member(ap, 'accessPointArn')) },
      extras: {
        mountTargets: member(fileSystem, 'mountTargetsAvailable'),
        ...Object.fromEntries(accessPoints.map((ap, i) => [`accessPoint${i}`, ap])),
      },
    });
  },
};
