import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { edgeCases } from './edge.cases.ts';

describeRuleCases(edgeCases);
