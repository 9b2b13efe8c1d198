/**
 * What EventBridge accepts in a rule: event patterns (content filtering) and schedule
 * expressions. Checked at design time so a pattern or schedule AWS would refuse is a finding on
 * the rule, not a failed deploy; the generators rely on these shapes to print typed code
 * (CDK's `events.Match`).
 */

/** Top-level event fields whose CDK type is `string[]` (the rest are `{ [key: string]: any }`). */
export const EVENT_ENVELOPE_FIELDS = [
  'version',
  'id',
  'detail-type',
  'source',
  'account',
  'time',
  'region',
  'resources',
] as const;

/** A problem in a pattern, with the JSON path inside the pattern it is about. */
export interface EventRuleProblem {
  path: string;
  message: string;
}

const NUMERIC_OPERATORS = new Set(['<', '<=', '=', '>', '>=']);
const STRING_FILTERS = new Set(['prefix', 'suffix', 'wildcard', 'equals-ignore-case', 'cidr']);
const ANYTHING_BUT_FILTERS = new Set(['prefix', 'suffix', 'wildcard', 'equals-ignore-case']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** One element of a leaf array: a value to match exactly, or one content filter. */
function checkMatcher(value: unknown, path: string, out: EventRuleProblem[]): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (!isRecord(value)) {
    out.push({ path, message: `must be a value or a content filter object, not ${describe(value)}` });
    return;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    out.push({ path, message: 'a content filter has exactly one operator, e.g. {"prefix":"app."}' });
    return;
  }
  const operator = keys[0]!;
  const operand = value[operator];
  const at = `${path}.${operator}`;
  if (STRING_FILTERS.has(operator)) {
    const ignoreCase = isRecord(operand) && Object.keys(operand).join() === 'equals-ignore-case';
    const text =
      ignoreCase && (operator === 'prefix' || operator === 'suffix')
        ? operand['equals-ignore-case']
        : operand;
    if (typeof text !== 'string') out.push({ path: at, message: `"${operator}" takes a string` });
    else if (operator === 'cidr' && !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(text))
      out.push({ path: at, message: `"${text}" is not a CIDR block like 10.0.0.0/24` });
    return;
  }
  if (operator === 'exists') {
    if (typeof operand !== 'boolean') out.push({ path: at, message: '"exists" takes true or false' });
    return;
  }
  if (operator === 'numeric') {
    checkNumeric(operand, at, out);
    return;
  }
  if (operator === 'anything-but') {
    if (typeof operand === 'string' || typeof operand === 'number') return;
    if (Array.isArray(operand)) {
      if (operand.length === 0) out.push({ path: at, message: '"anything-but" needs at least one value' });
      operand.forEach((v, i) => {
        if (typeof v !== 'string' && typeof v !== 'number')
          out.push({ path: `${at}[${i}]`, message: `must be a string or a number, not ${describe(v)}` });
      });
      if (operand.some((v) => typeof v === 'string') && operand.some((v) => typeof v === 'number'))
        out.push({ path: at, message: '"anything-but" takes strings or numbers, not both' });
      return;
    }
    if (isRecord(operand) && Object.keys(operand).length === 1) {
      const [filter] = Object.keys(operand) as [string];
      const inner = operand[filter];
      const strings = Array.isArray(inner) ? inner : [inner];
      if (!ANYTHING_BUT_FILTERS.has(filter))
        out.push({ path: `${at}.${filter}`, message: `"anything-but" cannot take "${filter}"` });
      else if (strings.length === 0 || strings.some((s) => typeof s !== 'string'))
        out.push({ path: `${at}.${filter}`, message: `"${filter}" takes a string or a list of strings` });
      return;
    }
    out.push({
      path: at,
      message: '"anything-but" takes a value, a list, or one of prefix, suffix, wildcard',
    });
    return;
  }
  out.push({ path: at, message: `"${operator}" is not an EventBridge content filter` });
}

/** `[">", 0, "<=", 5]`: one or two operator/number pairs, a range when two. */
function checkNumeric(operand: unknown, path: string, out: EventRuleProblem[]): void {
  const pairs: [unknown, unknown][] = [];
  if (Array.isArray(operand) && (operand.length === 2 || operand.length === 4))
    for (let i = 0; i < operand.length; i += 2) pairs.push([operand[i], operand[i + 1]]);
  if (
    pairs.length === 0 ||
    pairs.some(([op, n]) => typeof op !== 'string' || !NUMERIC_OPERATORS.has(op) || typeof n !== 'number')
  ) {
    out.push({ path, message: '"numeric" takes one or two pairs like [">", 0, "<=", 5]' });
    return;
  }
  if (pairs.length === 2) {
    const [[first], [second]] = pairs as [[string, number], [string, number]];
    const lower = first.startsWith('>') && second.startsWith('<');
    if (!lower)
      out.push({ path, message: 'a numeric range is a lower bound (> or >=) then an upper bound (< or <=)' });
    else if ((pairs[0]![1] as number) > (pairs[1]![1] as number))
      out.push({ path, message: 'the lower bound is above the upper bound' });
  }
}

function checkNode(value: unknown, path: string, envelope: boolean, out: EventRuleProblem[]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push({ path, message: 'an empty list matches nothing' });
    value.forEach((item, i) => checkMatcher(item, `${path}[${i}]`, out));
    return;
  }
  if (envelope) {
    out.push({ path, message: `must be a list of values, e.g. ["app.orders"], not ${describe(value)}` });
    return;
  }
  if (!isRecord(value)) {
    out.push({ path, message: `must be a list of values or an object of fields, not ${describe(value)}` });
    return;
  }
  if (Object.keys(value).length === 0) out.push({ path, message: 'an empty object matches nothing' });
  for (const [key, child] of Object.entries(value)) checkNode(child, `${path}.${key}`, false, out);
}

/** Problems with an event pattern given as JSON text; empty when EventBridge would accept it. */
export function eventPatternProblems(text: string): EventRuleProblem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return [{ path: '$', message: `is not valid JSON (${(error as Error).message})` }];
  }
  if (!isRecord(parsed) || Object.keys(parsed).length === 0)
    return [{ path: '$', message: 'must be a non-empty JSON object like {"source":["app.orders"]}' }];
  const out: EventRuleProblem[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    const envelope = (EVENT_ENVELOPE_FIELDS as readonly string[]).includes(key);
    checkNode(value, `$.${key}`, envelope, out);
  }
  return out;
}

// ---- schedules ----

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** Extra single-token forms this field allows (`?`, `L`, `W`, `#`). */
  extra?: RegExp;
}

const CRON_FIELDS: CronField[] = [
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, extra: /^(\?|L|LW|\d{1,2}W)$/ },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  {
    name: 'day-of-week',
    min: 1,
    max: 7,
    names: DAYS,
    extra: /^(\?|L|[1-7]L|[A-Z]{3}L|[1-7]#[1-5]|[A-Z]{3}#[1-5])$/,
  },
  { name: 'year', min: 1970, max: 2199 },
];

function cronValue(token: string, field: CronField): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const index = field.names?.indexOf(token.toUpperCase()) ?? -1;
  return index >= 0 ? index + 1 : undefined;
}

function cronFieldProblem(token: string, field: CronField): string | undefined {
  if (field.extra?.test(token.toUpperCase())) {
    const day = /^(\d+)/.exec(token)?.[1];
    return day !== undefined && (Number(day) < field.min || Number(day) > field.max)
      ? `${field.name} "${token}" is out of range ${field.min}-${field.max}`
      : undefined;
  }
  for (const part of token.split(',')) {
    const [range, step] = part.split('/') as [string, string | undefined];
    if (step !== undefined && (!/^\d+$/.test(step) || Number(step) === 0))
      return `${field.name} "${token}" has an invalid step "/${step}"`;
    if (range === '*') continue;
    const bounds = range.split('-');
    if (bounds.length > 2 || bounds.some((b) => b === ''))
      return `${field.name} "${token}" is not a value, list, range or step`;
    for (const bound of bounds) {
      const value = cronValue(bound, field);
      if (value === undefined)
        return `${field.name} "${bound}" is not a number${field.names ? ' or a name like ' + field.names[0] : ''}`;
      if (value < field.min || value > field.max)
        return `${field.name} "${bound}" is out of range ${field.min}-${field.max}`;
    }
  }
  return undefined;
}

/**
 * Problems with a schedule expression (`rate(5 minutes)` or a six-field `cron(...)` in UTC);
 * empty when EventBridge would accept it. An empty string means "no schedule" and is fine.
 */
export function scheduleProblems(expression: string): string[] {
  const text = expression.trim();
  if (text === '') return [];
  const rate = /^rate\((.*)\)$/.exec(text);
  if (rate) {
    const match = /^(\d+) (minute|minutes|hour|hours|day|days)$/.exec(rate[1]!.trim());
    if (!match) return ['a rate is a whole number and a unit, like rate(5 minutes)'];
    const value = Number(match[1]);
    const unit = match[2]!;
    if (value < 1) return ['a rate must be at least 1'];
    if (value === 1 && unit.endsWith('s')) return [`write rate(1 ${unit.slice(0, -1)}), singular for 1`];
    if (value > 1 && !unit.endsWith('s')) return [`write rate(${value} ${unit}s), plural above 1`];
    return [];
  }
  const cron = /^cron\((.*)\)$/.exec(text);
  if (!cron) return ['a schedule is rate(...) or cron(...), e.g. rate(5 minutes) or cron(0 12 * * ? *)'];
  const tokens = cron[1]!.trim().split(/\s+/);
  if (tokens.length !== 6)
    return [
      `a cron expression has six fields (minutes hours day-of-month month day-of-week year), not ${tokens.length}`,
    ];
  const problems = tokens.flatMap((token, i) => cronFieldProblem(token, CRON_FIELDS[i]!) ?? []);
  const [, , dayOfMonth, , dayOfWeek] = tokens as [string, string, string, string, string, string];
  if ((dayOfMonth === '?') === (dayOfWeek === '?'))
    problems.push('exactly one of day-of-month and day-of-week must be "?"');
  return problems;
}
