// SPDX-License-Identifier: Apache-2.0
// The documents that came with a referral (title and where to find it), added and removed
// row by row. Focus follows: to the new row's title when added, to "Add a document" when one
// is removed.
import { useRef } from 'react';
import { TextField } from '../../components/Fields';
import type { DocumentDraft, ReferralErrors } from './referral_draft';

interface Props {
  documents: readonly DocumentDraft[];
  errors: ReferralErrors;
  onChange: (documents: DocumentDraft[]) => void;
}

export function DocumentsEditor({ documents, errors, onChange }: Props) {
  const nextKey = useRef(1);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusKey = useRef<number | null>(null);

  function update(key: number, change: Partial<DocumentDraft>) {
    onChange(documents.map((doc) => (doc.key === key ? { ...doc, ...change } : doc)));
  }

  function add() {
    const key = Date.now() * 100 + nextKey.current++;
    focusKey.current = key;
    onChange([...documents, { key, title: '', reference: '' }]);
  }

  function remove(key: number) {
    onChange(documents.filter((doc) => doc.key !== key));
    addButton.current?.focus();
  }

  return (
    <fieldset className="form-section">
      <legend>Documents</legend>
      {documents.length === 0 && <p className="muted">No documents listed.</p>}
      {errors.documents && <p className="field-error">{errors.documents}</p>}
      <ol className="document-rows">
        {documents.map((doc, index) => (
          <li key={doc.key} className="document-row">
            <TextField
              label={`Document ${index + 1} title`}
              value={doc.title}
              onValueChange={(title) => update(doc.key, { title })}
              error={errors[`document-${index}`]}
              autoComplete="off"
              ref={(node) => {
                if (node && focusKey.current === doc.key) {
                  focusKey.current = null;
                  node.focus();
                }
              }}
            />
            <TextField
              label={`Document ${index + 1} reference`}
              value={doc.reference}
              onValueChange={(reference) => update(doc.key, { reference })}
              hint="Where to find it, e.g. fax date and number."
              autoComplete="off"
            />
            <button type="button" className="button button-small" onClick={() => remove(doc.key)}>
              Remove document {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button ref={addButton} type="button" className="button button-small" onClick={add}>
        Add a document
      </button>
    </fieldset>
  );
}
