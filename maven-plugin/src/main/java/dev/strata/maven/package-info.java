/**
 * Strata's Maven plugin: {@code strata:lint} and {@code strata:new} work on the project's
 * migration files alone; {@code strata:validate}, {@code strata:info} and
 * {@code strata:migrate} work on a database given by URL. No Spring: the settings come
 * from the plugin's configuration, then from the project's
 * {@code src/main/resources/application.properties} and {@code application.yml}.
 */
@NullMarked
package dev.strata.maven;

import org.jspecify.annotations.NullMarked;
