import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { lambdaCases } from './lambda.cases.ts';

describeRuleCases(lambdaCases);
