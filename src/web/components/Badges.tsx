import { termLabel } from '../../core/library-vocab.js';
import type { QualityLevel } from '../../core/library-vocab.js';
import { useLang, useT } from '../i18n.js';

/**
 * The appraisal's verdict on a study. The words carry the meaning ("High quality"); the colour
 * and the bars (▮▮▮, ▮▮▯, ▮▯▯) only repeat it, so it reads in greyscale and to screen readers.
 */
export function QualityBadge({ quality }: { quality: QualityLevel }) {
  const t = useT();
  const lang = useLang();
  const bars = quality === 'high' ? 3 : quality === 'medium' ? 2 : 1;
  return (
    <span className={`quality quality--${quality}`}>
      <span className="quality__bars" aria-hidden="true">
        {'▮'.repeat(bars)}
        {'▯'.repeat(3 - bars)}
      </span>
      {t.qualityBadge(termLabel('quality', quality, lang))}
    </span>
  );
}

/** Where an item stands in the editorial workflow (draft, in review, published, returned). */
export function StateBadge({ state }: { state: string }) {
  const lang = useLang();
  return <span className={`state state--${state}`}>{termLabel('state', state, lang)}</span>;
}

/** The direction of an effect a study found, with a sign that does not rely on colour. */
export function EffectLabel({ effect }: { effect: string }) {
  const lang = useLang();
  const sign =
    effect === 'positive'
      ? '+'
      : effect === 'negative'
        ? '−'
        : effect === 'mixed'
          ? '±'
          : effect === 'no_effect'
            ? '0'
            : '?';
  return (
    <span className={`effect effect--${effect}`}>
      <span className="effect__sign" aria-hidden="true">
        {sign}
      </span>
      {termLabel('effect', effect, lang)}
    </span>
  );
}
