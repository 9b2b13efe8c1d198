import { describe, expect, it } from 'vitest';
import { eventPatternProblems, scheduleProblems } from './event-rules.ts';

describe('eventPatternProblems', () => {
  it.each([
    '{"source":["app.orders"],"detail-type":["OrderPlaced"]}',
    '{"source":[{"prefix":"app."}]}',
    '{"source":[{"suffix":".orders"}],"detail-type":[{"equals-ignore-case":"orderplaced"}]}',
    '{"source":[{"prefix":{"equals-ignore-case":"APP."}}]}',
    '{"source":[{"anything-but":["app.internal","app.test"]}]}',
    '{"account":[{"anything-but":{"prefix":"1234"}}]}',
    '{"source":[{"anything-but":{"suffix":[".test",".dev"]}}]}',
    '{"detail":{"amount":[{"numeric":[">",100,"<=",500]}],"coupon":[{"exists":false}]}}',
    '{"detail":{"n":[{"numeric":["=",3]}],"ip":[{"cidr":"10.0.0.0/24"}],"x":[null,true,1]}}',
    '{"source":[{"wildcard":"app.*.orders"}]}',
    '{"detail":{"order":{"state":["placed"],"lines":{"sku":[{"prefix":"A"}]}}}}',
  ])('accepts %s', (pattern) => {
    expect(eventPatternProblems(pattern)).toEqual([]);
  });

  it.each([
    ['{"source": "not-a-list"}', '$.source', 'must be a list of values'],
    ['{"source": []}', '$.source', 'matches nothing'],
    ['not json', '$', 'not valid JSON'],
    ['[]', '$', 'non-empty JSON object'],
    ['{}', '$', 'non-empty JSON object'],
    ['{"source":[{"prefix":1}]}', '$.source[0].prefix', 'takes a string'],
    ['{"source":[{"banana":"x"}]}', '$.source[0].banana', 'not an EventBridge content filter'],
    ['{"source":[{"prefix":"a","suffix":"b"}]}', '$.source[0]', 'exactly one operator'],
    ['{"detail":{"n":[{"numeric":[">"]}]}}', '$.detail.n[0].numeric', 'one or two pairs'],
    ['{"detail":{"n":[{"numeric":["<",5,">",1]}]}}', '$.detail.n[0].numeric', 'lower bound'],
    ['{"detail":{"n":[{"numeric":[">",9,"<",1]}]}}', '$.detail.n[0].numeric', 'above the upper'],
    ['{"detail":{"x":[{"exists":"yes"}]}}', '$.detail.x[0].exists', 'true or false'],
    ['{"detail":"placed"}', '$.detail', 'list of values or an object'],
    ['{"source":[{"anything-but":{"numeric":[">",1]}}]}', '$.source[0].anything-but.numeric', 'cannot take'],
    ['{"source":[["nested"]]}', '$.source[0]', 'not a list'],
    ['{"detail":{"ip":[{"cidr":"banana"}]}}', '$.detail.ip[0].cidr', 'not a CIDR'],
  ])('refuses %s at %s', (pattern, path, message) => {
    const problems = eventPatternProblems(pattern);
    expect(problems).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});

describe('scheduleProblems', () => {
  it.each([
    '',
    'rate(1 minute)',
    'rate(5 minutes)',
    'rate(12 hours)',
    'rate(1 day)',
    'cron(0 12 * * ? *)',
    'cron(0/15 8-17 ? * MON-FRI *)',
    'cron(0 18 L * ? *)',
    'cron(0 9 ? * 2#1 *)',
    'cron(30 2 1,15 JAN,JUL ? 2027-2030)',
    'cron(0 10 ? * 6L 2027)',
    'cron(0 8 15W * ? *)',
  ])('accepts %s', (expression) => {
    expect(scheduleProblems(expression)).toEqual([]);
  });

  it.each([
    ['cron(banana)', 'six fields'],
    ['cron(0 12 * * * *)', 'exactly one of day-of-month and day-of-week'],
    ['cron(0 12 ? * ? *)', 'exactly one of day-of-month and day-of-week'],
    ['cron(61 12 * * ? *)', 'minutes "61" is out of range'],
    ['cron(0 24 * * ? *)', 'hours "24"'],
    ['cron(0 12 * FOO ? *)', 'month "FOO"'],
    ['cron(0 12 ? * MON#9 *)', 'day-of-week'],
    ['cron(0/0 12 * * ? *)', 'invalid step'],
    ['rate(1 minutes)', 'singular'],
    ['rate(5 minute)', 'plural'],
    ['rate(0 minutes)', 'at least 1'],
    ['rate(five minutes)', 'whole number'],
    ['every 5 minutes', 'rate(...) or cron(...)'],
  ])('refuses %s', (expression, message) => {
    expect(scheduleProblems(expression).join('; ')).toContain(message);
  });
});
