package dev.strata.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.strata.fleet.FleetResult;
import dev.strata.fleet.FleetView;
import dev.strata.fleet.TenantResult;
import dev.strata.fleet.TenantState;
import dev.strata.report.json.JsonWriter;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /actuator/migrations/tenants} ({@code fleet-status.schema.json}): counts by
 * state, the tenants that need attention and those with pending migrations, each list one
 * page at a time, and the drift checks so far.
 */
public final class FleetViewJson {

	/** The page size when none is asked for. */
	public static final int DEFAULT_PAGE_SIZE = 50;

	/** The largest page served. */
	public static final int MAX_PAGE_SIZE = 500;

	private FleetViewJson() {
	}

	/**
	 * @param page the page of both lists, from 0
	 * @param size tenants per page, at most {@value #MAX_PAGE_SIZE}
	 */
	public static String view(FleetView view, int page, int size) {
		int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		int pageIndex = Math.max(0, page);
		JsonWriter json = new JsonWriter();
		json.beginObject().name("takenAt").value(instant(view.takenAt())).name("tenants").value(view.tenantCount());
		json.name("counts");
		counts(json, view.counts());
		json.name("error").value(view.error()).name("lastRun");
		lastRun(json, view.lastRun());
		json.name("drift").beginObject().name("checked").value(view.drift().size()).name("drifted").beginArray();
		view.drifted().forEach(json::value);
		json.endArray().endObject();
		json.name("problems");
		page(json, view.problems(), pageIndex, pageSize);
		json.name("pending");
		page(json, view.pending(), pageIndex, pageSize);
		return json.endObject().toString();
	}

	private static void counts(JsonWriter json, Map<TenantState, Integer> counts) {
		json.beginObject();
		counts.forEach((state, count) -> json.name(state.name()).value(count));
		json.endObject();
	}

	private static void lastRun(JsonWriter json, @Nullable FleetResult run) {
		if (run == null) {
			json.nullValue();
			return;
		}
		json.beginObject().name("counts");
		counts(json, run.counts());
		json.name("durationMs").value(run.duration().toMillis()).endObject();
	}

	private static void page(JsonWriter json, List<TenantResult> tenants, int page, int size) {
		int from = (int) Math.min((long) page * size, tenants.size());
		int to = Math.min(from + size, tenants.size());
		json.beginObject()
			.name("page")
			.value(page)
			.name("size")
			.value(size)
			.name("total")
			.value(tenants.size())
			.name("items")
			.beginArray();
		tenants.subList(from, to).forEach((tenant) -> FleetJson.tenant(json, tenant));
		json.endArray().endObject();
	}

	private static String instant(Instant instant) {
		return instant.toString();
	}

}
