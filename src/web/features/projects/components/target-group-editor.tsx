import { Checkbox, Fieldset, SimpleGrid, Stack } from '@mantine/core';
import type { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type RegionCode, regionCodes, residenceCategories } from '../../../../shared/index.js';
import { MultiSelectField, SelectField } from '../../../components/forms/select-field.js';
import { useFormat } from '../../../components/intl/use-format.js';
import type { ProjectFormValues } from './project-form-values.js';

/** The target-group rule of a project: who is admitted, with which residence, from where. */
// The form package's own return type does not resolve under NodeNext, so it is derived from useForm.
type ProjectForm = Pick<ReturnType<typeof useForm<ProjectFormValues>>, 'getInputProps'>;

export function TargetGroupEditor({ form }: { form: ProjectForm }) {
  const { t } = useTranslation();
  const { compareText } = useFormat();
  const regionOptions = useMemo(
    () =>
      regionCodes.map((code) => ({ value: code, label: t(`region.${code as RegionCode}`) })).sort((a, b) => compareText(a.label, b.label)),
    [t, compareText],
  );
  const categoryOptions = residenceCategories.map((code) => ({ value: code, label: t(`residenceCategory.${code}`) }));

  return (
    <Fieldset legend={t('projects.targetGroup')} variant="default">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Checkbox
            label={t('projects.rule.thirdCountryNationals')}
            {...form.getInputProps('targetGroup.thirdCountryNationals', { type: 'checkbox' })}
          />
          <Checkbox label={t('projects.rule.euCitizens')} {...form.getInputProps('targetGroup.euCitizens', { type: 'checkbox' })} />
          <Checkbox
            label={t('projects.rule.ukrainiansAnyStatus')}
            {...form.getInputProps('targetGroup.ukrainiansAnyStatus', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('projects.rule.requireValidResidence')}
            {...form.getInputProps('targetGroup.requireValidResidence', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <MultiSelectField
          label={t('projects.rule.residenceCategories')}
          description={t('projects.rule.residenceCategoriesHint')}
          data={categoryOptions}
          searchable
          clearable
          {...form.getInputProps('targetGroup.residenceCategories')}
        />
        <SelectField
          label={t('projects.rule.region')}
          description={t('projects.rule.regionHint')}
          data={regionOptions}
          searchable
          clearable
          placeholder={t('projects.rule.anywhere')}
          {...form.getInputProps('targetGroup.regionCode')}
        />
      </Stack>
    </Fieldset>
  );
}
