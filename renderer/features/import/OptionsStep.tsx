import { useTranslation } from 'react-i18next';
import type { DateOrder, DuplicateMode } from '@domain/csv-import';
import { SUPPORTED_CURRENCIES } from '@domain/money';
import { SelectField } from '../../ui/fields';
import type { WizardCollection } from './import-defaults';

export interface ImportOptionValues {
  duplicates: DuplicateMode;
  createCompanies: boolean;
  dateOrder: DateOrder;
  currency: string;
}

/** Duplicates, missing companies (contacts only), how the file writes dates, the default currency. */
export function OptionsStep(props: {
  collection: WizardCollection;
  values: ImportOptionValues;
  onChange: (patch: Partial<ImportOptionValues>) => void;
}) {
  const { t } = useTranslation();
  const { values, onChange } = props;
  return (
    <>
      <fieldset className="import-options">
        <legend>{t(props.collection === 'deals' ? 'csv.duplicatesDeals' : 'csv.duplicates')}</legend>
        {(['skip', 'update', 'create'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="import-duplicates"
              checked={values.duplicates === mode}
              onChange={() => onChange({ duplicates: mode })}
            />{' '}
            {t(`csv.duplicateModes.${mode}`)}
          </label>
        ))}
      </fieldset>
      {props.collection === 'contacts' && (
        <label>
          <input
            type="checkbox"
            checked={values.createCompanies}
            onChange={(e) => onChange({ createCompanies: e.target.checked })}
          />{' '}
          {t('csv.createCompanies')}
        </label>
      )}
      <SelectField
        label={t('csv.dateOrder')}
        value={values.dateOrder}
        onChange={(value) => onChange({ dateOrder: value as DateOrder })}
        options={(['ISO', 'DMY', 'MDY'] as const).map((o) => ({ value: o, label: t(`csv.dateOrders.${o}`) }))}
      />
      <SelectField
        label={t('csv.currency')}
        value={values.currency}
        onChange={(currency) => onChange({ currency })}
        options={SUPPORTED_CURRENCIES.map((c) => ({ value: c, label: c }))}
      />
    </>
  );
}
