package dev.strata.drift.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import dev.strata.drift.DriftReport;
import dev.strata.drift.DriftState;
import dev.strata.drift.ObjectChange;
import dev.strata.drift.ObjectKind;
import dev.strata.drift.SnapshotInfo;

/**
 * Compares the live schema with the stored snapshot. The regular case costs one query
 * that returns one short row per kind: the server hashes the live catalog kind by kind,
 * and the result is compared with the hashes in the stored header. Only the kinds that
 * differ are then joined object by object with the stored rows, and only differing
 * objects leave the server. Read-only; never takes the migration lock.
 */
public final class DriftChecker {

	private final SnapshotStore store;

	private final SnapshotScope scope;

	public DriftChecker(SnapshotStore store, SnapshotScope scope) {
		this.store = store;
		this.scope = scope;
	}

	/**
	 * Checks on {@code connection}, which must be in autocommit mode.
	 * @param snapshotTableExists whether the snapshot table exists (known from the
	 * command's first catalog query, so a database without a snapshot costs nothing more)
	 */
	public DriftReport check(Connection connection, boolean snapshotTableExists) throws SQLException {
		long start = System.nanoTime();
		Instant checkedAt = Instant.now();
		int serverVersionNum = serverVersionNum(connection);
		if (!snapshotTableExists) {
			return report(DriftState.NO_SNAPSHOT,
					"No schema snapshot is stored yet; the next migrate, baseline or" + " accept-drift takes one.",
					checkedAt, start, serverVersionNum, null, List.of());
		}
		return PinnedSession.read(connection, (c) -> {
			SnapshotStore.Header header = this.store.readHeader(c);
			if (header == null) {
				return report(DriftState.NO_SNAPSHOT,
						"The snapshot table holds no snapshot; the next migrate,"
								+ " baseline or accept-drift takes one.",
						checkedAt, start, serverVersionNum, null, List.of());
			}
			SnapshotInfo snapshot = header.info();
			String incomparable = incomparable(snapshot, serverVersionNum);
			if (incomparable != null) {
				return report(DriftState.REBASELINE_NEEDED, incomparable + " Accept drift to take a new snapshot.",
						checkedAt, start, serverVersionNum, snapshot, List.of());
			}
			Set<ObjectKind> changedKinds = changedKinds(c, header.kindHashes());
			if (changedKinds.isEmpty()) {
				return report(DriftState.NO_DRIFT,
						"The schema matches the snapshot taken at " + snapshot.takenAt() + ".", checkedAt, start,
						serverVersionNum, snapshot, List.of());
			}
			List<ObjectChange> changes = ChangeAssembler.assemble(differences(c, changedKinds));
			if (changes.isEmpty()) {
				return report(DriftState.NO_DRIFT,
						"The schema matches the snapshot taken at " + snapshot.takenAt() + ".", checkedAt, start,
						serverVersionNum, snapshot, List.of());
			}
			return report(DriftState.DRIFTED,
					"Schema drift in " + SnapshotInfo.schemaList(this.scope.schemas()) + " since the snapshot taken at "
							+ snapshot.takenAt() + " (" + snapshot.reason() + "): " + summary(changes),
					checkedAt, start, serverVersionNum, snapshot, changes);
		});
	}

	private @Nullable String incomparable(SnapshotInfo snapshot, int serverVersionNum) {
		if (snapshot.serverMajor() != serverVersionNum / 10000) {
			// another major prints some views, defaults and signatures differently: that
			// is not drift
			return "The snapshot was taken on PostgreSQL " + snapshot.serverMajor() + "; the server now runs "
					+ serverVersionNum / 10000 + ", whose deparsers may print the same schema differently.";
		}
		if (snapshot.formatVersion() != CatalogQuery.FORMAT_VERSION) {
			return "The snapshot has format " + snapshot.formatVersion() + "; this version of Strata uses "
					+ CatalogQuery.FORMAT_VERSION + ".";
		}
		String schemas = SnapshotInfo.schemaList(this.scope.schemas());
		if (!snapshot.schemas().equals(schemas)) {
			return "The snapshot covers schemas " + snapshot.schemas() + "; drift is now configured for " + schemas
					+ ".";
		}
		return null;
	}

	/**
	 * The compared kinds whose live hash differs from the stored one: one query, a row
	 * per kind.
	 */
	private Set<ObjectKind> changedKinds(Connection connection, Map<String, String> stored) throws SQLException {
		String sql = CatalogQuery.objects(this.scope.kinds()) + ", live as (select kind, identity, "
				+ SnapshotStore.OBJECT_HASH + " as hash from obj) select kind, " + SnapshotStore.KIND_HASH
				+ " from live group by kind";
		Map<String, String> live = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			SnapshotStore.bind(statement, CatalogQuery.parameters(this.scope));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					live.put(rs.getString(1), rs.getString(2));
				}
			}
		}
		Set<ObjectKind> changed = EnumSet.noneOf(ObjectKind.class);
		for (ObjectKind kind : this.scope.kinds()) {
			if (!Objects.equals(live.get(kind.label()), stored.get(kind.label()))) {
				changed.add(kind);
			}
		}
		return changed;
	}

	/**
	 * The objects of {@code kinds} whose hash differs, with the stored and the live
	 * definition.
	 */
	private List<ChangeAssembler.Row> differences(Connection connection, Set<ObjectKind> kinds) throws SQLException {
		String sql = CatalogQuery.objects(kinds) + ", live as (select kind collate \"C\" as kind,"
				+ " identity collate \"C\" as identity, definition, " + SnapshotStore.OBJECT_HASH
				+ " as hash from obj)," + " stored as (select kind, identity, definition, hash from "
				+ this.store.qualifiedName() + " where kind = any (?::text[]))"
				+ " select coalesce(l.kind, s.kind), coalesce(l.identity, s.identity), s.definition, l.definition"
				+ " from live l full join stored s on s.kind = l.kind and s.identity = l.identity"
				+ " where l.hash is distinct from s.hash order by 1, 2";
		List<ChangeAssembler.Row> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			List<Object> parameters = new ArrayList<>(CatalogQuery.parameters(this.scope));
			parameters.add(kinds.stream().map(ObjectKind::label).toArray(String[]::new));
			SnapshotStore.bind(statement, parameters);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(new ChangeAssembler.Row(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getString(4)));
				}
			}
		}
		return rows;
	}

	private static String summary(List<ObjectChange> changes) {
		int added = 0;
		int removed = 0;
		int changed = 0;
		for (ObjectChange change : changes) {
			switch (change.change()) {
				case ADDED -> added++;
				case REMOVED -> removed++;
				case CHANGED -> changed++;
			}
		}
		return added + " added, " + removed + " removed, " + changed + " changed.";
	}

	private DriftReport report(DriftState state, String message, Instant checkedAt, long start, int serverVersionNum,
			@Nullable SnapshotInfo snapshot, List<ObjectChange> changes) {
		return new DriftReport(state, message, this.scope.schemas(), checkedAt,
				Duration.ofNanos(System.nanoTime() - start), serverVersionNum, snapshot, changes);
	}

	/** From the connection's startup parameters: no round trip. */
	static int serverVersionNum(Connection connection) throws SQLException {
		var metaData = connection.getMetaData();
		int major = metaData.getDatabaseMajorVersion();
		int minor = metaData.getDatabaseMinorVersion();
		return (major >= 10) ? major * 10000 + minor : major * 10000 + minor * 100;
	}

}
