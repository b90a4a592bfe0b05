package dev.strata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's layering, held by the build: the stage packages form no cycle, and a stage
 * does not reach into a later one.
 */
class ArchitectureTest {

	/** The pipeline's stages, in order (docs/architecture.md). */
	private static final List<String> STAGES = List.of("targets", "source", "sql", "migration", "guard", "history",
			"plan", "execute", "drift", "status");

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.strata");

	@Test
	void stagePackagesFormNoCycle() {
		slices().matching("dev.strata.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void noStageDependsOnALaterOneBeyondTheKnownEdges() {
		for (int i = 0; i < STAGES.size(); i++) {
			String stage = STAGES.get(i);
			for (String later : STAGES.subList(i + 1, STAGES.size())) {
				if (knownEdge(stage, later)) {
					continue;
				}
				noClasses().that()
					.resideInAPackage("dev.strata." + stage + "..")
					.should()
					.dependOnClassesThat()
					.resideInAPackage("dev.strata." + later + "..")
					.because(stage + " comes before " + later + " in the pipeline")
					.check(CORE);
			}
		}
	}

	/**
	 * Edges against the pipeline's order that exist today: none. An edge that must exist
	 * is named here, with why.
	 */
	private static boolean knownEdge(String from, String to) {
		return false;
	}

}
