import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { albCases } from './alb.cases.ts';

describeRuleCases(albCases);
