/**
 * Lambda functions: pinned runtimes, placeholder code until the real one is deployed; an image
 * function (the lowering's containerImage) is a DockerImageFunction running the repository's
 * image at the decided tag, without runtime or handler.
 */
import type { ResolvedComponent } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, asType, assign, call, comment, lit, member, newExpr, obj } from '../ts/ast.ts';
import {
  acknowledgeDesignRisks,
  logGroupFor,
  roleOf,
  securityGroupOf,
  subnetSelection,
  vpcOf,
} from './common.ts';
import { plainText } from '../naming.ts';

const RUNTIMES: Record<
  string,
  { constant: string; family: 'node' | 'python' | 'java'; deprecated?: boolean }
> = {
  'nodejs22.x': { constant: 'NODEJS_22_X', family: 'node' },
  'nodejs20.x': { constant: 'NODEJS_20_X', family: 'node' },
  'nodejs16.x': { constant: 'NODEJS_16_X', family: 'node', deprecated: true },
  'python3.13': { constant: 'PYTHON_3_13', family: 'python' },
  'python3.12': { constant: 'PYTHON_3_12', family: 'python' },
  'python3.8': { constant: 'PYTHON_3_8', family: 'python', deprecated: true },
  java21: { constant: 'JAVA_21', family: 'java' },
};

const PLACEHOLDER_CODE = {
  node: 'exports.handler = async (event) => {\n  console.log(JSON.stringify({ message: "event received", event }));\n  return { statusCode: 200, body: "ok" };\n};\n',
  python:
    'import json\n\ndef handler(event, context):\n    print(json.dumps({"message": "event received", "event": event}))\n    return {"statusCode": 200, "body": "ok"}\n',
};

function lambdaCode(
  ctx: StackContext,
  component: ResolvedComponent,
  family: 'node' | 'python' | 'java',
): Expr {
  if (family === 'java') {
    ctx.add(
      comment(
        'Java has no inline code: upload the build to this artifacts bucket (placeholder key) before deploying.',
      ),
    );
    return call(
      ctx.api('lambda', 'Code.fromBucketV2'),
      call(
        ctx.api('s3', 'Bucket.fromBucketName'),
        ctx.scope,
        lit(`${component.names.logicalId}Artifacts`),
        lit(`${ctx.graph.design.slug}-artifacts`.slice(0, 63)),
      ),
      lit(`${component.names.slug}.jar`),
    );
  }
  return call(ctx.api('lambda', 'Code.fromInline'), lit(PLACEHOLDER_CODE[family]));
}

export const lambdaEmitter: ComponentEmitter = {
  // The function's DLQ, the file system it mounts and the repository it runs its image from must
  // exist first; none refers back to it.
  dependencies: (component) => [
    ...(component.functionDeadLetterQueueId ? [component.functionDeadLetterQueueId] : []),
    ...(component.containerImage ? [component.containerImage.repositoryId] : []),
    ...(component.fileSystemMounts ?? []).map((m) => m.fileSystemId),
  ],
  emit(component, ctx) {
    const runtimeName = ctx.str(component, 'runtime');
    const runtime = RUNTIMES[runtimeName] ?? RUNTIMES['nodejs22.x']!;
    const image = component.containerImage;
    ctx.section(
      `${component.names.logicalId}: Lambda function (${image ? 'container image' : runtimeName}).`,
    );
    const logGroup = logGroupFor(ctx, component);
    const role = roleOf(ctx, component, 'function');
    const vpcAttached = component.placement !== null;
    const sg = securityGroupOf(ctx, component);
    const reserved = ctx
      .values(component, 'reservedConcurrency')
      .some((v) => typeof v === 'number' && v >= 0);
    const dlq = component.functionDeadLetterQueueId
      ? ctx.handle(component.functionDeadLetterQueueId).construct
      : undefined;
    if (!image)
      ctx.add(
        comment(
          'Placeholder handler so `cdk synth` needs no asset build: replace with lambda.Code.fromAsset(<build dir>).',
        ),
      );
    // fromEcr adds the repository policy statement the lowering decided (Lambda pulls as itself).
    const code = image
      ? call(
          ctx.api('lambda', 'DockerImageCode.fromEcr'),
          ctx.handle(image.repositoryId).construct,
          obj({ tagOrDigest: lit(image.tag) }),
        )
      : lambdaCode(ctx, component, runtime.family);
    // Others refer to this function by name (two functions that invoke each other): the name is
    // set up front so their references need not wait for the function (no dependency cycle).
    const functionName = component.namedUpFront
      ? ctx.declare(
          `${ctx.variableName(component)}Name`,
          call(member(ctx.physicalName(component), 'slice'), lit(0), lit(64)),
        )
      : undefined;
    const fn = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('lambda', image ? 'DockerImageFunction' : 'Function'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          functionName,
          description: lit(plainText(component.names.display, 256)),
          runtime: image
            ? undefined
            : ctx.choose(component, 'runtime', (v) =>
                ctx.api('lambda', `Runtime.${(RUNTIMES[String(v)] ?? runtime).constant}`),
              ),
          architecture: ctx.choose(component, 'architecture', (v) =>
            ctx.api('lambda', v === 'x86_64' ? 'Architecture.X86_64' : 'Architecture.ARM_64'),
          ),
          // Inline code is always the file "index"; the design's handler applies once real code is deployed.
          handler: image
            ? undefined
            : runtime.family === 'java'
              ? ctx.value(component, 'handler')
              : lit('index.handler'),
          code,
          memorySize: ctx.value(component, 'memorySize'),
          timeout: ctx.duration('seconds', ctx.value(component, 'timeoutSeconds')),
          reservedConcurrentExecutions: reserved
            ? ctx.choose(component, 'reservedConcurrency', (v) =>
                typeof v === 'number' && v >= 0 ? lit(v) : lit(undefined),
              )
            : undefined,
          tracing: ctx.choose(component, 'tracing', (v) =>
            ctx.api('lambda', v === true ? 'Tracing.ACTIVE' : 'Tracing.DISABLED'),
          ),
          loggingFormat: ctx.choose(component, 'structuredLogging', (v) =>
            ctx.api('lambda', v === false ? 'LoggingFormat.TEXT' : 'LoggingFormat.JSON'),
          ),
          logGroup,
          role,
          vpc: vpcAttached ? vpcOf(ctx, component) : undefined,
          vpcSubnets: vpcAttached ? subnetSelection(component) : undefined,
          securityGroups: vpcAttached && sg ? arr([sg]) : undefined,
          allowAllOutbound: vpcAttached && !sg ? lit(false) : undefined,
          deadLetterQueue: dlq,
        }),
      ),
    );
    // The file system it mounts (efs.ts), set on the L1: lambda.FileSystem.fromEfsAccessPoint would
    // add its own grants (ClientWrite even for a read-only mount, ClientMount on "*") and rules
    // beside the lowering's.
    const mount = component.fileSystemMounts?.[0];
    if (mount) {
      const fileSystem = ctx.handle(mount.fileSystemId);
      const cfnFunction = ctx.declare(
        `${ctx.variableName(component)}Cfn`,
        asType(member(member(fn, 'node'), 'defaultChild'), ctx.typeOf('lambda', 'CfnFunction')),
      );
      ctx.add(
        assign(
          member(cfnFunction, 'fileSystemConfigs'),
          arr([
            obj({
              arn: member(fileSystem.extras![`accessPoint${mount.accessPoint}`]!, 'accessPointArn'),
              localMountPath: lit(mount.mountPath),
            }),
          ]),
        ),
      );
      ctx.expr(call(member(member(fn, 'node'), 'addDependency'), fileSystem.extras!.mountTargets!));
    }
    // An image function has no runtime for cdk-nag's L1 to judge.
    if (!image && !runtime.deprecated)
      ctx.acknowledge(
        fn,
        'AwsSolutions-L1',
        `Runtime ${runtimeName} is pinned in the design (a supported, non-deprecated runtime; archgen LAM-03).`,
      );
    acknowledgeDesignRisks(ctx, component, fn);
    ctx.register(component.id, {
      construct: fn,
      attributes: { arn: member(fn, 'functionArn'), name: member(fn, 'functionName') },
      byName: functionName && {
        name: functionName,
        arn: call(
          member(ctx.scope, 'formatArn'),
          obj({
            service: lit('lambda'),
            resource: lit('function'),
            resourceName: functionName,
            arnFormat: member(ctx.core('ArnFormat'), 'COLON_RESOURCE_NAME'),
          }),
        ),
      },
      grantee: fn,
      environmentTarget: fn,
    });
  },
};
