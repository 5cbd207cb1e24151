import { useTranslation } from 'react-i18next';
import { settingLabel, useSettingItems } from '../../db/use-settings';
import { SelectField } from '../../ui/fields';

/** Lead source, from the list the Sales Manager configures; an unknown stored value still shows. */
export function LeadSourceField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const items = useSettingItems('lead-sources');
  const options = [
    { value: '', label: t('common.none') },
    ...items.map((i) => ({ value: i.key, label: settingLabel(t, 'lead-sources', i) })),
    ...(value && !items.some((i) => i.key === value) ? [{ value, label: value }] : []),
  ];
  return <SelectField label={label} value={value} onChange={onChange} options={options} />;
}
