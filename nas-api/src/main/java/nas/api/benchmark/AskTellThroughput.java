package nas.api.benchmark;

import java.lang.management.ManagementFactory;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.sampler.RandomSampler;
import nas.api.storage.Storage;

/**
 * What the framework itself costs per trial: ask, ten float suggestions from the random sampler,
 * tell — the objective is a sum. Wall time on a busy machine includes waiting for a core, so the
 * process CPU time is reported too; trials per CPU-second estimates the rate on an idle machine.
 *
 * @param trials      trials run
 * @param seconds     wall-clock time
 * @param cpuSeconds  CPU time of the whole process (all threads) meanwhile
 */
public record AskTellThroughput(int trials, double seconds, double cpuSeconds) {

    /**
     * Trials per wall-clock second.
     *
     * @return trials per wall-clock second
     */
    public double trialsPerSecond() {
        return trials / seconds;
    }

    /**
     * Trials per CPU-second of the process.
     *
     * @return trials per CPU-second of the process
     */
    public double trialsPerCpuSecond() {
        return trials / cpuSeconds;
    }

    /**
     * Runs {@code trials} ask/tell cycles in a new study of {@code storage}.
     *
     * @param storage the storage
     * @param studyName the study's name
     * @param trials the number of ask/tell cycles
     * @return the wall and CPU time the cycles took
     */
    public static AskTellThroughput measure(Storage storage, String studyName, int trials) {
        Study study = Studies.builder(studyName).storage(storage).sampler(new RandomSampler(1)).create();
        String[] names = new String[10];
        for (int p = 0; p < names.length; p++) {
            names[p] = "x" + p;
        }
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        for (int i = 0; i < trials; i++) {
            Trial t = study.ask();
            double s = 0;
            for (String name : names) {
                s += t.suggestFloat(name, -5, 5);
            }
            study.tell(t, s);
        }
        return new AskTellThroughput(trials, (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%,d trials in %.2f s = %,.0f trials/s (%.1f µs/trial); "
                + "process CPU %.2f s = %,.0f trials per CPU-second", trials, seconds, trialsPerSecond(),
                1e6 * seconds / trials, cpuSeconds, trialsPerCpuSecond());
    }
}
