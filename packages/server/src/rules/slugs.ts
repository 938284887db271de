// Application slugs are always `<org handle>/<app name>`, lower-cased.
import type { Tx } from './hook-utils.js';

/**
 * Recomputes the slug of the given applications from their organization's handle and their name.
 * @param tx the request's transaction
 * @param applicationIds the applications to update
 * @throws the database error (a colliding slug surfaces as a unique-constraint conflict)
 * @example
 * await recomputeSlugs(tx, [12]);
 */
export async function recomputeSlugs(tx: Tx, applicationIds: number[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await tx.executeSql(
    `UPDATE "application" AS a SET "slug" = lower(o."handle" || '/' || a."app name")
     FROM "organization" AS o
     WHERE o."id" = a."organization" AND a."id" = ANY($1::integer[])`,
    [applicationIds],
  );
}
