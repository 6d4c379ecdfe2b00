import { CoreSchema1764000000000 } from './1764000000000-core-schema';

/** The one timeline of migrations, oldest first. */
export const MIGRATIONS = [CoreSchema1764000000000];
