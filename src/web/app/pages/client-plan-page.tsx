import { PlanSection } from '../../features/plans/index.js';
import { useCan, useSession } from '../session/session-context.js';
import { useClientRecord } from './client-record-layout.js';
import { ForbiddenPage } from './forbidden-page.js';

/**
 * The individual plan section of a client's record: the open plan, its goals and reviews, and earlier
 * plans. It checks its permission itself, so that the record reaches it through the layout's outlet.
 */
export function ClientPlanPage() {
  const client = useClientRecord();
  const me = useSession();
  const canRead = useCan('counselling.read');
  const canWrite = useCan('counselling.write');
  if (!canRead) return <ForbiddenPage />;
  return <PlanSection client={client} myId={me.id} canWrite={canWrite} />;
}
