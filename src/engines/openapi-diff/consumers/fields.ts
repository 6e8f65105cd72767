/**
 * Whether a change to one field reaches a consumer that uses a list of fields. Fields are compared
 * segment by segment, split at `.` and `[]`, so `request.body.item` never matches
 * `request.body.items`; header names compare without case, `2XX` matches `200`, and a map's `*`
 * (additional properties) matches any key.
 */

/** `response.200.body.items[].name` → `response`, `200`, `body`, `items`, `[]`, `name`. */
export function fieldSegments(field: string): string[] {
  return field.replaceAll('[]', '.[]').split('.');
}

/** Rules that ask every caller for something it may not send yet: they reach those that do not. */
const demandsInput = /^(new|added)-required-request-|^request-.*-(added|became)-required$/;

/** The fields of one operation a consumer uses, prepared for matching. */
export class UsedFields {
  private readonly used: string[][];
  /** Fields the consumer uses as a whole value: nothing it uses lies below them. */
  private readonly whole: string[][];

  constructor(fields: readonly string[]) {
    this.used = fields.map(fieldSegments);
    this.whole = this.used.filter(
      (field) => !isStructural(field) && !this.used.some((other) => other !== field && isBelow(other, field)),
    );
  }

  /**
   * Whether a finding on `field` (by rule `ruleId`) reaches the consumer: it is on a field the
   * consumer uses or on something holding one (a response, an object), or below a value the consumer
   * takes whole. Path parameters and cookies are sent by every caller, and a rule that demands new
   * input reaches exactly the callers that do not send it yet.
   */
  reaches(ruleId: string, field: string): boolean {
    const changed = fieldSegments(field);
    if (changed[0] === 'path' || changed[0] === 'cookie') return true;
    const touchesUsed = this.used.some((used) => isAtOrBelow(used, changed));
    if (demandsInput.test(ruleId) && isRequestSide(changed)) return !touchesUsed;
    return touchesUsed || this.whole.some((used) => isBelow(changed, used));
  }
}

function isRequestSide(field: string[]): boolean {
  return field[0] === 'query' || field[0] === 'header' || field[0] === 'request';
}

/**
 * `request.body`, `response.200`, `response.200.body`: listed to say that a body is sent or a status
 * expected, never a value used whole (else every change to a body would reach every reader of it).
 */
function isStructural(field: string[]): boolean {
  if (field[0] === 'request') return field.length <= 2;
  if (field[0] === 'response') return field.length <= 3;
  return false;
}

/** Whether `field` is `ancestor` or lies below it. */
function isAtOrBelow(field: string[], ancestor: string[]): boolean {
  if (field.length < ancestor.length) return false;
  return ancestor.every((segment, index) => sameSegment(ancestor, segment, field[index] ?? '', index));
}

function isBelow(field: string[], ancestor: string[]): boolean {
  return field.length > ancestor.length && isAtOrBelow(field, ancestor);
}

function sameSegment(field: string[], left: string, right: string, index: number): boolean {
  if (left === right) return true;
  if (isHeaderName(field, index)) return left.toLowerCase() === right.toLowerCase();
  if (field[0] === 'response' && index === 1) return statusesMatch(left, right);
  return (left === '*' || right === '*') && left !== '[]' && right !== '[]';
}

function isHeaderName(field: string[], index: number): boolean {
  return (
    (field[0] === 'header' && index === 1) ||
    (field[0] === 'response' && field[2] === 'header' && index === 3)
  );
}

/** `200` and `2XX` are one response when a contract declares only the range. */
function statusesMatch(left: string, right: string): boolean {
  const range = (status: string) => /^[1-5]xx$/i.test(status);
  if (range(left) && /^\d{3}$/.test(right)) return left[0] === right[0];
  if (range(right) && /^\d{3}$/.test(left)) return left[0] === right[0];
  return range(left) && range(right) && left[0] === right[0];
}
