import type { Actor } from '../../http/context.js';

/**
 * Coordinators look after the whole team's work: My day shows them the tasks nobody is assigned to
 * and every expiring permit, not only their own.
 */
export function seesTeamWork(actor: Actor): boolean {
  return actor.roles.includes('coordinator');
}
