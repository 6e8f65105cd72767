import type { Finding } from '../types.ts';
import { code } from './markdown.ts';

/**
 * What a client must do about one change, in a sentence. The catalogue's rule ids follow oasdiff's
 * naming (`request-property-removed`, `response-property-enum-value-added`), so the section says
 * which side of the exchange changed and the id's words say how.
 */
export function clientAction(finding: Finding): string {
  if (finding.level === 'INFO') return 'Nothing: existing clients keep working.';
  const target = finding.field
    ? fieldInWords(finding.field)
    : finding.operation
      ? code(finding.operation)
      : 'the API';
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

function isResponseSide(finding: Finding): boolean {
  if (finding.field) return finding.field.startsWith('response.');
  return ['responses', 'response-schema', 'headers'].includes(finding.section);
}

function operationAction(ruleId: string, target: string): string {
  if (/removed/.test(ruleId)) return `Stop calling ${target}; move to its replacement before you upgrade.`;
  if (/operation-id/.test(ruleId))
    return 'Regenerate clients generated from the contract: the operation id changed.';
  return `Check how your client calls ${target}.`;
}

/** The client writes these: parameters, request headers, request bodies. */
function sendAction(ruleId: string, target: string): string {
  if (/required/.test(ruleId) && /^(new|added)-|became-required/.test(ruleId))
    return `Send ${target} on every call.`;
  if (/removed/.test(ruleId) && !/enum|value/.test(ruleId)) return `Stop sending ${target}.`;
  if (/enum|value-removed|const/.test(ruleId))
    return `Send only the values of ${target} the revised contract lists.`;
  if (/media-type|content-type/.test(ruleId))
    return 'Send the request body in a media type the operation still accepts.';
  if (/type|format/.test(ruleId)) return `Send ${target} in its new type and format.`;
  if (/max|min|length|pattern|items|decreased|increased/.test(ruleId))
    return `Keep ${target} within the new limits.`;
  return `Send ${target} as the revised contract describes it.`;
}

/** The client reads these: statuses, response headers, response bodies. */
function readAction(ruleId: string, target: string): string {
  if (/enum|value-added|one-of-added|any-of-added/.test(ruleId)) {
    return `Handle the new values of ${target}, with a fallback for values your client does not know.`;
  }
  if (/status|response-(success|non-success)/.test(ruleId) && /removed/.test(ruleId)) {
    return `Stop expecting ${target}; handle the statuses the operation answers now.`;
  }
  if (/status/.test(ruleId) && /added/.test(ruleId))
    return `Handle ${target} wherever you handle this operation's answers.`;
  if (/removed/.test(ruleId)) return `Stop reading ${target}.`;
  if (/optional|nullable|became-not-required/.test(ruleId)) return `Handle ${target} being absent or null.`;
  if (/media-type|content-type/.test(ruleId)) return `Accept the media types the operation answers with now.`;
  if (/type|format/.test(ruleId)) return `Read ${target} in its new type and format.`;
  return `Read ${target} as the revised contract describes it.`;
}
