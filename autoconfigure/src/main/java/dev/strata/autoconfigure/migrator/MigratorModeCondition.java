package dev.strata.autoconfigure.migrator;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the application runs as a migrator (see {@link MigratorMode}). */
public class MigratorModeCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return MigratorMode.isActive(context.getEnvironment())
				? ConditionOutcome.match("migrator mode is on (profile 'migrator' or strata.migrator.enabled=true)")
				: ConditionOutcome.noMatch("migrator mode is off");
	}

	/** Matches when the application does not run as a migrator. */
	public static class Off extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return MigratorMode.isActive(context.getEnvironment()) ? ConditionOutcome.noMatch("migrator mode is on")
					: ConditionOutcome.match("migrator mode is off");
		}

	}

}
