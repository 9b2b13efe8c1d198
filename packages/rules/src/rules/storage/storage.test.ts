import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { storageCases } from './storage.cases.ts';

describeRuleCases(storageCases);
