/** bin/app.ts: one stack per environment, tags, and cdk-nag's AwsSolutions checks. */
import type { ResolvedGraph } from '@archgen/infra';
import { ENVIRONMENT_TAG_KEY, MANAGED_BY_TAG_KEY, MANAGED_BY_TAG_VALUE, compareIds } from '@archgen/infra';
import type { Stmt } from '../ts/ast.ts';
import {
  arrayType,
  asType,
  binary,
  blank,
  call,
  comment,
  constDecl,
  eq,
  exprStmt,
  forOf,
  id,
  ifStmt,
  importNamed,
  lit,
  member,
  newExpr,
  obj,
  ref,
  template,
  tuple,
  typeRef,
  union,
} from '../ts/ast.ts';
import type { AppNames } from '../naming.ts';
import { plainText, truncateUtf8 } from '../naming.ts';

export function buildApp(graph: ResolvedGraph, names: AppNames): Stmt[] {
  // The lowering already left out design tags that collide with ours (text.ts in @archgen/infra).
  const tagStatements = [
    ...Object.entries(graph.tags).sort(([a], [b]) => compareIds(a, b)),
    [MANAGED_BY_TAG_KEY, MANAGED_BY_TAG_VALUE],
  ].map(([key, value]) =>
    exprStmt(
      call(member(call(ref('Tags.of'), id('app')), 'add'), lit(plainText(key!)), lit(plainText(value!))),
    ),
  );
  const selected = id('selected');
  const createStack = [
    constDecl(
      'stack',
      newExpr(
        id(names.stackClass),
        id('app'),
        template(`${names.stackPrefix}-`, id('envName')),
        obj({
          stackName: template(`${names.stackPrefix}-`, id('envName')),
          // CloudFormation allows 1024 bytes; CDK itself refuses more than 512 characters.
          description: lit(truncateUtf8(plainText(graph.design.description || graph.design.name), 512)),
          env: obj({
            account: binary('??', member(id('config'), 'account'), ref('process.env.CDK_DEFAULT_ACCOUNT')),
            region: member(id('config'), 'region'),
          }),
          config: id('config'),
        }),
      ),
    ),
    exprStmt(call(member(call(ref('Tags.of'), id('stack')), 'add'), lit(ENVIRONMENT_TAG_KEY), id('envName'))),
  ];
  return [
    importNamed(['App', 'Tags', 'Validations'], 'aws-cdk-lib'),
    importNamed(['AwsSolutionsChecks'], 'cdk-nag'),
    importNamed(['environments'], '../lib/config'),
    importNamed(['EnvName', 'StackConfig'], '../lib/config', true),
    importNamed([names.stackClass], `../${names.stackModule}`),
    blank,
    constDecl('app', newExpr(id('App'))),
    blank,
    comment('`cdk deploy -c env=prod` synthesizes one environment; without it, all of them.'),
    constDecl(
      'selected',
      asType(
        call(ref('app.node.tryGetContext'), lit('env')),
        union([typeRef('string'), typeRef('undefined')]),
      ),
    ),
    forOf(
      '[envName, config]',
      asType(
        call(ref('Object.entries'), id('environments')),
        arrayType(tuple(typeRef('EnvName'), typeRef('StackConfig'))),
      ),
      [ifStmt(binary('||', eq(selected, lit(undefined)), eq(selected, id('envName'))), createStack)],
    ),
    blank,
    comment('Cost allocation tags from the design, on every resource.'),
    ...tagStatements,
    blank,
    comment('The same AwsSolutions checks the designer runs; accepted risks are acknowledged in the stack.'),
    exprStmt(
      call(
        member(call(ref('Validations.of'), id('app')), 'addPlugins'),
        newExpr(id('AwsSolutionsChecks'), id('app')),
      ),
    ),
  ];
}
