/** Placeholder: the issue that owns this area adds its tables here. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UserTables {}
