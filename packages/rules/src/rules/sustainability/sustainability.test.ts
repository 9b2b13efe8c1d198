import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { sustainabilityCases } from './sustainability.cases.ts';

describeRuleCases(sustainabilityCases);
