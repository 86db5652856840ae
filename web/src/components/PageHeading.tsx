// SPDX-License-Identifier: Apache-2.0
// The page's <h1>. It takes focus when the page appears so keyboard and screen-reader users
// land at the top of the new content after navigation, and it sets the document title.
import { useEffect, useRef, type ReactNode } from 'react';

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – carecoord`;
    heading.current?.focus();
  }, [title]);

  return (
    <h1 ref={heading} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
