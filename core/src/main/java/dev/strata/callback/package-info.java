/**
 * Callbacks: work that runs at fixed points of a {@code migrate} run and is not a
 * migration (refreshing grants or a materialized view after every run). Flyway's SQL
 * callback files at the migration locations ({@code afterMigrate.sql},
 * {@code afterMigrate__refresh_grants.sql}, …) and {@link StrataCallback}s registered on
 * the configuration (in a Spring application, every such bean) run at the
 * {@link CallbackEvent}s, are judged by the guard like migrations, are logged, and leave
 * no row in the history.
 */
@NullMarked
package dev.strata.callback;

import org.jspecify.annotations.NullMarked;
