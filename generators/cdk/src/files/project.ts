/** package.json, cdk.json, tsconfig.json and .gitignore of the generated app. */
import type { ResolvedGraph } from '@archgen/infra';
import type { AppNames } from '../naming.ts';
import { kebabCase } from '../naming.ts';

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

export function packageJson(graph: ResolvedGraph): string {
  return json({
    name: kebabCase(graph.design.slug) || 'archgen-app',
    version: '0.1.0',
    private: true,
    description: graph.design.name,
    bin: { app: 'bin/app.ts' },
    scripts: {
      build: 'tsc --noEmit -p .',
      synth: 'cdk synth',
      diff: 'cdk diff',
      deploy: 'cdk deploy',
    },
    dependencies: {
      'aws-cdk-lib': '^2.276.0',
      constructs: '^10.4.2',
      'cdk-nag': '^3.0.2',
    },
    devDependencies: {
      '@types/node': '^20.19.0',
      'aws-cdk': '^2.1148.1',
      tsx: '^4.23.15',
      typescript: '~5.9.3',
    },
  });
}

export function cdkJson(graph: ResolvedGraph): string {
  return json({
    app: 'npx tsx bin/app.ts',
    watch: { include: ['bin/**', 'lib/**'], exclude: ['cdk.out', 'node_modules'] },
    context: {
      // Per-environment values live in lib/config.ts (typed); context only lists and selects them.
      'archgen:environments': graph.environments,
      '@aws-cdk/core:checkSecretUsage': true,
      '@aws-cdk/aws-iam:minimizePolicies': true,
      '@aws-cdk/core:validateSnapshotRemovalPolicy': true,
      '@aws-cdk/aws-lambda:recognizeLayerVersion': true,
      '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
      '@aws-cdk/aws-ecs:arnFormatIncludesClusterName': true,
      '@aws-cdk/aws-rds:databaseProxyUniqueResourceName': true,
      '@aws-cdk/aws-cloudfront:defaultSecurityPolicyTLSv1.2_2021': true,
    },
  });
}

export function tsconfigJson(): string {
  return json({
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      moduleResolution: 'node',
      lib: ['ES2022'],
      types: ['node'],
      strict: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include: ['bin/**/*.ts', 'lib/**/*.ts'],
    exclude: ['node_modules', 'cdk.out'],
  });
}

export const GITIGNORE = 'node_modules/\ncdk.out/\n*.js\n*.d.ts\n';

export function stackFile(names: AppNames): string {
  return `${names.stackModule}.ts`;
}
