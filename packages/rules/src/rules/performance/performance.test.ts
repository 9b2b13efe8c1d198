import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { performanceCases } from './performance.cases.ts';

describeRuleCases(performanceCases);
