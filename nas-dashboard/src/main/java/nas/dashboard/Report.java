package nas.dashboard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nas.api.json.Json;
import nas.api.storage.Storage;

/**
 * {@code nas report}: one study's plots in one self-contained HTML file. The file holds the chart library,
 * the page script and the answers of every API route the study page asks for, so it opens offline and shows
 * the same plots as the live page (without its live parts; the trial table holds the 100 best trials).
 */
public final class Report {

    private Report() {
    }

    /**
     * The report of study {@code name} as HTML text.
     *
     * @throws nas.api.exception.StudyNotFoundException when the storage has no such study
     */
    public static String html(Storage storage, String name) {
        StudyCache cache = new StudyCache(storage, java.time.Duration.ofDays(1), false);
        StudyApi api = new StudyApi(cache);
        StudySnapshot s = cache.snapshot(name);
        Map<String, Object> data = new LinkedHashMap<>();
        String root = "/studies/~";
        data.put(root, api.get(java.util.List.of("studies", name), Map.of()));
        data.put(root + "/history?objective=0", PlotData.history(s, 0));
        for (String what : new String[] {"intermediate", "params", "edf", "timeline"}) {
            data.put(root + "/" + what, api.get(java.util.List.of("studies", name, what), Map.of()));
        }
        if (s.directions().size() > 1) {
            data.put(root + "/pareto", api.get(java.util.List.of("studies", name, "pareto"), Map.of()));
        }
        data.put(root + "/importance?objective=0", PlotData.importance(s, 0));
        String order = s.directions().get(0) == nas.api.StudyDirection.MAXIMIZE ? "desc" : "asc";
        Map<String, String> q = Map.of("offset", "0", "limit", "100", "sort", "value", "order", order);
        data.put(root + "/trials?offset=0&limit=100&sort=value&order=" + order, TrialQuery.parse(q).apply(s));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", name);
        doc.put("created", Instant.now().toString());
        doc.put("data", data);
        return Pages.report(Json.write(doc));
    }

}
