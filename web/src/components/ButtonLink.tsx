// SPDX-License-Identifier: Apache-2.0
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../routing/router';

/** An in-app link that looks like a button, for actions that open a page ("New referral"). */
export function ButtonLink(props: { to: string; primary?: boolean; children: ReactNode }) {
  const { to, primary, children } = props;
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  }
  return (
    <a href={to} onClick={onClick} className={primary ? 'button button-primary' : 'button'}>
      {children}
    </a>
  );
}
