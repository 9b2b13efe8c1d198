import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { observabilityCases } from './observability.cases.ts';

describeRuleCases(observabilityCases);
