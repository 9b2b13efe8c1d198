import { getService } from '@archgen/model';
import type { DesignNode, Properties } from '@archgen/model';
import { num, text } from '../../rule-kit.ts';

/** The ports a traffic connection into `node` may use, the preferred one first. */
export function listenerPorts(node: DesignNode, props: Properties): number[] {
  switch (node.type) {
    case 'alb':
      return [443, 80];
    case 'cloudfront':
    case 'api-gateway':
    case 'opensearch':
      return [443];
    case 'ecs-fargate':
      return [num(props, 'containerPort') ?? 8080];
    case 'ec2-asg':
      return [num(props, 'port') ?? 8080];
    case 'rds':
      return [num(props, 'port') ?? (text(props, 'engine') === 'mysql' ? 3306 : 5432)];
    case 'aurora':
      return [num(props, 'port') ?? (text(props, 'engine') === 'aurora-mysql' ? 3306 : 5432)];
    case 'elasticache':
      return [text(props, 'engine') === 'memcached' ? 11211 : 6379];
    case 'neptune':
      return [8182];
    default: {
      const port = getService(node.type)?.listener?.port;
      return port === undefined ? [] : [port];
    }
  }
}
