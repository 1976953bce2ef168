import type { ProjectResponse, TargetGroupRule } from '../../../../shared/index.js';
import { toNullableText } from '../../../components/forms/text-value.js';

export type ProjectFormValues = {
  code: string;
  name: string;
  funder: string;
  startsOn: string | null;
  endsOn: string | null;
  active: boolean;
  description: string;
  targetGroup: Omit<TargetGroupRule, 'regionCode' | 'residenceCategories'> & { residenceCategories: string[]; regionCode: string | null };
};

/** The usual AMIF target group: third-country nationals with a qualifying, valid residence, in the centre's region. */
export function toProjectFormValues(project: ProjectResponse | null, regionCode: string): ProjectFormValues {
  if (project) {
    return {
      code: project.code,
      name: project.name,
      funder: project.funder,
      startsOn: project.startsOn,
      endsOn: project.endsOn,
      active: project.active,
      description: project.description ?? '',
      targetGroup: { ...project.targetGroup, residenceCategories: [...project.targetGroup.residenceCategories] },
    };
  }
  return {
    code: '',
    name: '',
    funder: '',
    startsOn: null,
    endsOn: null,
    active: true,
    description: '',
    targetGroup: {
      thirdCountryNationals: true,
      euCitizens: false,
      ukrainiansAnyStatus: false,
      residenceCategories: [
        'long_term_visa',
        'long_term_residence',
        'permanent_residence',
        'asylum',
        'subsidiary_protection',
        'temporary_protection',
        'special_long_term_residence',
      ],
      requireValidResidence: true,
      regionCode,
    },
  };
}

export function toProjectPayload(values: ProjectFormValues) {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    funder: values.funder.trim(),
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? '',
    active: values.active,
    description: toNullableText(values.description),
    targetGroup: { ...values.targetGroup, regionCode: values.targetGroup.regionCode || null },
  };
}
