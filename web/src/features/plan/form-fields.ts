// Kept free of imports, so that the mapping is tested on its own (test/web).

/** The kinds of field GET /plan/areas/{area} describes. */
export type FieldKind =
  | 'text'
  | 'long-text'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'json'
  | 'array'
  | 'reference';

/** A field as the API describes it (the schema's PlanFieldDescription, of which a form needs this much). */
export interface FieldDescription {
  name: string;
  label: string;
  type: FieldKind;
  required: boolean;
  nullable: boolean;
  enumValues?: string[];
  references?: { table: string; nameField: string };
}

/** A row of any plan table, as the API answers it. */
export type PlanRow = Record<string, unknown> & { id: string; version: number };

/** The control that edits a field. */
export type Control = 'input' | 'textarea' | 'select' | 'reference';

/** How a form shows one field: its control, the input's type, and its choices when it has fixed ones. */
export interface FormField {
  name: string;
  label: string;
  control: Control;
  inputType?: 'text' | 'number' | 'date' | 'datetime-local';
  choices?: { value: string; label: string }[];
  /** The first choice of a select, meaning "no value": absent when a value is required. */
  none?: string;
  hint?: string;
  required: boolean;
}

/** Short enough to edit in a table cell and to show as a column. */
export function isSimple(field: FieldDescription): boolean {
  return !['long-text', 'json', 'array'].includes(field.type);
}

/**
 * The "no value" choice of a select: a new row may leave out any optional field (it takes its
 * default), but an existing row can only be cleared where null is allowed.
 */
function noneOf(field: FieldDescription, editing: boolean): string | undefined {
  if (editing) return field.nullable ? '—' : undefined;
  return field.nullable || !field.required ? '—' : undefined;
}

/** The form control for a field description: enums and yes/no as selects, dates as date inputs. */
export function formFieldOf(field: FieldDescription, editing = false): FormField {
  const base = { name: field.name, label: field.label, required: field.required };
  switch (field.type) {
    case 'long-text':
      return { ...base, control: 'textarea', hint: 'Markdown' };
    case 'json':
      return { ...base, control: 'textarea', hint: 'JSON' };
    case 'array':
      return { ...base, control: 'input', inputType: 'text', hint: 'Separate items with commas' };
    case 'enum':
      return {
        ...base,
        control: 'select',
        choices: (field.enumValues ?? []).map((value) => ({ value, label: value.replace(/-/g, ' ') })),
        none: noneOf(field, editing),
      };
    case 'boolean':
      return {
        ...base,
        control: 'select',
        choices: [
          { value: 'true', label: 'Yes' },
          { value: 'false', label: 'No' },
        ],
        none: field.nullable ? 'Not decided' : undefined,
      };
    case 'reference':
      return { ...base, control: 'reference', none: noneOf(field, editing) };
    case 'integer':
    case 'number':
      return { ...base, control: 'input', inputType: 'number' };
    case 'date':
      return { ...base, control: 'input', inputType: 'date' };
    case 'datetime':
      return { ...base, control: 'input', inputType: 'datetime-local', hint: 'Your local time' };
    default:
      return { ...base, control: 'input', inputType: 'text' };
  }
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as a datetime-local input shows it: the reader's local time, to the minute. */
function localTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A field's value as its control holds it (text), from a row or, for a new row, empty. */
export function textOf(field: FieldDescription, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (field.type) {
    case 'array':
      return Array.isArray(value) ? value.join(', ') : '';
    case 'json':
      return JSON.stringify(value, null, 2);
    case 'datetime':
      return typeof value === 'string' ? localTime(value) : '';
    default:
      return String(value);
  }
}

/** What a control's text means for the API, or why it means nothing. */
export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function emptyValue(field: FieldDescription): unknown {
  if (field.type === 'long-text') return '';
  if (field.type === 'array') return [];
  return null;
}

/** The body value for a control's text; empty text clears the field (null, '' or []). */
export function parseText(field: FieldDescription, text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: emptyValue(field) };
  switch (field.type) {
    case 'integer':
    case 'number': {
      const number = Number(trimmed);
      return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: 'not a number' };
    }
    case 'boolean':
      return { ok: true, value: trimmed === 'true' };
    case 'array':
      return { ok: true, value: splitItems(trimmed) };
    case 'datetime': {
      const at = new Date(trimmed);
      return Number.isNaN(at.getTime())
        ? { ok: false, message: 'not a date and time' }
        : { ok: true, value: at.toISOString() };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(trimmed) };
      } catch {
        return { ok: false, message: 'not valid JSON' };
      }
    case 'long-text':
      return { ok: true, value: text };
    default:
      return { ok: true, value: trimmed };
  }
}

function splitItems(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * The body of a create (every field given, empty optional ones left out) or an update (only the
 * fields whose text changed), with the fields whose text means nothing.
 */
export function bodyOf(
  fields: readonly FieldDescription[],
  texts: Record<string, string>,
  initial?: Record<string, string>,
): { body: Record<string, unknown>; errors: Record<string, string> } {
  const body: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const text = texts[field.name] ?? '';
    if (initial ? initial[field.name] === text : text.trim() === '') continue;
    const parsed = parseText(field, text);
    if (parsed.ok) body[field.name] = parsed.value;
    else errors[field.name] = parsed.message;
  }
  return { body, errors };
}

/** Every field's text for a row (or empty ones for a new row). */
export function textsOf(fields: readonly FieldDescription[], row?: PlanRow): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.name, textOf(field, row?.[field.name])]));
}
