import type { Finding } from '../types.ts';
import { code } from './markdown.ts';

/**
 * What a client must do about one change, in a sentence. The catalogue's rule ids follow oasdiff's
 * naming (`request-property-removed`, `response-property-enum-value-added`), so the section says
 * which side of the exchange changed and the id's words say how.
 */
export function clientAction(finding: Finding): string {
  if (finding.level === 'INFO') return 'Nothing: existing clients keep working.';
  const target = targetInWords(finding);
  switch (finding.section) {
    case 'paths':
    case 'operations':
      return operationAction(finding.ruleId, target);
    case 'deprecation':
      return `Move off ${target} before its sunset date: it will be removed.`;
    case 'security':
      return 'Send the credentials and scopes the revised contract requires.';
    case 'servers':
      return 'Point your client at a server URL the revised contract lists.';
    case 'extensions':
      return `Check what the changed extension means for your client of ${target}.`;
    case 'graphql':
      return `Update the queries and fragments that use ${target}.`;
    default:
      return isResponseSide(finding)
        ? readAction(finding.ruleId, target)
        : sendAction(finding.ruleId, target);
  }
}

/** `query.limit` → the query parameter `limit`; `response.200.body.items[].id` → field `items[].id` of the 200 response. */
export function fieldInWords(field: string): string {
  const response = /^response\.([^.]+)(?:\.(body|header)(?:[.[](.*))?)?$/.exec(field);
  if (response) {
    const [, status = '', kind, rest] = response;
    const of = `the ${code(status)} response`;
    if (!kind) return of;
    if (kind === 'header') return `the header ${code(rest ?? '')} of ${of}`;
    const name = field.slice(`response.${status}.body`.length).replace(/^\./, '');
    return name ? `the field ${code(name)} of ${of}` : `the body of ${of}`;
  }
  if (field === 'request.body') return 'the request body';
  if (field.startsWith('request.body'))
    return `the request field ${code(field.slice(13) || field.slice(12))}`;
  const [where = '', ...rest] = field.split('.');
  const name = code(rest.join('.'));
  if (where === 'header') return `the request header ${name}`;
  if (where === 'cookie') return `the cookie ${name}`;
  return `the ${where} parameter ${name}`;
}

function targetInWords(finding: Finding): string {
  if (finding.field) return fieldInWords(finding.field);
  if (finding.operation) return code(finding.operation);
  const path = /^\/paths\/([^/]+)/.exec(finding.pointer)?.[1];
  return path ? `the path ${code(path.replaceAll('~1', '/').replaceAll('~0', '~'))}` : 'the API';
}

function isResponseSide(finding: Finding): boolean {
  if (finding.field) return finding.field.startsWith('response.');
  return ['responses', 'response-schema', 'headers'].includes(finding.section);
}

/** A rule-id pattern and what it asks of a client about the target. The first that matches wins. */
type Action = [RegExp, (target: string) => string];

function firstAction(actions: Action[], ruleId: string, target: string, otherwise: string): string {
  const found = actions.find(([pattern]) => pattern.test(ruleId));
  return found ? found[1](target) : otherwise;
}

const operationActions: Action[] = [
  [/(callback|webhook)-removed/, (target) => `Stop relying on ${target}: the API will no longer send it.`],
  [/stability/, (target) => `Treat ${target} as less stable than before: it may change without notice.`],
  [/operation-id/, () => 'Regenerate clients generated from the contract: the operation id changed.'],
  [/removed/, (target) => `Stop calling ${target}; move to its replacement before you upgrade.`],
];

function operationAction(ruleId: string, target: string): string {
  return firstAction(operationActions, ruleId, target, `Check how your client calls ${target}.`);
}

/** The client writes these: parameters, request headers, request bodies. */
const sendActions: Action[] = [
  [/media-type/, (target) => `Send ${target} in a media type the revised contract accepts.`],
  [/^(new|added)-required-|-(added|became)-required$/, (target) => `Send ${target} on every call.`],
  [/enum|value-removed|const/, (target) => `Send only the values of ${target} the revised contract lists.`],
  [/removed/, (target) => `Stop sending ${target}.`],
  [/type|format/, (target) => `Send ${target} in its new type and format.`],
  [/max|min|length|pattern|items|decreased|increased/, (target) => `Keep ${target} within the new limits.`],
];

function sendAction(ruleId: string, target: string): string {
  return firstAction(sendActions, ruleId, target, `Send ${target} as the revised contract describes it.`);
}

/** The client reads these: statuses, response headers, response bodies. */
const readActions: Action[] = [
  [/media-type/, (target) => `Accept ${target} in the media types the operation answers with now.`],
  [
    /enum|value-added|one-of-added|any-of-added/,
    (target) => `Handle the new values of ${target}, with a fallback for values your client does not know.`,
  ],
  [
    /(status|default)-removed/,
    (target) => `Stop expecting ${target}; handle the statuses the operation answers now.`,
  ],
  [/(status|default)-added/, (target) => `Handle ${target} wherever you handle this operation's answers.`],
  [/removed/, (target) => `Stop reading ${target}.`],
  [/optional|nullable/, (target) => `Handle ${target} being absent or null.`],
  [/type|format/, (target) => `Read ${target} in its new type and format.`],
];

function readAction(ruleId: string, target: string): string {
  return firstAction(readActions, ruleId, target, `Read ${target} as the revised contract describes it.`);
}
