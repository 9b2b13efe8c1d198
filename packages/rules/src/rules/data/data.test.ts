import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { dataCases } from './data.cases.ts';

describeRuleCases(dataCases);
