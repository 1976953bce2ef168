import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/forms/select-field.js';
import { usePartners } from '../api/find-partners.js';

type PartnerPickerProps = {
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  label: string;
  description?: string;
  required?: boolean;
};

/** Picks an active partner by searching the directory as the user types (name, services, municipality). */
export function PartnerPicker({ value, onChange, error, label, description, required }: PartnerPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const partners = usePartners({ q: query || undefined, limit: 20 });
  // The chosen partner stays an option whatever the next search finds, so its name stays shown.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const found = (partners.data?.items ?? []).map((partner) => ({
    value: partner.id,
    label: partner.municipality ? `${partner.name} (${partner.municipality})` : partner.name,
  }));
  const data = chosen && !found.some((option) => option.value === chosen.value) ? [chosen, ...found] : found;

  return (
    <SelectField
      label={label}
      description={description}
      required={required}
      error={error}
      searchable
      clearable
      data={data}
      // The directory has already searched; the list shows what it found.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value ?? null}
      onChange={(next, option) => {
        setChosen(next ? option : null);
        onChange(next);
      }}
      nothingFoundMessage={partners.isFetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={t('referrals.partnerPlaceholder')}
    />
  );
}
