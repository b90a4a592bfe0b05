/**
 * Stage 1 of the pipeline: finds migration files at locations, parses their names, reads
 * them as UTF-8, computes line-ending independent checksums and reads {@code strata:}
 * directives.
 */
@NullMarked
package dev.strata.source;

import org.jspecify.annotations.NullMarked;
