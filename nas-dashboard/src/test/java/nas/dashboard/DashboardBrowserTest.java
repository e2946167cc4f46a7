package nas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.storage.JdbcStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The served pages in headless Chromium: counts, plots' points, the trial table and page, escaping. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    @TempDir
    static Path dir;

    JdbcStorage storage;
    AccessToken token;
    DashboardServer server;
    Browser browser;

    @BeforeAll
    void start() {
        Browser.assumeAvailable();
        storage = JdbcStorage.open("jdbc:h2:" + dir.resolve("studies"));
        TestStudies.create(storage);
        token = AccessToken.random();
        server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(token));
        browser = Browser.start();
        browser.open(server.url()); // exchanges the token for the cookie
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (storage != null) {
            storage.close();
        }
    }

    String page(String path) {
        return server.baseUrl() + path;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void studiesPageListsEveryStudyWithItsCountsByState() {
        browser.open(page(""));
        // one script call reads the whole table: the page re-renders it as the storage changes
        Map<String, Map<String, String>> rows = (Map<String, Map<String, String>>) browser.js(
                "const out = {};"
                + "for (const tr of document.querySelectorAll('#studies-rows tr')) {"
                + "  const cell = (c) => tr.querySelector(c).textContent;"
                + "  out[tr.dataset.study] = {link: cell('.study-link'), total: cell('.total'), COMPLETE: cell('.count-COMPLETE'),"
                + "    PRUNED: cell('.count-PRUNED'), FAIL: cell('.count-FAIL')}; }"
                + "return out;");
        assertThat(rows).containsOnlyKeys(TestStudies.QUADRATIC, TestStudies.ZDT, TestStudies.XSS);
        for (String name : List.of(TestStudies.QUADRATIC, TestStudies.ZDT, TestStudies.XSS)) {
            Study s = Studies.builder(name).storage(storage).load();
            Map<String, String> row = rows.get(name);
            for (TrialState state : List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)) {
                assertThat(row.get(state.name())).as(name + " " + state).isEqualTo(String.valueOf(s.trials(state).size()));
            }
            assertThat(row.get("total")).isEqualTo(String.valueOf(s.trials().size()));
            assertThat(row.get("link")).isEqualTo(name);
        }
        Study q = Studies.builder(TestStudies.QUADRATIC).storage(storage).load();
        assertThat(q.trials(TrialState.PRUNED)).isNotEmpty();
        assertThat(q.trials(TrialState.FAIL)).isNotEmpty();
        // the count columns are headed on the right, over their right-aligned numbers; the names on the left
        assertThat(browser.js("return [...document.querySelectorAll('#studies th')].map((th) => getComputedStyle(th).textAlign).join(' ');"))
                .isEqualTo("left left right right right right right right left left");
        browser.fullScreenshot("studies");
    }

    @Test
    void historyHasOnePointPerCompleteTrialAndTheStudysBestSoFar() {
        browser.open(page("study?name=" + TestStudies.QUADRATIC));
        Study s = Studies.builder(TestStudies.QUADRATIC).storage(storage).load();
        List<FrozenTrial> complete = s.trials(TrialState.COMPLETE);
        List<Object> series = browser.series("history");
        List<List<Number>> points = data(series.get(0));
        List<List<Number>> best = data(series.get(1));
        assertThat(points).hasSize(complete.size());
        for (int i = 0; i < complete.size(); i++) {
            assertThat(points.get(i).get(0).intValue()).isEqualTo(complete.get(i).number());
            assertThat(points.get(i).get(1).doubleValue()).isEqualTo(complete.get(i).value());
        }
        // the best-so-far line: after every COMPLETE trial, its value is the minimum so far
        double running = Double.POSITIVE_INFINITY;
        for (FrozenTrial t : complete) {
            running = Math.min(running, t.value());
            assertThat(stepValueAt(best, t.number())).as("best after trial " + t.number()).isEqualTo(running);
        }
        assertThat(running).isEqualTo(s.bestValue());
        assertThat(browser.text("best")).contains("trial " + s.bestTrial().number());
        browser.screenshot("study-quadratic-top", 1400, 900); // docs/dashboard.png in the README
        browser.fullScreenshot("study-quadratic");
    }

    /** The value of a step line (ECharts step: 'end') at x. */
    static double stepValueAt(List<List<Number>> line, int x) {
        double v = Double.NaN;
        for (List<Number> p : line) {
            if (p.get(0).intValue() <= x) {
                v = p.get(1).doubleValue();
            }
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static List<List<Number>> data(Object series) {
        List<List<Number>> out = new ArrayList<>();
        for (Object o : (List<Object>) ((Map<String, Object>) series).get("data")) {
            Object v = o instanceof Map<?, ?> m ? m.get("value") : o;
            out.add((List<Number>) v);
        }
        return out;
    }

    @Test
    void studyPageDrawsEveryPlotWithTheStudysParameters() {
        browser.open(page("study?name=" + TestStudies.QUADRATIC));
        browser.waitFor("window.nasCharts['importance']", java.time.Duration.ofSeconds(60));
        Study s = Studies.builder(TestStudies.QUADRATIC).storage(storage).load();
        int complete = s.trials(TrialState.COMPLETE).size();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> axes = (List<Map<String, Object>>) browser.js(
                "return window.nasCharts['parallel'].getOption().parallelAxis;");
        assertThat(axes.stream().map(a -> a.get("name"))).containsExactly("x", "lr", "layers", "optimizer", "beta",
                "Objective value");
        assertThat(axes.get(1).get("type")).isEqualTo("log");
        assertThat(axes.get(3).get("type")).isEqualTo("category");
        // numeric axes span the search ranges (x in [-5, 5], lr in [1e-4, 1], layers 1..5, beta in [0.8, 0.99]), not
        // ends rounded out past them
        assertThat(List.of(axes.get(0).get("min"), axes.get(0).get("max"))).containsExactly(-5L, 5L);
        assertThat(((Number) axes.get(1).get("min")).doubleValue()).isEqualTo(1e-4);
        assertThat(((Number) axes.get(1).get("max")).doubleValue()).isEqualTo(1.0);
        assertThat(List.of(axes.get(2).get("min"), axes.get(2).get("max"))).containsExactly(1L, 5L);
        assertThat(List.of(axes.get(4).get("min"), axes.get(4).get("max"))).containsExactly(0.8, 0.99);
        @SuppressWarnings("unchecked")
        Map<String, Object> sliceX = (Map<String, Object>) browser.js(
                "const o = window.nasCharts['slice-0'].getOption(); return {min: o.xAxis[0].min, max: o.xAxis[0].max,"
                + " xOnZero: o.xAxis[0].axisLine.onZero, yOnZero: o.yAxis[0].axisLine.onZero};");
        assertThat(sliceX).containsEntry("min", -5L).containsEntry("max", 5L)
                // x crosses 0: at zero (ECharts' default) the y axis was drawn through the middle of the plot
                .containsEntry("xOnZero", false).containsEntry("yOnZero", false);
        assertThat(browser.text("slice-note")).contains("light = early, dark = late");
        assertThat(data(browser.series("parallel").get(0))).hasSize(complete);
        // the category labels are drawn after the trials' lines, over them (the lines meeting at 'adam' hid it)
        @SuppressWarnings("unchecked")
        Map<String, Number> order = (Map<String, Number>) browser.js(
                "const list = window.nasCharts['parallel'].getZr().storage.getDisplayList(true);"
                + " let line = -1; list.forEach((e, i) => { if (e.type === 'polyline') line = i; });"
                + " return {line, adam: list.findIndex((e) => e.type === 'tspan' && e.style.text === 'adam'),"
                + " sgd: list.findIndex((e) => e.type === 'tspan' && e.style.text === 'sgd')};");
        assertThat(order.get("line").intValue()).isNotNegative();
        assertThat(order.get("adam").intValue()).isGreaterThan(order.get("line").intValue());
        assertThat(order.get("sgd").intValue()).isGreaterThan(order.get("line").intValue());
        // the slice of lr is on a log axis; beta only exists for adam trials
        assertThat(browser.js("return window.nasCharts['slice-1'].getOption().xAxis[0].type;")).isEqualTo("log");
        long adam = s.trials(TrialState.COMPLETE).stream().filter(t -> "adam".equals(t.param("optimizer"))).count();
        assertThat(data(browser.series("slice-4").get(0))).hasSize((int) adam);
        // learning curves: every trial reported; pruned ones marked at their last step (2)
        int reporting = s.trials().size() - 0;
        List<Object> curves = browser.series("intermediate");
        assertThat(curves).hasSize(reporting + 1);
        List<List<Number>> prunedMarks = data(curves.get(curves.size() - 1));
        assertThat(prunedMarks).hasSize(s.trials(TrialState.PRUNED).size())
                .allSatisfy(p -> assertThat(p.get(0).intValue()).isEqualTo(2));
        // EDF ends at 1 with one step per COMPLETE trial; the timeline has a bar per started trial
        List<List<Number>> edf = data(browser.series("edf").get(0));
        assertThat(edf).hasSize(complete);
        assertThat(edf.get(edf.size() - 1).get(1).doubleValue()).isEqualTo(1.0);
        int bars = browser.series("timeline").stream().mapToInt(x -> data(x).size()).sum();
        assertThat(bars).isEqualTo(s.trials().size());
        assertThat(browser.js("return window.nasCharts['contour'].getOption().series[0].data.length;")).isNotEqualTo(0L);
        // each importance bar has its value written beside it, to three decimals
        @SuppressWarnings("unchecked")
        List<Number> importances = (List<Number>) browser.js("return window.nasCharts['importance'].getOption().series[0].data;");
        assertThat(importances).hasSize(4);
        // beta, in the adam trials only, is not ranked, and the note says so rather than leave its bar out unsaid
        assertThat(browser.text("importance-note")).contains("not ranked: beta (");
        List<String> texts = browser.visibleTexts();
        for (Number v : importances) {
            assertThat(texts).contains(String.format(java.util.Locale.ROOT, "%.3f", v.doubleValue()));
        }
        browser.fullScreenshot("study-quadratic-all");
    }

    @Test
    void trialTableSortsFiltersAndPagesOnTheServer() {
        browser.open(page("study?name=" + TestStudies.QUADRATIC));
        Study s = Studies.builder(TestStudies.QUADRATIC).storage(storage).load();
        assertThat(browser.text("trials-range")).isEqualTo("1–40 of 40");
        // headers over numbers (number, value, duration, parameters) on the right, like their cells
        assertThat(browser.js("return [...document.querySelectorAll('#trials-table th')].map((th) => getComputedStyle(th).textAlign).join(' ');"))
                .isEqualTo("right left right right left right right right right right");
        browser.js("document.querySelector(\"th[data-sort='value']\").click();");
        browser.waitFor("document.querySelector(\"th[data-sort='value']\").textContent.includes('▲')", java.time.Duration.ofSeconds(20));
        String first = (String) browser.js("return document.querySelector('#trials-table tbody tr').dataset.number;");
        assertThat(Integer.parseInt(first)).isEqualTo(s.bestTrial().number());
        browser.js("document.querySelector(\".state-filter[value='FAIL']\").click(); document.getElementById('filter-apply').click();");
        int failed = s.trials(TrialState.FAIL).size();
        browser.waitFor("document.getElementById('trials-range').textContent.endsWith(' of " + failed + "')",
                java.time.Duration.ofSeconds(20));
        assertThat(browser.count("#trials-table tbody tr")).isEqualTo(failed);
        browser.screenshot("study-trials-failed");
    }

    @Test
    void trialPageShowsParamsAttributesAndTheFailReason() {
        Study s = Studies.builder(TestStudies.QUADRATIC).storage(storage).load();
        FrozenTrial failed = s.trials(TrialState.FAIL).get(0);
        browser.open(page("trial?study=" + TestStudies.QUADRATIC + "&number=" + failed.number()));
        browser.fullScreenshot("trial-failed");
        assertThat(browser.text("trial-state")).isEqualTo("FAIL");
        assertThat(browser.text("trial-values")).isEqualTo("none (it failed: see fail_reason below)");
        assertThat(browser.text("fail-reason")).isEqualTo(failed.systemAttrs().get(FrozenTrial.FAIL_REASON)).contains("diverged");
        String params = browser.text("trial-params");
        assertThat(params).contains("x", "lr", "layers", "optimizer");
        // each parameter's distribution as a reader says it, not Java's record text ("FloatDistribution[low=-5.0, ...]")
        @SuppressWarnings("unchecked")
        Map<String, String> dists = (Map<String, String>) browser.js("const out = {};"
                + " for (const tr of document.querySelectorAll('#trial-params tbody tr')) out[tr.cells[0].textContent] = tr.cells[2].textContent;"
                + " return out;");
        assertThat(dists).containsEntry("x", "float in [-5, 5]").containsEntry("lr", "float in [0.0001, 1], log scale")
                .containsEntry("layers", "int in [1, 5]").containsEntry("optimizer", "one of sgd, adam");
        assertThat(browser.series("trial-intermediate")).hasSize(1);
        browser.fullScreenshot("trial-failed");
    }

    /**
     * Every axis name, tick label and legend of the study pages (one and two objectives) and the trial page lies
     * inside its chart, in a wide window and a narrow one: a y-axis name written above its axis ran off the top.
     */
    @Test
    void noChartTextIsCutOffByItsCanvas() {
        Study q = Studies.builder(TestStudies.QUADRATIC).storage(storage).load();
        try {
            assertTextsInsideCharts(q);
        } finally { // the next test starts in the start window size, signed in
            browser.reset();
            browser.open(server.url());
        }
    }

    private void assertTextsInsideCharts(Study q) {
        for (int width : new int[] {Browser.WIDTH, 800}) {
            for (String path : List.of("study?name=" + TestStudies.QUADRATIC, "study?name=" + TestStudies.ZDT,
                    "trial?study=" + TestStudies.QUADRATIC + "&number=" + q.trials(TrialState.FAIL).get(0).number())) {
                browser.reset();
                browser.open(server.url());
                browser.resize(width, Browser.HEIGHT);
                browser.open(page(path));
                if (path.startsWith("study")) {
                    browser.waitFor("window.nasCharts['importance']", java.time.Duration.ofSeconds(60));
                }
                browser.resize(width, Browser.HEIGHT);
                assertThat(browser.js("return Object.keys(window.nasCharts).length;")).as(path).isNotEqualTo(0L);
                assertThat(browser.chartTextsCutOff()).as(path + " at " + width + " px").isEmpty();
            }
        }
        browser.fullScreenshot("trial-failed-800", 800);
    }

    /**
     * A study without trials says so in its plots instead of drawing empty axes, and a study, trial or run that is not
     * there is one line with a way back. Served from a storage of its own (the same token, so the same cookie).
     */
    @Test
    void anEmptyStudySaysSoAndAMissingOneLinksBack() {
        try (nas.api.storage.InMemoryStorage other = new nas.api.storage.InMemoryStorage();
             DashboardServer second = DashboardServer.start(other, "127.0.0.1", 0, DashboardOptions.of(token))) {
            Studies.builder("fresh").storage(other).create();
            browser.open(second.baseUrl() + "study?name=fresh");
            assertThat(browser.text("history-empty")).isEqualTo("No COMPLETE trial yet.");
            assertThat(browser.text("edf-empty")).isEqualTo("No COMPLETE trial yet.");
            assertThat(browser.text("timeline-empty")).isEqualTo("No trial started yet.");
            assertThat(browser.text("trials-range")).isEqualTo("no trial yet");
            assertThat(browser.count("#history-chart, #edf-chart, #timeline-chart")).isZero();
            browser.screenshot("study-empty", 1400, 900);
            browser.resize(Browser.WIDTH, Browser.HEIGHT);
            for (String[] page : new String[][] {
                {"study?name=nope", "no study named 'nope' exists", second.baseUrl()},
                {"run?name=nope", null, second.baseUrl()},
                {"trial?study=fresh&number=7", null, second.baseUrl() + "study?name=fresh"}}) {
                browser.open(second.baseUrl() + page[0]);
                @SuppressWarnings("unchecked")
                Map<String, String> error = (Map<String, String>) browser.js("const e = document.querySelector('.error');"
                        + " const a = e && e.querySelector('a.back'); return e && {text: e.firstChild.textContent, href: a && a.href};");
                assertThat(error).as(page[0]).isNotNull();
                if (page[1] != null) {
                    assertThat(error.get("text")).isEqualTo(page[1]);
                }
                assertThat(error.get("href")).as(page[0]).isEqualTo(page[2]);
            }
            browser.open(second.baseUrl() + "study?name=nope");
            browser.screenshot("study-unknown", 1400, 400);
            browser.resize(Browser.WIDTH, Browser.HEIGHT);
        }
    }

    /** With a dozen parameters in an 800 px window the parallel chart still names its objective axis in full. */
    @Test
    void manyParametersInANarrowWindowKeepTheObjectiveAxisNamed() {
        try (nas.api.storage.InMemoryStorage other = new nas.api.storage.InMemoryStorage();
             DashboardServer second = DashboardServer.start(other, "127.0.0.1", 0, DashboardOptions.of(token))) {
            Study wide = Studies.builder("wide").storage(other).sampler(new nas.api.sampler.RandomSampler(3)).create();
            wide.optimize(t -> {
                double sum = 0;
                for (int i = 0; i < 12; i++) {
                    double x = t.suggestFloat("x" + i, -5, 5);
                    sum += x * x;
                }
                return sum;
            }, nas.api.OptimizeOptions.trials(20));
            browser.resize(800, Browser.HEIGHT);
            browser.open(second.baseUrl() + "study?name=wide");
            browser.resize(800, Browser.HEIGHT);
            @SuppressWarnings("unchecked")
            List<String> drawn = (List<String>) browser.js("return window.nasCharts['parallel'].getZr().storage.getDisplayList(true)"
                    + ".filter((e) => e.type === 'tspan' && !e.invisible).map((e) => String(e.style.text));");
            assertThat(drawn).contains("Objective value", "x0", "x11");
            assertThat(browser.chartTextsCutOff()).isEmpty();
            browser.fullScreenshot("study-wide-800", 800);
        } finally {
            browser.resize(Browser.WIDTH, Browser.HEIGHT);
        }
    }

    /**
     * Values over many decades (here 1 to 1e6): the history starts on a log axis, says why, and keeps the reader's
     * choice once the box is cleared; the quadratic study's (0.16 to 22, two decades) stays linear.
     */
    @Test
    void aHistoryOverManyDecadesStartsOnALogScale() {
        try (nas.api.storage.InMemoryStorage other = new nas.api.storage.InMemoryStorage();
             DashboardServer second = DashboardServer.start(other, "127.0.0.1", 0, DashboardOptions.of(token))) {
            Study decades = Studies.builder("decades").storage(other).create();
            for (int i = 0; i <= 6; i++) {
                decades.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(Math.pow(10, 6 - i)), Map.of("x", (double) i),
                        Map.of("x", nas.api.distribution.FloatDistribution.of(0, 6))));
            }
            browser.open(second.baseUrl() + "study?name=decades");
            assertThat(browser.js("return window.nasCharts['history'].getOption().yAxis[0].type;")).isEqualTo("log");
            assertThat(browser.js("return document.getElementById('history-log').checked;")).isEqualTo(true);
            assertThat(browser.text("history-note")).endsWith(" · log scale: the values span 6 decades");
            browser.screenshot("study-decades", 1400, 900);
            // the parallel chart's objective axis writes its values as the history does, never '1,000,000'
            @SuppressWarnings("unchecked")
            List<String> drawn = (List<String>) browser.js("return window.nasCharts['parallel'].getZr().storage.getDisplayList(true)"
                    + ".filter((e) => e.type === 'tspan' && !e.invisible).map((e) => String(e.style.text));");
            assertThat(drawn).contains("1.0e+6").noneMatch((t) -> t.contains(","));
            // the slices likewise, and their note says so
            assertThat(browser.js("return window.nasCharts['slice-0'].getOption().yAxis[0].type;")).isEqualTo("log");
            assertThat(browser.text("slice-note")).endsWith("; values on a log axis (they span 6 decades)");
            // and the empirical distribution, its last label ('1.0e+6') inside the chart, in a narrow window too
            assertThat(browser.js("return window.nasCharts['edf'].getOption().xAxis[0].type;")).isEqualTo("log");
            assertThat(browser.chartTextsCutOff()).isEmpty();
            browser.resize(800, Browser.HEIGHT);
            assertThat(browser.chartTextsCutOff()).isEmpty();
            browser.resize(Browser.WIDTH, Browser.HEIGHT);
            browser.js("document.getElementById('history-log').click();");
            browser.waitFor("window.nasCharts['history'].getOption().yAxis[0].type === 'value'", java.time.Duration.ofSeconds(10));
            // a new trial redraws the history (the page polls): the reader's choice stays
            decades.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(1e6), Map.of("x", 0.5),
                    Map.of("x", nas.api.distribution.FloatDistribution.of(0, 6))));
            browser.waitFor("window.nasCharts['history'].getOption().series[0].data.length === 8", java.time.Duration.ofSeconds(20));
            assertThat(browser.js("return window.nasCharts['history'].getOption().yAxis[0].type;")).isEqualTo("value");
            assertThat(browser.js("return document.getElementById('history-log').checked;")).isEqualTo(false);
        } finally {
            browser.resize(Browser.WIDTH, Browser.HEIGHT);
        }
        browser.open(page("study?name=" + TestStudies.QUADRATIC));
        assertThat(browser.js("return window.nasCharts['history'].getOption().yAxis[0].type;")).isEqualTo("value");
        assertThat(browser.js("return window.nasCharts['slice-0'].getOption().yAxis[0].type;")).isEqualTo("value");
        assertThat(browser.js("return document.getElementById('history-log').checked;")).isEqualTo(false);
    }

    /** A pruned trial's page says its value is its last report and marks the step it was pruned at. */
    @Test
    void aPrunedTrialsPageMarksWhereItWasPruned() {
        Study s = Studies.builder(TestStudies.QUADRATIC).storage(storage).load();
        FrozenTrial pruned = s.trials(TrialState.PRUNED).get(0);
        int step = java.util.Collections.max(pruned.intermediateValues().keySet());
        browser.open(page("trial?study=" + TestStudies.QUADRATIC + "&number=" + pruned.number()));
        assertThat(browser.text("trial-values")).isEqualTo(fmt(pruned.value()) + " (its last report, step " + step + ", where it was pruned)");
        List<Object> series = browser.series("trial-intermediate");
        assertThat(series).hasSize(2);
        List<List<Number>> mark = data(series.get(1));
        assertThat(mark).hasSize(1);
        assertThat(mark.get(0).get(0).intValue()).isEqualTo(step);
        assertThat(mark.get(0).get(1).doubleValue()).isEqualTo(pruned.value());
        browser.screenshot("trial-pruned");
    }

    /** The page's number format for a value with six significant digits at most (as fmt in dashboard.js writes it). */
    static String fmt(double v) {
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        return s;
    }

    @Test
    void aStudyNamedLikeMarkupRendersAsText() {
        browser.open(page(""));
        assertThat(browser.count("img")).isZero();
        browser.clickText(".study-link", TestStudies.XSS);
        browser.waitFor("document.body.dataset.ready === 'true' && document.body.dataset.page === 'study'",
                java.time.Duration.ofSeconds(60));
        assertThat(browser.text("study-name")).isEqualTo(TestStudies.XSS);
        assertThat(browser.count("img")).isZero();
        // an alert would have left a dialog open: any command then fails with UnhandledAlertException
        assertThat(browser.driver.getTitle()).isEqualTo("NAS dashboard");
        browser.screenshot("study-xss");
    }
}
