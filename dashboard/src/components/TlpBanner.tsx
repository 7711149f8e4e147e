import { useTranslation } from 'react-i18next';
import type { Tlp } from '../gql/graphql.ts';

/** The label as TLP 2.0 writes it: capitals, no spaces, never translated. */
export const tlpLabel = (tlp: Tlp): string => `TLP:${tlp.replace('_', '+')}`;

/**
 * The TLP 2.0 marking of a record: the label in FIRST's colour on black (RED #FF2B2B, AMBER
 * #FFC000, GREEN #33FF00, CLEAR #FFFFFF), followed by the standard's sharing rule for it.
 */
export function TlpBanner({ tlp }: { tlp: Tlp }) {
  const { t } = useTranslation();
  return (
    <aside className="tlp-banner" aria-label={t('tlp.label')}>
      <strong className={`tlp-label tlp-${tlp.toLowerCase()}`}>{tlpLabel(tlp)}</strong>
      <span>{t(`tlp.${tlp}`)}</span>
    </aside>
  );
}
