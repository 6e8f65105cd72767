import type { SelectHTMLAttributes } from 'react';
import { useMembers } from './queries';

type SelectAttributes = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'multiple' | 'children'
>;

/**
 * A select of the workspace's members by name (their user ids as values): one member, after a first
 * choice named `none` for nobody, or several with `multiple`. Label it with a Field or a Filter.
 */
export function MemberPicker(
  props: SelectAttributes &
    (
      | { multiple?: false; value: string; onChange: (id: string) => void; none: string }
      | { multiple: true; value: string[]; onChange: (ids: string[]) => void }
    ),
) {
  const members = useMembers({ current: true });
  const options = (members.data?.data ?? []).map((member) => (
    <option key={member.user.id} value={member.user.id}>
      {member.user.displayName}
    </option>
  ));
  if (props.multiple) {
    const { onChange, multiple: _, ...select } = props;
    return (
      <select
        {...select}
        multiple
        onChange={(event) => onChange([...event.target.selectedOptions].map((option) => option.value))}
      >
        {options}
      </select>
    );
  }
  const { onChange, none, multiple: _, ...select } = props;
  return (
    <select {...select} onChange={(event) => onChange(event.target.value)}>
      <option value="">{none}</option>
      {options}
    </select>
  );
}
