// SPDX-License-Identifier: Apache-2.0
// A list of short texts (strengths, barriers, resources, diagnoses …): one labelled field per
// entry, each with its Remove button, and an Add button.
import { TextField } from '../../components/Fields';

export function TextListEditor(props: {
  legend: string;
  /** The name of one entry: "Strength" → fields "Strength 1", "Strength 2". */
  noun: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: string;
}) {
  const { legend, noun, values, onChange, hint } = props;
  return (
    <fieldset className="form-section plan-list">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {values.length === 0 && <p className="muted">None yet.</p>}
      {values.map((value, i) => (
        <div key={i} className="plan-list-row">
          <TextField
            label={`${noun} ${i + 1}`}
            value={value}
            onValueChange={(v) => onChange(values.map((x, k) => (k === i ? v : x)))}
            autoComplete="off"
          />
          <button
            type="button"
            className="button button-small button-quiet"
            aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}
            onClick={() => onChange(values.filter((_, k) => k !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() => onChange([...values, ''])}
      >
        Add {noun.toLowerCase()}
      </button>
    </fieldset>
  );
}
