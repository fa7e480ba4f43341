import type { AreaKind } from '../../core/countries.js';
import { useT } from '../i18n.js';

/** A visible label for areas that are not ISO countries (non-ISO, former, residual); nothing otherwise. */
export function KindBadge({ kind }: { kind: AreaKind }) {
  const t = useT();
  if (kind === 'country') return null;
  return <span className={`badge badge--${kind}`}>{t.countryKind[kind]}</span>;
}
