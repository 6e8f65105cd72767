import { TextAreaField, TextField } from '../../components/fields';
import { emptyOption, type OptionDraft } from './decision-draft';

/** The options a decision weighed, each with a title, a description, pros, neutral points and cons. */
export function ConsideredOptionsFieldset(props: {
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
  /** The API's message for a body path such as `consideredOptions.0.title`. */
  errorOf: (path: string) => string | undefined;
  disabled: boolean;
}) {
  const { options, onChange } = props;
  return (
    <fieldset disabled={props.disabled}>
      <legend>Considered options</legend>
      {options.map((option, index) => {
        const part = (name: keyof OptionDraft, label: string) => ({
          label,
          name: `option-${index}-${name}`,
          error: props.errorOf(`consideredOptions.${index}.${name}`),
          value: option[name],
          onChange: (value: string) =>
            onChange(options.map((other, at) => (at === index ? { ...other, [name]: value } : other))),
        });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place; their position is their identity here
          <div key={index} className="panel">
            <TextField {...part('title', `Option ${index + 1} title`)} />
            <TextAreaField rows={2} {...part('description', 'Description')} />
            <TextAreaField rows={2} {...part('pros', 'Pros (one per line)')} />
            <TextAreaField rows={2} {...part('neutral', 'Neutral (one per line)')} />
            <TextAreaField rows={2} {...part('cons', 'Cons (one per line)')} />
            <button type="button" onClick={() => onChange(options.filter((_, at) => at !== index))}>
              Remove option {index + 1}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...options, emptyOption])}>
        Add an option
      </button>
    </fieldset>
  );
}
