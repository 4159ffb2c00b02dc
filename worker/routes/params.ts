/**
 * Path parameters shared by the routes. A value that cannot be an id answers 404, like an
 * id that names nothing (UNKNOWN_PARAM), so ids reveal nothing either way.
 */
import * as v from 'valibot';
import { UNKNOWN_PARAM } from '../route';

/**
 * What our ids look like: UUIDs, the seeded `seed-ca-01`-style ids, hex — letters, digits,
 * `-` and `_`, at most 64.
 */
export const ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;

/** An id in a path. */
export const IdParam = v.pipe(v.string(), v.regex(ID_PATTERN, UNKNOWN_PARAM), v.description('An id: letters, digits, - and _, at most 64; anything else is an unknown id (404).'));

/** `:id` alone, the most common path. */
export const ById = v.object({ id: IdParam });
