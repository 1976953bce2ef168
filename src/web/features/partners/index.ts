export { usePartners } from './api/find-partners.js';
export { useUpdatePartner } from './api/update-partner.js';
export { PartnerDetails } from './components/partner-details.js';
export { PartnerFilters } from './components/partner-filters.js';
export { PartnerForm } from './components/partner-form.js';
export { PartnerTable } from './components/partner-table.js';
export { ReferralsSection } from './components/referrals-section.js';
export { partnerPageSize, usePartnerListState } from './components/use-partner-list-state.js';
