import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's Select with its clear button and empty-search message in the UI language. */
export function SelectField(props: SelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
      clearButtonProps={{ 'aria-label': t('common.clearField'), ...props.clearButtonProps }}
    />
  );
}

/** Mantine's MultiSelect with its clear button and empty-search message in the UI language. */
export function MultiSelectField(props: MultiSelectProps) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      nothingFoundMessage={t('common.nothingFound')}
      hidePickedOptions
      {...props}
      clearButtonProps={{ 'aria-label': t('common.clearField'), ...props.clearButtonProps }}
    />
  );
}
