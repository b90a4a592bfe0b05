/**
 * The SQL file kind of migration: a file from {@code dev.strata.source}, split by
 * {@code dev.strata.sql}, with its {@code strata:} directives read from its comments, run
 * in one transaction unless a statement or a directive needs it to run outside one.
 */
@NullMarked
package dev.strata.migration.sql;

import org.jspecify.annotations.NullMarked;
