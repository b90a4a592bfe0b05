package dev.strata.archive;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;

/**
 * An archive that Strata will not make (more rows than {@code strata.archive.max-rows})
 * or a restore that would overwrite something: nothing was changed.
 */
public class ArchiveRefusedException extends StrataException {

	public ArchiveRefusedException(String message) {
		super(ErrorCategory.REFUSED, message);
	}

}
