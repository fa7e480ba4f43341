import type { ReactNode } from 'react';
import { useT } from '../i18n.js';
import { LangLink } from '../links.js';

/** A page above the current one, as the breadcrumb links to it. */
export type Crumb = { to: string; label: ReactNode };

/** The trail above a page's title: links to the pages it sits under, then its own name. */
export function Breadcrumb({ trail, current }: { trail: readonly Crumb[]; current: ReactNode }) {
  const t = useT();
  return (
    <nav aria-label={t.breadcrumb} className="breadcrumb">
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.to}>
            <LangLink to={crumb.to}>{crumb.label}</LangLink>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
