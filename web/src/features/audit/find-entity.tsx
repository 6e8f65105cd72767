import { useState } from 'react';
import { useLocation } from 'wouter';
import { SelectField, TextField } from '../../components/fields';
import { Form } from '../../components/forms';
import { entityTypes } from './entities';

/** Goes to an entity's history by its type and id. */
export function FindEntity() {
  const [, navigate] = useLocation();
  const [type, setType] = useState('project');
  const [id, setId] = useState('');
  const submit = () => {
    if (id.trim()) navigate(`/audit/${type}/${id.trim()}`);
  };
  return (
    <Form className="inline-form" onSubmit={submit} aria-label="Find an entity's history">
      <SelectField
        label="Entity type"
        name="audit-type"
        value={type}
        onChange={setType}
        choices={entityTypes}
      />
      <TextField label="Entity id" name="audit-id" value={id} onChange={setId} placeholder="UUID" />
      <button type="submit">Show history</button>
    </Form>
  );
}
