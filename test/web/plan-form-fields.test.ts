import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  type FieldDescription,
  formFieldOf,
  parseText,
  textOf,
} from '../../web/src/features/plan/form-fields.ts';
import { importProblemsOf } from '../../web/src/features/plan/import-errors.ts';

const field = (type: FieldDescription['type'], more: Partial<FieldDescription> = {}): FieldDescription => ({
  name: 'value',
  label: 'Value',
  type,
  required: false,
  nullable: true,
  ...more,
});

// The plan's table editor builds its forms from the API's field descriptions.
describe('plan field descriptions as form fields', () => {
  it('picks the control each kind of field calls for', () => {
    expect(formFieldOf(field('text'))).toMatchObject({ control: 'input', inputType: 'text' });
    expect(formFieldOf(field('long-text'))).toMatchObject({ control: 'textarea', hint: 'Markdown' });
    expect(formFieldOf(field('integer'))).toMatchObject({ control: 'input', inputType: 'number' });
    expect(formFieldOf(field('date'))).toMatchObject({ control: 'input', inputType: 'date' });
    expect(formFieldOf(field('datetime'))).toMatchObject({ control: 'input', inputType: 'datetime-local' });
    expect(formFieldOf(field('reference'))).toMatchObject({ control: 'reference', none: '—' });
    expect(formFieldOf(field('enum', { enumValues: ['pg-boss', 'sqs'] }))).toMatchObject({
      control: 'select',
      choices: [
        { value: 'pg-boss', label: 'pg boss' },
        { value: 'sqs', label: 'sqs' },
      ],
    });
    // A required enum has no "no value" choice; an undecided yes/no has one.
    expect(formFieldOf(field('enum', { required: true, nullable: false })).none).toBeUndefined();
    // A new row may leave out an optional field with a default; an existing row cannot clear it.
    const withDefault = field('enum', { nullable: false, enumValues: ['high', 'normal'] });
    expect(formFieldOf(withDefault).none).toBe('—');
    expect(formFieldOf(withDefault, true).none).toBeUndefined();
    expect(formFieldOf(field('boolean'))).toMatchObject({ control: 'select', none: 'Not decided' });
    expect(formFieldOf(field('boolean', { nullable: false })).none).toBeUndefined();
  });

  it('turns values into control text and back', () => {
    expect(textOf(field('array'), ['a', 'b'])).toBe('a, b');
    expect(parseText(field('array'), ' a, , b ')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(parseText(field('integer'), '12')).toEqual({ ok: true, value: 12 });
    expect(parseText(field('integer'), 'twelve')).toEqual({ ok: false, message: 'not a number' });
    expect(parseText(field('boolean'), 'false')).toEqual({ ok: true, value: false });
    expect(parseText(field('json'), '{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseText(field('json'), '{')).toEqual({ ok: false, message: 'not valid JSON' });
    const instant = '2026-03-01T10:30:00.000Z';
    expect(parseText(field('datetime'), textOf(field('datetime'), instant))).toEqual({
      ok: true,
      value: instant,
    });
    // Empty text clears a field the way the API stores "not written": '', [] or null.
    expect(parseText(field('long-text'), '')).toEqual({ ok: true, value: '' });
    expect(parseText(field('array'), '')).toEqual({ ok: true, value: [] });
    expect(parseText(field('date'), '')).toEqual({ ok: true, value: null });
  });

  it('sends the filled fields of a new row, and only the changed fields of an edited one', () => {
    const fields = [
      field('text', { name: 'name' }),
      field('integer', { name: 'limit' }),
      field('date', { name: 'due' }),
    ];
    expect(bodyOf(fields, { name: 'queue', limit: '', due: '' })).toEqual({
      body: { name: 'queue' },
      errors: {},
    });
    const initial = { name: 'queue', limit: '3', due: '2026-05-01' };
    expect(bodyOf(fields, { name: 'queue', limit: '4', due: '' }, initial)).toEqual({
      body: { limit: 4, due: null },
      errors: {},
    });
    expect(bodyOf(fields, { ...initial, limit: 'x' }, initial).errors).toEqual({ limit: 'not a number' });
  });

  it("places an import's problems by area, table, row and field", () => {
    const errors = [
      { path: 'areas.background-jobs.job-queues.1.values.system', message: 'Invalid option' },
      { path: 'areas.nowhere', message: 'no such area' },
    ];
    expect(importProblemsOf(errors)).toEqual([
      { area: 'background-jobs', table: 'job-queues', row: 1, field: 'system', message: 'Invalid option' },
      { area: 'nowhere', table: '', row: null, field: '', message: 'no such area' },
    ]);
  });
});
