import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { securityCases } from './security.cases.ts';

describeRuleCases(securityCases);
