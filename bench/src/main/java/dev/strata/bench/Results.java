package dev.strata.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every measured value of a run, in the order measured, plus notes for the report. */
final class Results {

	private final Map<String, Series> series = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	/** The series for one scenario, size and contestant, created on first use. */
	Series series(String scenario, String size, String contestant, String unit) {
		return this.series.computeIfAbsent(scenario + "|" + size + "|" + contestant,
				(key) -> new Series(scenario, size, contestant, unit, new ArrayList<>()));
	}

	Optional<Series> find(String scenario, String size, String contestant) {
		return Optional.ofNullable(this.series.get(scenario + "|" + size + "|" + contestant));
	}

	List<Series> all() {
		return List.copyOf(this.series.values());
	}

	void note(String note) {
		this.notes.add(note);
	}

	List<String> notes() {
		return List.copyOf(this.notes);
	}

	/**
	 * The measured values of one contestant in one scenario and size; value {@code i} was
	 * measured in round {@code i}, next to value {@code i} of the other contestants.
	 */
	record Series(String scenario, String size, String contestant, String unit, List<Double> values) {

		void add(double value) {
			this.values.add(value);
		}

		Summary summary() {
			return Summary.of(this.values);
		}

		/**
		 * Ratios to another series round by round, when both have the same number of
		 * values.
		 */
		Optional<Summary> ratioTo(Series reference) {
			if (reference.values.size() != this.values.size() || this.values.isEmpty()) {
				return Optional.empty();
			}
			List<Double> ratios = new ArrayList<>();
			for (int i = 0; i < this.values.size(); i++) {
				ratios.add(this.values.get(i) / reference.values.get(i));
			}
			return Optional.of(Summary.of(ratios));
		}

	}

	/** Median with minimum and maximum. */
	record Summary(double median, double min, double max, int count) {

		static Summary of(List<Double> values) {
			double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			if (sorted.length == 0) {
				return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
			}
			int middle = sorted.length / 2;
			double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
			return new Summary(median, sorted[0], sorted[sorted.length - 1], sorted.length);
		}

		@Override
		public String toString() {
			return Arrays.toString(new double[] { this.median, this.min, this.max });
		}

	}

}
