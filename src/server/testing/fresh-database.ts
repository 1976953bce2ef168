/** Databases made for `freshDatabase` tests on PostgreSQL are named with this prefix; global setup drops leftovers. */
export const freshDatabasePrefix = 'integra_test_';
