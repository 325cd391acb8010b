package ai.pace42.garmin.files;

/** Hears how far an import of many files has got, so a long one can tell the runner (the caller decides how often). */
@FunctionalInterface
public interface ImportProgress {

    /**
     * After each file of an archive.
     *
     * @param done  files read so far
     * @param known files found so far in the archives opened (grows as part zips open); 0 when not known
     */
    void read(int done, int known);

    static ImportProgress none() {
        return (done, known) -> { };
    }
}
