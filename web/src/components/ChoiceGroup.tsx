// SPDX-License-Identifier: Apache-2.0
// A group of checkboxes (several choices) or radio buttons (one choice) under a legend. An error
// is shown under the legend, tied to the group with aria-describedby, and every control of the
// group is marked aria-invalid so focus can land on the first one.
import { useId } from 'react';
import type { SelectOption } from './Fields';

interface ChoiceGroupProps {
  legend: string;
  options: readonly SelectOption[];
  hint?: string | undefined;
  error?: string | undefined;
  disabled?: boolean;
  /** Lay the choices out in a row rather than a column. */
  inline?: boolean;
}

type MultipleProps = ChoiceGroupProps & {
  kind: 'checkbox';
  values: readonly string[];
  onValuesChange: (values: string[]) => void;
};

type SingleProps = ChoiceGroupProps & {
  kind: 'radio';
  value: string;
  onValueChange: (value: string) => void;
};

export function ChoiceGroup(props: MultipleProps | SingleProps) {
  const { legend, options, hint, error, disabled, inline } = props;
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');

  function isChecked(value: string): boolean {
    return props.kind === 'checkbox' ? props.values.includes(value) : props.value === value;
  }

  function onToggle(value: string, checked: boolean) {
    if (props.kind === 'radio') {
      if (checked) props.onValueChange(value);
      return;
    }
    const others = props.values.filter((v) => v !== value);
    // Keep the options' order, whatever order they were ticked in.
    const next = checked ? [...others, value] : others;
    props.onValuesChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  }

  return (
    <fieldset
      className={error ? 'field choice-group field-invalid' : 'field choice-group'}
      aria-describedby={described || undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <div className={inline ? 'choices choices-inline' : 'choices'}>
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type={props.kind}
              name={id}
              value={option.value}
              checked={isChecked(option.value)}
              disabled={disabled}
              onChange={(event) => onToggle(option.value, event.target.checked)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
