package ai.pace42.garmin.bench;

/** Runs the garmin-client benchmarks: see garmin-client/PERFORMANCE.md for the command line. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[]{"ai.pace42.garmin.bench"});
    }
}
