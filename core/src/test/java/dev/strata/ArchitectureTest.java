package dev.strata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
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
			"plan", "execute", "callback", "drift", "status");

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
	 * The public API is closed: what a package outside {@code ..internal..} makes public
	 * (types, and the members of public types) names no internal type, so a user never
	 * needs one. Internal packages are free to change.
	 */
	@Test
	void publicApiNamesNoInternalType() {
		List<String> leaks = new ArrayList<>();
		for (JavaClass type : CORE) {
			if (isInternal(type) || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
				continue;
			}
			for (JavaMember member : type.getMembers()) {
				if (!member.getModifiers().contains(JavaModifier.PUBLIC)) {
					continue;
				}
				List<JavaClass> used = new ArrayList<>();
				if (member instanceof JavaField field) {
					used.add(field.getRawType());
				}
				if (member instanceof JavaCodeUnit unit) {
					used.add(unit.getRawReturnType());
					used.addAll(unit.getRawParameterTypes());
				}
				for (JavaClass usedType : used) {
					if (isInternal(usedType.getBaseComponentType())) {
						leaks.add(member.getFullName() + " uses " + usedType.getName());
					}
				}
			}
			JavaClass parent = type.getRawSuperclass().orElse(null);
			if (parent != null && isInternal(parent)) {
				leaks.add(type.getName() + " extends " + parent.getName());
			}
		}
		assertThat(leaks).isEmpty();
	}

	private static boolean isInternal(JavaClass type) {
		return type.getPackageName().startsWith("dev.strata.")
				&& (type.getPackageName().endsWith(".internal") || type.getPackageName().contains(".internal."));
	}

	/**
	 * Edges against the pipeline's order that exist today: none. An edge that must exist
	 * is named here, with why.
	 */
	private static boolean knownEdge(String from, String to) {
		return false;
	}

}
