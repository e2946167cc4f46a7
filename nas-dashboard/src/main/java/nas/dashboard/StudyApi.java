package nas.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.storage.StudyInfo;

/**
 * The JSON API's read routes, as plain Java maps and lists (the HTTP layer writes them as JSON, the report
 * embeds them):
 * <pre>
 * /studies                                  every study: directions, counts by state, best, last activity
 * /studies/{name}                           summary: counts, best, parameters and their distributions, version,
 *                                           loading (trials read so far of how many, while a large study is read)
 * /studies/{name}/history?objective=K       optimization history (one point per COMPLETE trial) and best so far
 * /studies/{name}/intermediate              learning curves
 * /studies/{name}/params                    COMPLETE trials' values and parameters (parallel coordinates, slices, contours)
 * /studies/{name}/edf                       empirical distribution of each objective
 * /studies/{name}/timeline                  start, end and state of each trial
 * /studies/{name}/pareto                    Pareto front, dominated points, hypervolume and its history
 * /studies/{name}/importance?objective=K    fANOVA (or Morris for a screening study), as nas importance --format json
 * /studies/{name}/trials?offset=&limit=&sort=&order=&state=&objective=&value_min=&value_max=&param=&param_min=&param_max=
 * /studies/{name}/trials/{number}           one trial in full
 * /studies/{name}/trials/{number}/replay    Evolution Lab: the re-simulated frames of the trial's best creature
 * </pre>
 */
final class StudyApi {

    private final StudyCache cache;

    StudyApi(StudyCache cache) {
        this.cache = cache;
    }

    /** The answer to a GET of {@code /api/<segments>}, or null for an unknown route. */
    Object get(List<String> segments, Map<String, String> query) {
        if (segments.isEmpty() || !segments.get(0).equals("studies")) {
            return null;
        }
        if (segments.size() == 1) {
            return studies();
        }
        StudySnapshot s = cache.snapshot(segments.get(1));
        if (segments.size() == 2) {
            return PlotData.summary(s, best(s));
        }
        String what = segments.get(2);
        if (segments.size() == 3) {
            int objective = objective(query);
            return switch (what) {
                case "history" -> PlotData.history(s, objective);
                case "intermediate" -> PlotData.intermediate(s);
                case "params" -> PlotData.paramRows(s);
                case "edf" -> PlotData.edf(s);
                case "timeline" -> PlotData.timeline(s);
                case "pareto" -> cache.derived(s, "pareto", PlotData::pareto);
                case "importance" -> importance(s, objective);
                case "trials" -> table(s, TrialQuery.parse(query));
                default -> null;
            };
        }
        if (what.equals("trials")) {
            FrozenTrial t = s.trial(number(segments.get(3)));
            if (t == null) {
                throw new NotFoundException("study '" + s.name() + "' has no trial " + segments.get(3));
            }
            if (segments.size() == 4) {
                return TrialJson.full(t);
            }
            if (segments.size() == 5 && segments.get(4).equals("replay")) {
                return cache.derived(s, "replay:" + t.number(), x -> CreatureReplay.frames(t));
            }
        }
        return null;
    }

    List<Map<String, Object>> studies() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StudyInfo info : cache.studies()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", info.id());
            m.put("name", info.name());
            m.put("directions", PlotData.directions(info.directions()));
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (nas.api.TrialState state : nas.api.TrialState.values()) {
                counts.put(state.name(), info.trialCounts().getOrDefault(state, 0));
            }
            m.put("counts", counts);
            m.put("trials", info.totalTrials());
            try {
                StudySnapshot s = cache.snapshot(info.name());
                m.put("best", s.loading() ? null : best(s)); // not the best of the first trials only
                m.put("loading", s.loading());
                java.time.Instant last = s.lastActivity();
                m.put("last_activity", last == null ? null : last.toString());
            } catch (RuntimeException e) {
                m.put("error", e.getMessage());
            }
            out.add(m);
        }
        return out;
    }

    /**
     * A page of the trial table. The filtered, sorted list behind it is kept for the snapshot's version (the 8
     * orders asked most recently), so that the next pages of a 100,000-trial study are slices, not sorts.
     */
    private Map<String, Object> table(StudySnapshot s, TrialQuery q) {
        Map<String, List<FrozenTrial>> recent = cache.derived(s, "tables", x -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<FrozenTrial>> eldest) {
                return size() > 8;
            }
        });
        List<FrozenTrial> matching;
        synchronized (recent) {
            matching = recent.get(q.orderKey());
        }
        if (matching == null) {
            matching = q.matching(s);
            synchronized (recent) {
                recent.put(q.orderKey(), matching);
            }
        }
        return q.page(matching);
    }

    /** Importance once computed; until then {@code {"pending": true}} (the page asks again). */
    private Object importance(StudySnapshot s, int objective) {
        PlotData.checkObjective(s, objective);
        Map<String, Object> r;
        try {
            r = cache.derivedLater(s, "importance:" + objective, x -> PlotData.importance(x, objective));
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        return r != null ? r : Map.of("pending", true, "trials", s.complete().size());
    }

    private Map<String, Object> best(StudySnapshot s) {
        return cache.derived(s, "best", PlotData::best);
    }

    private static int objective(Map<String, String> query) {
        return number(query.getOrDefault("objective", "0"));
    }

    static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("expected an integer, but got '" + text + "'");
        }
    }
}
