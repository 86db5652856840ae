// SPDX-License-Identifier: Apache-2.0
import { useId } from 'react';

/** One labelled checkbox, e.g. "Interpreter needed". */
export function CheckboxField(props: {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  hint?: string | undefined;
  disabled?: boolean;
}) {
  const { label, checked, onCheckedChange, hint, disabled } = props;
  const id = useId();
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onCheckedChange(event.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
