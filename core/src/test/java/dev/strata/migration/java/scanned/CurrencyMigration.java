package dev.strata.migration.java.scanned;

import dev.strata.migration.java.BaseJavaMigration;

/** Abstract: a base class in the package is no migration. */
public abstract class CurrencyMigration extends BaseJavaMigration {

}
