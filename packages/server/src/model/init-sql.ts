// SQL run once, when the v7 model is first created in a database.

/**
 * pinejs creates the Auth tables (user, actor, api key, ...) from its own Auth model before ours,
 * so `CREATE TABLE IF NOT EXISTS` leaves out the columns only the balena model declares on `user`.
 */
export const USER_TABLE_EXTENSIONS_SQL = `
ALTER TABLE "user" ADD COLUMN IF NOT EXISTS "jwt secret" VARCHAR(255) NULL;
ALTER TABLE "user" ADD COLUMN IF NOT EXISTS "email" TEXT NULL;
ALTER TABLE "user" ADD COLUMN IF NOT EXISTS "has legacy link to-organization" INTEGER NULL
  REFERENCES "organization" ("id");
`;
