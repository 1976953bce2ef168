import { ReferralsSection } from '../../features/partners/index.js';
import { useCan } from '../session/session-context.js';
import { useClientRecord } from './client-record-layout.js';

/** A client's referrals to partner organisations. */
export function ClientReferralsPage() {
  const client = useClientRecord();
  return <ReferralsSection client={client} canWrite={useCan('counselling.write')} />;
}
