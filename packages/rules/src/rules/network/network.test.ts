import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { networkCases } from './network.cases.ts';

describeRuleCases(networkCases);
