import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { messagingCases } from './messaging.cases.ts';

describeRuleCases(messagingCases);
