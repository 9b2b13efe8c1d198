/**
 * AWS::EC2::Instance -> bastion, for an instance shaped like one: reached through Session Manager
 * (its instance profile's role has AmazonSSMManagedInstanceCore). Read: the instance type and the
 * root volume's size. Any other instance is kept (the catalog has no general-purpose instance).
 */
import { deep, list, num, obj, props, str, type Reader } from './values.ts';

const SSM_CORE = 'AmazonSSMManagedInstanceCore';

/** Whether an instance is a Session Manager host: `resource` resolves a Ref to the template's resource. */
export function isSessionManagerHost(
  instance: Record<string, unknown>,
  resource: (v: unknown) => { type: string; props: Record<string, unknown> } | undefined,
): boolean {
  const profile = resource(instance.IamInstanceProfile);
  if (profile?.type !== 'AWS::IAM::InstanceProfile') return false;
  return list(profile.props.Roles).some((r) => {
    const role = resource(r);
    return (
      role?.type === 'AWS::IAM::Role' && JSON.stringify(role.props.ManagedPolicyArns ?? []).includes(SSM_CORE)
    );
  });
}

export const bastion: Reader = (p, ctx) => {
  const root = obj(list(deep(ctx, p.BlockDeviceMappings)).map(obj)[0]);
  return props({
    instanceType: str(ctx, p.InstanceType) ?? 'm1.small',
    volumeSizeGb: num(ctx, obj(root.Ebs).VolumeSize),
  });
};
