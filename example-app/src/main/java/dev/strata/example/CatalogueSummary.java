package dev.strata.example;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Logs the size of the catalogue once the application is up. It needs the migrated
 * schema, which is why a migrator run must never reach it (see the migrator tests).
 */
@Component
public class CatalogueSummary implements ApplicationRunner {

	static final String LOG_PREFIX = "Catalogue:";

	private static final Log logger = LogFactory.getLog(CatalogueSummary.class);

	private final LibraryRepository library;

	public CatalogueSummary(LibraryRepository library) {
		this.library = library;
	}

	@Override
	public void run(ApplicationArguments args) {
		logger.info(LOG_PREFIX + " " + this.library.catalogue().size() + " books");
	}

}
