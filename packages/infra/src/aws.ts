/**
 * AWS facts the three generators must agree on, kept here so no emitter imports another's
 * constant or restates it: the REST API stage every target deploys (and CloudFront's origin path
 * to it), and which instance types are Graviton (arm64 AMIs and node groups).
 */

/** The one stage of a REST API; a distribution in front of the API requests `/<stage>/...`. */
export const REST_API_STAGE = 'api';

/** Graviton instance families have a "g" after the generation digit: t4g, m7g, c7gn, r8g. */
export function isGraviton(instanceType: string): boolean {
  return /^[a-z]+\d+g[a-z]*\./.test(instanceType);
}

/**
 * Regions older than August 2022 deliver ALB access logs from an ELB account in that region,
 * newer ones through the log-delivery service principal (Elastic Load Balancing user guide,
 * "Enable access logs for your Application Load Balancer").
 */
const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021',
  'us-east-2': '033677994240',
  'us-west-1': '027434742980',
  'us-west-2': '797873946194',
  'af-south-1': '098369216593',
  'ap-east-1': '754344448648',
  'ap-southeast-3': '589379963580',
  'ap-south-1': '718504428378',
  'ap-northeast-3': '383597477331',
  'ap-northeast-2': '600734575887',
  'ap-southeast-1': '114774131450',
  'ap-southeast-2': '783225319266',
  'ap-northeast-1': '582318560864',
  'ca-central-1': '985666609251',
  'eu-central-1': '054676820928',
  'eu-west-1': '156460612806',
  'eu-west-2': '652711504416',
  'eu-south-1': '635631232127',
  'eu-west-3': '009996457667',
  'eu-north-1': '897822967062',
  'me-south-1': '076674570225',
  'sa-east-1': '507241528517',
};

/** Who delivers a load balancer's access logs in `region`. */
export function albLogDeliveryIn(region: string): { account: string } | { service: string } {
  const account = ELB_LOG_ACCOUNTS[region];
  return account ? { account } : { service: 'logdelivery.elasticloadbalancing.amazonaws.com' };
}
