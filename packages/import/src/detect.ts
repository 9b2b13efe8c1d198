import type { SourceFile, SourceFormat } from './report.ts';

/**
 * Which reader fits the files: a cloud assembly (manifest.json or tree.json with
 * *.template.json), Terraform (.tf), a SAM template (Transform AWS::Serverless-2016-10-31),
 * a CloudFormation template. Undefined when none does.
 */
export function detectFormat(files: readonly SourceFile[]): SourceFormat | undefined {
  const names = files.map((f) => f.path.split('/').pop()!);
  if (
    names.some((n) => n.endsWith('.template.json')) &&
    names.some((n) => n === 'manifest.json' || n === 'tree.json')
  )
    return 'cdk';
  if (names.some((n) => n.endsWith('.tf') || n.endsWith('.tf.json'))) return 'terraform';
  const templates = files.filter(
    (f) => /\.(ya?ml|json|template)$/i.test(f.path) && !/(^|\/)parameters\//.test(f.path),
  );
  for (const f of templates) {
    if (!/(^|\n)\s*["']?Resources["']?\s*:/.test(f.text)) continue;
    return /AWS::Serverless-2016-10-31/.test(f.text) ? 'sam' : 'cloudformation';
  }
  if (names.some((n) => n.endsWith('.template.json'))) return 'cdk';
  return undefined;
}
