// SPDX-License-Identifier: Apache-2.0
// Explains a contact refused because no release of information covers what was shared with an
// outside party (004, 001 §7): who, what, on which day, and why the releases on file do not
// cover it, with the way to the Consents tab.
import type { MissingRelease } from '../../../api/contacts';
import { ErrorMessage } from '../../../components/Messages';
import { Link } from '../../../components/Link';
import { formatDate } from '../../../format';
import { codeLabel } from '../../../labels';
import { chartPath } from '../../../routing/routes';

export function ReleaseRequiredMessage(props: { missing: MissingRelease; participantId: string }) {
  const { missing, participantId } = props;
  const party = missing.party || 'this party';
  const categories = missing.categories.map(codeLabel);
  const what = categories.length > 0 ? ` for ${joinWords(categories)}` : '';
  const on = missing.on ? ` on ${formatDate(missing.on)}` : '';
  return (
    <ErrorMessage>
      <p>
        <strong>Not saved:</strong> no active release covers {party}
        {what}
        {on}
        {missing.why && <> — {withDates(missing.why)}</>}.
      </p>
      <p>
        Nothing was recorded. Record or check the participant's releases, then save the contact
        again: <Link to={chartPath(participantId, 'consents')}>Go to the Consents tab</Link>
      </p>
    </ErrorMessage>
  );
}

/** "A, B and C". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The server's reason with its YYYY-MM-DD dates and category codes in words. */
function withDates(why: string): string {
  return why
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => formatDate(date))
    .replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (code) => codeLabel(code))
    .replace(/[.\s]+$/, '');
}
