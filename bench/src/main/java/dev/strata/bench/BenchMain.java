package dev.strata.bench;

/** Entry point of the benchmark run (the harness follows). */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) {
		System.out.println("The benchmark harness is not assembled yet.");
	}

}
