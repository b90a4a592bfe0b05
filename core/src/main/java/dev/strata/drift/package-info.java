/**
 * Stage 7: schema drift. A canonical snapshot of the managed schemas taken from
 * {@code pg_catalog} with PostgreSQL's own deparsers, stored next to the history after
 * every run that changed something, and compared with the live catalog: first by one
 * total hash computed by the server, object by object only when the hashes differ.
 */
@NullMarked
package dev.strata.drift;

import org.jspecify.annotations.NullMarked;
