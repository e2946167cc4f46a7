package nas.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.artifact.RunArtifacts;
import nas.api.objective.external.ProgramFailure;

/**
 * The pilot's {@code summary.md}: baseline against best, failures by kind, the spread of scores across
 * evaluation seeds, the best parameters and a Go / No-Go verdict with its rule.
 *
 * <p>The rule (the CMA-ES pilot plan's, thresholds adjustable): <b>Go</b> when at most
 * {@code maxFailRate} of the finished trials failed (trials a signal to the search interrupted not counted) and the best trial beats the baseline by at least
 * {@code minImprovement} of the baseline's magnitude <i>plus</i> the seed spread, the larger of the two
 * trials' standard deviations across evaluation seeds (0 with one seed). Otherwise <b>No-Go</b>, with the
 * checks that failed.
 *
 * @param study          the study's name
 * @param direction      its direction
 * @param trials         its trials
 * @param maxFailRate    largest share of failed trials for Go (0.10)
 * @param minImprovement smallest relative improvement beyond the seed spread for Go (0.01)
 */
record PilotSummary(String study, StudyDirection direction, List<FrozenTrial> trials, double maxFailRate,
        double minImprovement) {

    /** Failure kinds in the order shown, with the names people use for them. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("oom", "OOM");
        KINDS.put("nan", "NaN");
        KINDS.put("time-out", "time-out");
        KINDS.put("exit-code", "exit code");
        KINDS.put("missing-file", "missing result file");
        KINDS.put("malformed", "malformed result");
        KINDS.put("no-result", "no result line");
        KINDS.put("start", "cannot start");
        KINDS.put("interrupted", "interrupted or killed");
        KINDS.put("other", "other");
    }

    /** The verdict: go or not, and why. */
    record Verdict(boolean go, List<String> checks) {
    }

    /** The kind of a failed trial: its recorded kind, else read from its reason. */
    static String kind(FrozenTrial t) {
        if (t.userAttrs().get(ProgramFailure.ATTR) instanceof String k && KINDS.containsKey(k)) {
            return k;
        }
        String reason = String.valueOf(t.systemAttrs().get(FrozenTrial.FAIL_REASON)).toLowerCase(Locale.ROOT);
        if (reason.contains("stale heartbeat") || reason.contains("interrupted")) {
            return "interrupted";
        }
        if (reason.contains("outofmemory") || reason.contains("out of memory") || reason.contains("memoryerror")) {
            return "oom";
        }
        if (reason.matches("(?s).*\\b(nan|infinity|infinite)\\b.*")) {
            return "nan";
        }
        return "other";
    }

    FrozenTrial baseline() {
        return trials.stream().filter(t -> Boolean.TRUE.equals(t.userAttrs().get(RunArtifacts.BASELINE_ATTR)))
                .findFirst().orElse(null);
    }

    FrozenTrial best() {
        FrozenTrial best = null;
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && (best == null || direction.isBetter(t.value(), best.value()))) {
                best = t;
            }
        }
        return best;
    }

    List<FrozenTrial> finished() {
        return trials.stream().filter(t -> t.state().isFinished()).toList();
    }

    List<FrozenTrial> failed() {
        return trials.stream().filter(t -> t.state() == TrialState.FAIL).toList();
    }

    /** The trial's standard deviation across evaluation seeds; 0 when it ran with one seed. */
    static double seedStd(FrozenTrial t) {
        return t != null && t.userAttrs().get("eval_seed_std") instanceof Number n ? n.doubleValue() : 0;
    }

    /** Baseline minus best, in the direction's favour (positive when the best is better). */
    static double gain(StudyDirection direction, double baseline, double best) {
        return direction == StudyDirection.MINIMIZE ? baseline - best : best - baseline;
    }

    /**
     * Whether a signal to the search (Ctrl-C, SIGTERM, SIGHUP) failed the trial: the user stopped it, so it says
     * nothing of the program's reliability.
     */
    static boolean stoppedBySignal(FrozenTrial t) {
        return t.state() == TrialState.FAIL
                && String.valueOf(t.systemAttrs().get(FrozenTrial.FAIL_REASON)).startsWith(SearchInterrupts.REASON);
    }

    Verdict verdict() {
        List<String> checks = new ArrayList<>();
        List<FrozenTrial> counted = finished().stream().filter(t -> !stoppedBySignal(t)).toList();
        int finished = counted.size();
        long failed = counted.stream().filter(t -> t.state() == TrialState.FAIL).count();
        int stopped = finished().size() - finished;
        double rate = finished == 0 ? 1 : (double) failed / finished;
        boolean reliable = finished > 0 && rate <= maxFailRate + 1e-12;
        String uncounted = stopped == 0 ? "" : "; " + stopped + " interrupted by a signal not counted";
        if (finished == 0) {
            // no share of nothing: "0 of 0 finished trials (100.0%)" read as if every trial had failed
            checks.add("✘ failures: no finished trial to judge the program's reliability by" + uncounted);
        } else {
            checks.add(String.format(Locale.ROOT, "%s failures: %d of %d finished trials (%s) %s %s%s",
                    reliable ? "✔" : "✘", failed, finished, pct(rate), reliable ? "≤" : ">", pct(maxFailRate),
                    uncounted));
        }
        FrozenTrial baseline = baseline();
        FrozenTrial best = best();
        boolean better;
        if (baseline == null || baseline.state() != TrialState.COMPLETE) {
            better = false;
            checks.add(baseline == null ? "✘ no baseline trial: run the search with --baseline"
                    : "✘ the baseline trial " + baseline.number() + " did not complete (" + baseline.state() + ")");
        } else if (best == null || best.number() == baseline.number()) {
            better = false;
            checks.add("✘ no trial beats the baseline (" + num(baseline.value()) + ")");
        } else {
            double spread = Math.max(seedStd(baseline), seedStd(best));
            double need = minImprovement * Math.abs(baseline.value()) + spread;
            double gain = gain(direction, baseline.value(), best.value());
            better = gain >= need;
            checks.add(String.format(Locale.ROOT, "%s improvement: %s %s %s = %s × |%s| + seed spread %s",
                    better ? "✔" : "✘", num(gain), better ? "≥" : "<", num(need), pct(minImprovement),
                    num(baseline.value()), num(spread)));
        }
        return new Verdict(reliable && better, checks);
    }

    /** The summary as Markdown. */
    String markdown(Map<String, Object> settings) {
        StringBuilder md = new StringBuilder();
        md.append("# Pilot summary: study `").append(study).append("`\n\n");
        if (!settings.isEmpty()) {
            settings.forEach((k, v) -> md.append("- ").append(k).append(':')
                    .append(String.valueOf(v).startsWith("\n") ? "" : " ").append(v).append('\n'));
            md.append('\n');
        }
        List<FrozenTrial> finished = finished();
        long complete = finished.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        long pruned = finished.stream().filter(t -> t.state() == TrialState.PRUNED).count();
        md.append(String.format(Locale.ROOT, "%d finished trials: %d COMPLETE, %d PRUNED, %d FAIL; the value is %sd.%n%n",
                finished.size(), complete, pruned, failed().size(), direction.name().toLowerCase(Locale.ROOT)));

        FrozenTrial baseline = baseline();
        FrozenTrial best = best();
        md.append("## Baseline vs best\n\n");
        md.append("| | trial | value | seed values | seed std |\n|---|---:|---:|---|---:|\n");
        md.append(line("baseline", baseline)).append(line("best", best)).append('\n');
        if (baseline != null && best != null && baseline.state() == TrialState.COMPLETE && baseline.value() != 0) {
            double rel = gain(direction, baseline.value(), best.value()) / Math.abs(baseline.value());
            md.append("Relative improvement of the best over the baseline: **").append(pct(rel)).append("**.\n\n");
        }

        md.append("## Failures by reason\n\n| reason | trials | share of finished |\n|---|---:|---:|\n");
        Map<String, Integer> counts = new LinkedHashMap<>();
        KINDS.keySet().forEach(k -> counts.put(k, 0));
        Map<String, String> examples = new LinkedHashMap<>();
        for (FrozenTrial t : failed()) {
            String k = kind(t);
            counts.merge(k, 1, Integer::sum);
            examples.putIfAbsent(k, "trial " + t.number() + ": " + t.systemAttrs().get(FrozenTrial.FAIL_REASON));
        }
        Set<String> alwaysShown = Set.of("oom", "nan", "time-out", "exit-code");
        counts.forEach((k, n) -> {
            if (n > 0 || alwaysShown.contains(k)) {
                md.append("| ").append(KINDS.get(k)).append(" | ").append(n).append(" | ")
                        .append(pct(finished.isEmpty() ? 0 : (double) n / finished.size())).append(" |\n");
            }
        });
        md.append('\n');
        examples.forEach((k, e) -> md.append("- ").append(KINDS.get(k)).append(", e.g. ")
                .append(e.replace("\n", " ").replace("|", "\\|")).append('\n'));
        if (!examples.isEmpty()) {
            md.append('\n');
        }

        md.append("## Score spread across seeds\n\n");
        List<Double> stds = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.userAttrs().get("eval_seed_std") instanceof Number n) {
                stds.add(n.doubleValue());
            }
        }
        if (stds.isEmpty()) {
            md.append("Each trial ran with one evaluation seed: no spread is known (use -O eval-seeds=A,B).\n\n");
        } else {
            stds.sort(null);
            md.append(String.format(Locale.ROOT, "Standard deviation across evaluation seeds, over %d COMPLETE "
                    + "trials: median %s, max %s.%n%n", stds.size(), num(stds.get(stds.size() / 2)),
                    num(stds.get(stds.size() - 1))));
        }

        if (best != null) {
            md.append("## Best parameters (trial ").append(best.number()).append(")\n\n| parameter | baseline | best |\n")
                    .append("|---|---:|---:|\n");
            best.params().forEach((name, v) -> md.append("| `").append(name).append("` | ")
                    .append(baseline == null ? "" : cell(baseline.params().get(name))).append(" | ").append(cell(v))
                    .append(" |\n"));
            md.append('\n');
        }

        Verdict v = verdict();
        md.append("## Go / No-Go\n\n**").append(v.go() ? "GO" : "NO-GO").append("**\n\n");
        for (String c : v.checks()) {
            md.append("- ").append(c).append('\n');
        }
        md.append('\n').append(String.format(Locale.ROOT, "Rule: Go when at most %s of the finished trials failed "
                + "and the best trial beats the baseline by at least %s of the baseline's magnitude plus the seed "
                + "spread (the larger standard deviation across evaluation seeds of the two trials); otherwise "
                + "No-Go. Thresholds: --max-fail-rate %s, --min-improvement %s.%n", pct(maxFailRate),
                pct(minImprovement), maxFailRate, minImprovement));
        return md.toString();
    }

    private static String line(String label, FrozenTrial t) {
        if (t == null) {
            return "| " + label + " | – | – | – | – |\n";
        }
        Object seeds = t.userAttrs().get("eval_seed_values");
        StringBuilder sv = new StringBuilder();
        if (seeds instanceof Map<?, ?> m) {
            m.forEach((k, x) -> sv.append(sv.length() == 0 ? "" : ", ").append(k).append(": ").append(cell(x)));
        }
        String value = t.state() == TrialState.COMPLETE ? num(t.value()) : t.state().name();
        return "| " + label + " | " + t.number() + " | " + value + " | " + sv + " | "
                + (t.userAttrs().containsKey("eval_seed_std") ? num(seedStd(t)) : "") + " |\n";
    }

    private static String cell(Object v) {
        return v instanceof Double d ? num(d) : String.valueOf(v);
    }

    static String num(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
}
