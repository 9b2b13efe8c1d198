import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { limitsCases } from './limits.cases.ts';

describeRuleCases(limitsCases);
