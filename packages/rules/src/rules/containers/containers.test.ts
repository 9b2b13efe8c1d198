import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { containerCases } from './containers.cases.ts';

describeRuleCases(containerCases);
