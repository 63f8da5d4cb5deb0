import type { Work } from '@baiying/kernel';

/** A call as stored. */
export type CallRow = NonNullable<Awaited<ReturnType<Work['repos']['calls']['byId']>>>;
