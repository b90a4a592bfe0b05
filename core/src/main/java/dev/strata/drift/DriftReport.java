package dev.strata.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a drift check found: the state, the stored snapshot it compared with, and each
 * object added, removed or changed since.
 *
 * @param state the outcome
 * @param message one sentence saying what the state means here (why a re-baseline is
 * needed, …)
 * @param schemas the schemas checked
 * @param checkedAt when the check ran
 * @param duration how long it took
 * @param serverVersionNum the live server's {@code server_version_num}
 * @param snapshot the stored snapshot, {@code null} when there is none
 * @param changes the differences, ordered by kind and identity; empty unless
 * {@link DriftState#DRIFTED}
 */
public record DriftReport(DriftState state, String message, List<String> schemas, Instant checkedAt, Duration duration,
		int serverVersionNum, @Nullable SnapshotInfo snapshot, List<ObjectChange> changes) {

	public DriftReport {
		schemas = List.copyOf(schemas);
		changes = List.copyOf(changes);
	}

	public boolean drifted() {
		return this.state == DriftState.DRIFTED;
	}

	/**
	 * The change of one object (for a column: {@code kind} TABLE and the table's
	 * identity, then {@link ObjectChange#column}).
	 */
	public Optional<ObjectChange> change(ObjectKind kind, String identity) {
		return this.changes.stream()
			.filter((change) -> change.kind() == kind && change.identity().equals(identity))
			.findFirst();
	}

	/** Objects that differ, columns of a changed table counted once per column. */
	public int changedObjects() {
		int count = 0;
		for (ObjectChange change : this.changes) {
			count += (change.change() == ChangeType.CHANGED && change.attributes().isEmpty()) ? change.columns().size()
					: 1;
		}
		return count;
	}

	/** A few lines for the log: the state and one line per object. */
	public String describe() {
		StringBuilder text = new StringBuilder(this.message);
		for (ObjectChange change : this.changes) {
			text.append("\n  ")
				.append(symbol(change.change()))
				.append(' ')
				.append(change.kind().label())
				.append(' ')
				.append(change.identity());
			String details = details(change);
			if (!details.isEmpty()) {
				text.append(": ").append(details);
			}
		}
		return text.toString();
	}

	private static String details(ObjectChange change) {
		StringBuilder details = new StringBuilder();
		for (AttributeChange attribute : change.attributes()) {
			separate(details).append(attribute.name());
			if (attribute.diff() != null) {
				details.append(" changed");
			}
			else {
				details.append(' ').append(value(attribute.before())).append(" -> ").append(value(attribute.after()));
			}
		}
		for (ObjectChange column : change.columns()) {
			separate(details).append("column ").append(column.identity());
			if (column.change() != ChangeType.CHANGED) {
				details.append(' ').append(column.change().name().toLowerCase(java.util.Locale.ROOT));
			}
			else {
				details.append(' ').append(details(column));
			}
		}
		return details.toString();
	}

	private static StringBuilder separate(StringBuilder details) {
		return details.isEmpty() ? details : details.append("; ");
	}

	private static String value(@Nullable String value) {
		return (value != null) ? value : "(none)";
	}

	private static char symbol(ChangeType change) {
		return switch (change) {
			case ADDED -> '+';
			case REMOVED -> '-';
			case CHANGED -> '~';
		};
	}

}
