/**
 * Stage 2 of the pipeline: a PostgreSQL lexer and statement splitter.
 */
@NullMarked
package dev.strata.sql;

import org.jspecify.annotations.NullMarked;
