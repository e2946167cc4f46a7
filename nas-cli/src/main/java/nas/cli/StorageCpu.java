package nas.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What storing an evolution costs in CPU, part by part, from a stored run ({@code nas evolve}'s own split of its
 * CPU, its process's total and the storage server's) and the same evolution run in memory. Each storage part is
 * measured where it is spent, so it does not carry the noise of the two totals; what the two runs have in common
 * (evaluation, breeding) is kept apart as a check: the storage parts plus the differences of the common work make
 * the difference of the totals exactly.
 *
 * @param stored       the stored run's split, as {@code nas evolve} printed it
 * @param storedCpu    the stored run's process CPU seconds, start to end (opening the store included)
 * @param serverCpu    the storage server's CPU seconds (the whole process)
 * @param memory       the in-memory run's CPU seconds, split alike
 */
record StorageCpu(Stored stored, double storedCpu, double serverCpu, Memory memory) {

    /** The parts, in the order {@link #parts()} gives them. */
    static final List<String> PARTS = List.of(
            "frames simulated again (the chosen creatures)",
            "writer thread (genomes, frames, requests)",
            "parallel helpers (encoding, diversity)",
            "on the run's thread (diversity, checkpoint state)",
            "storage server (the whole process)",
            "JVM compiler and GC beyond the in-memory run's",
            "start and end (opening the store, the run's row)");

    /**
     * {@code nas evolve}'s split of its CPU seconds over the run (its {@code cpu:} line); the parts add up to
     * {@code process}.
     */
    record Stored(double evaluation, double recording, double rest, double runThread, double writer, double helpers,
            double jvm, double process) {

        private static final Pattern LINE = Pattern.compile("cpu: evaluation (\\S+) s, frames simulated again (\\S+) s, "
                + "breeding and the rest (\\S+) s, storing on the run's thread (\\S+) s, writer (\\S+) s, parallel "
                + "helpers (\\S+) s, JVM \\(compiler, GC\\) (\\S+) s; process (\\S+) s");

        /** The split in {@code nas evolve}'s messages, or null if they have none. */
        static Stored find(String messages) {
            Matcher m = LINE.matcher(messages);
            if (!m.find()) {
                return null;
            }
            double[] v = new double[8];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(m.group(i + 1));
            }
            return new Stored(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        }
    }

    /** The in-memory run's CPU seconds: the evaluator's threads, the others (breeding), the JVM's own. */
    record Memory(double wall, double process, double evaluation, double rest, double jvm) {
    }

    /** Storage's parts in CPU seconds, in the order of {@link #PARTS}. */
    double[] parts() {
        return new double[] {stored.recording(), stored.writer(), stored.helpers(), stored.runThread(), serverCpu,
            stored.jvm() - memory.jvm(), storedCpu - stored.process()};
    }

    double partsSum() {
        double sum = 0;
        for (double p : parts()) {
            sum += p;
        }
        return sum;
    }

    /** The difference of the totals over the in-memory run's: the figure the bound is stated in. */
    double onTop() {
        return (storedCpu + serverCpu - memory.process()) / memory.process();
    }

    /** The sum of the parts over the in-memory run's CPU. */
    double partsOnTop() {
        return partsSum() / memory.process();
    }

    /**
     * The in-memory run's CPU as the stored run's conditions made it: the stored run's own evaluation and breeding,
     * measured alongside its storage parts, and the in-memory run's JVM time (compiler, GC of the simulator alone).
     */
    double ownSimulation() {
        return stored.evaluation() + stored.rest() + memory.jvm();
    }

    /**
     * The sum of the parts over {@link #ownSimulation}: both measured in the same processes at the same time, so
     * a busy machine, which makes every CPU-second of work longer, moves both alike. It leaves out whatever storing
     * makes the evaluation itself cost (threads competing for the cores and caches): that lands in the denominator.
     */
    double partsOnOwnSimulation() {
        return partsSum() / ownSimulation();
    }

    /** Evaluation of the stored run less the in-memory run's: the same work, so only noise. */
    double evaluationDifference() {
        return stored.evaluation() - memory.evaluation();
    }

    /** Breeding and the rest of the stored run's own threads less the in-memory run's: the same work too. */
    double restDifference() {
        return stored.rest() - memory.rest();
    }
}
