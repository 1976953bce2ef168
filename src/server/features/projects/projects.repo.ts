import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/open-database.js';
import { projects } from '../../../db/schema/index.js';

export type ProjectRow = typeof projects.$inferSelect;

export const selectProjects = (tx: Tx) => tx.select().from(projects).orderBy(asc(projects.startsOn), asc(projects.code));
export const selectActiveProjects = (tx: Tx) => tx.select().from(projects).where(eq(projects.active, true)).orderBy(asc(projects.code));

export async function selectProject(tx: Tx, id: string): Promise<ProjectRow | undefined> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id));
  return row;
}

export async function selectProjectByCode(tx: Tx, code: string): Promise<ProjectRow | undefined> {
  const [row] = await tx.select().from(projects).where(eq(projects.code, code));
  return row;
}

/** Inserts a project; undefined when the code is taken, also by a concurrent insert. */
export async function insertProject(tx: Tx, values: typeof projects.$inferInsert): Promise<ProjectRow | undefined> {
  const [row] = await tx.insert(projects).values(values).onConflictDoNothing({ target: projects.code }).returning();
  return row;
}

export async function updateProjectRow(tx: Tx, id: string, values: Partial<typeof projects.$inferInsert>) {
  const [row] = await tx
    .update(projects)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(projects.id, id))
    .returning();
  return row;
}
