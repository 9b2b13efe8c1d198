import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { costCases } from './cost.cases.ts';

describeRuleCases(costCases);
