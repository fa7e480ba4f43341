import { useId, useState } from 'react';
import type { SearchFacet } from '../../core/library.js';
import { formatNumber } from '../format.js';
import { useLang, useT } from '../i18n.js';
import { m49Text } from '../m49-names.js';

/** How many values of a facet show before "Show all". */
const FACET_PREVIEW = 8;

/** A facet value and how many results carry it; `approximate` when the count is an estimate. */
export type FacetValue = { value: string; label: string; count: number; approximate?: boolean };

/**
 * The facets of a search as groups of checkboxes, each value with its count (an estimate marked ≈,
 * read as "about" by screen readers, with a note under the groups). Values already chosen always
 * show (even when the other filters leave them no results), so they can be unticked.
 */
export function FacetFilters({
  facets,
  order,
  selected,
  labelOf,
  onToggle,
}: {
  facets: Partial<Record<string, readonly FacetValue[]>>;
  order: readonly SearchFacet[];
  selected: Partial<Record<SearchFacet, readonly string[]>>;
  /** The label of a chosen value the answer does not list. */
  labelOf: (facet: SearchFacet, value: string) => string;
  onToggle: (facet: SearchFacet, value: string, checked: boolean) => void;
}) {
  const t = useT();
  const estimated = order.some((facet) => facets[facet]?.some((v) => v.approximate));
  return (
    <>
      {order.map((facet) => {
        const chosen = selected[facet] ?? [];
        const listed = facets[facet] ?? [];
        const values: FacetValue[] = [
          ...listed,
          ...chosen
            .filter((value) => !listed.some((v) => v.value === value))
            .map((value) => ({ value, label: labelOf(facet, value), count: 0 })),
        ];
        if (values.length === 0) return null;
        return <FacetGroup key={facet} facet={facet} values={values} chosen={chosen} onToggle={onToggle} />;
      })}
      {estimated && <p className="field__hint">{t.facetCountsEstimated}</p>}
    </>
  );
}

function FacetGroup({
  facet,
  values,
  chosen,
  onToggle,
}: {
  facet: SearchFacet;
  values: readonly FacetValue[];
  chosen: readonly string[];
  onToggle: (facet: SearchFacet, value: string, checked: boolean) => void;
}) {
  const t = useT();
  const lang = useLang();
  const listId = useId();
  const [expanded, setExpanded] = useState(false);
  const long = values.length > FACET_PREVIEW + 2;
  const shown =
    long && !expanded ? values.filter((v, index) => index < FACET_PREVIEW || chosen.includes(v.value)) : values;
  return (
    <fieldset className="facet">
      <legend className="facet__title">{t.facetNames[facet]}</legend>
      <ul className="facet__list" id={listId}>
        {shown.map((v) => (
          <li key={v.value}>
            <label className="facet__option">
              <input
                type="checkbox"
                checked={chosen.includes(v.value)}
                onChange={(event) => onToggle(facet, v.value, event.target.checked)}
              />
              {/* M49 region names come from the API in English only: translated by their code. */}
              <span
                className="facet__label"
                {...(facet === 'region' ? m49Text(lang, v.value, v.label) : { children: v.label })}
              />
              <span className="facet__count">
                <span className="visually-hidden">, </span>
                {v.approximate ? (
                  <>
                    <span aria-hidden="true">≈&nbsp;</span>
                    <span className="visually-hidden">{t.approximately} </span>
                  </>
                ) : null}
                {t.facetCount(formatNumber(v.count, lang))}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {long && (
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t.facetShowFewer : t.facetShowAll(values.length)}
        </button>
      )}
    </fieldset>
  );
}
