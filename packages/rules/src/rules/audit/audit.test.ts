import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { auditCases } from './audit.cases.ts';

describeRuleCases(auditCases);
