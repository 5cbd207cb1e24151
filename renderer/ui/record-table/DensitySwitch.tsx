import { useTranslation } from 'react-i18next';
import { DENSITIES, type Density } from '@domain/schemas/saved-view';

/** Compact or comfortable rows, as two radio buttons. */
export function DensitySwitch({ density, onChange }: { density: Density; onChange: (density: Density) => void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('recordTable.density.label')}>
      {DENSITIES.map((d) => (
        <label key={d} className={d === density ? 'segmented-on' : undefined}>
          <input type="radio" name="record-table-density" checked={d === density} onChange={() => onChange(d)} />
          {t(`recordTable.density.${d}`)}
        </label>
      ))}
    </div>
  );
}
