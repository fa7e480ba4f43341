import { useT } from '../i18n.js';
import { LangLink } from '../links.js';

/**
 * The two views of a country, as links (each has its own shareable URL): its reference page
 * (names, codes, classifications) and its data profile (migration, remittances, cost…).
 */
export function CountryTabs({ code, current }: { code: string; current: 'overview' | 'profile' }) {
  const t = useT();
  const tabs = [
    { key: 'overview', to: `/countries/${code}`, label: t.tabOverview },
    { key: 'profile', to: `/countries/${code}/profile`, label: t.tabProfile },
  ] as const;
  return (
    <nav className="tabs" aria-label={t.countryViews}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <LangLink to={tab.to} aria-current={tab.key === current ? 'page' : undefined}>
              {tab.label}
            </LangLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
