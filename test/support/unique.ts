let sequence = 0;

/** A tag no other call makes, in this run or another: integration files share one database. */
export const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`.toUpperCase();
