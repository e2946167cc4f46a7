package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.dashboard.AccessToken;
import nas.dashboard.Browser;
import nas.dashboard.DashboardOptions;
import nas.dashboard.DashboardServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas dashboard} and {@code nas report} as users run them, checked in headless Chromium against the
 * other commands: the Pareto plot holds {@code nas pareto}'s front, the importance bars {@code nas importance}'s
 * numbers, a search in another process shows up live, and the report draws every plot offline.
 */
class DashboardCommandTest {

    @TempDir
    Path dir;

    /** When the first of the study "quick"'s five trials started (they start 120 ms apart). */
    private static final Instant QUICK_FIRST_START = Instant.parse("2026-12-05T15:18:12Z");

    /** One Chromium for the class's browser tests (each launch costs seconds), reset before each. */
    private static Browser shared;

    /** The class's browser, started on first use, in the state a freshly started one has; skips without Chromium. */
    static Browser browser() {
        Browser.assumeAvailable();
        if (shared == null) {
            shared = Browser.start();
        } else {
            shared.reset();
        }
        return shared;
    }

    @AfterAll
    static void closeBrowser() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    String db() {
        return "jdbc:h2:" + dir.resolve("studies").toAbsolutePath();
    }

    static void ok(CliRunner.Result r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void paretoPlotAndImportanceBarsEqualTheCommandsOutput() throws Exception {
        Browser.assumeAvailable();
        ok(CliRunner.run("search", "--study", "mo", "--objective", "zdt1", "-O", "dim=3", "--sampler", "nsga2",
                "--population-size", "8", "--n-trials", "40", "--seed", "5", "--quiet", "--storage", db()));
        ok(CliRunner.run("search", "--study", "e", "--objective", "ellipsoid", "--dim", "4", "--n-trials", "40",
                "--seed", "3", "--quiet", "--storage", db()));
        ok(CliRunner.run("create-study", "--study", "mo-empty", "--direction", "minimize", "maximize", "--storage", db()));
        try (Storage storage = new StorageOptions(db()).open()) {
            // five trials within 600 ms: a time axis whose ticks are a fraction of a second apart
            Study quick = Studies.builder("quick").storage(storage).directions(StudyDirection.MINIMIZE).create();
            for (int i = 0; i < 5; i++) {
                Instant start = QUICK_FIRST_START.plusMillis(120L * i);
                quick.addTrial(new FrozenTrial(-1, -1, TrialState.COMPLETE, List.of((double) i), start,
                        start.plusMillis(100), Map.of(), Map.of(), new TreeMap<>(), Map.of(), Map.of()));
            }
        }
        CliRunner.Result pareto = CliRunner.run("pareto", "--study", "mo", "--format", "json", "--storage", db());
        ok(pareto);
        CliRunner.Result importance = CliRunner.run("importance", "--study", "e", "--format", "json", "--storage", db());
        ok(importance);
        Map<String, Object> front = (Map<String, Object>) Json.read(pareto.out());
        Map<String, Object> ranks = (Map<String, Object>) Json.read(importance.out());

        try (Storage storage = new StorageOptions(db()).open();
             DashboardServer server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(AccessToken.random()))) {
            Browser browser = browser();
            browser.open(server.url());
            browser.open(server.baseUrl() + "study?name=mo");
            List<List<Number>> plotted = points(browser.series("pareto-0-1").get(1));
            List<Map<String, Object>> expected = (List<Map<String, Object>>) front.get("front");
            assertThat(plotted).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                List<Number> values = (List<Number>) expected.get(i).get("values");
                assertThat(plotted.get(i).get(0).doubleValue()).isEqualTo(values.get(0).doubleValue());
                assertThat(plotted.get(i).get(1).doubleValue()).isEqualTo(values.get(1).doubleValue());
            }
            assertThat(browser.text("hypervolume-note"))
                    .contains("hypervolume " + browser.js("return arguments[0].toPrecision(6).replace(/\\.?0+$/, '');",
                            ((Number) front.get("hypervolume")).doubleValue()));
            assertNoMissingFieldWritten(browser, "study mo");
            browser.fullScreenshot("study-pareto");

            // two objectives and no trial yet: no front, no hypervolume, no importance
            browser.open(server.baseUrl() + "study?name=mo-empty");
            assertThat(browser.text("pareto-note")).startsWith("0 trial(s) on the front, 0 dominated");
            assertThat(browser.text("hypervolume-note")).isEqualTo("no hypervolume yet: no complete trial");
            assertNoMissingFieldWritten(browser, "study mo-empty");

            browser.open(server.baseUrl() + "study?name=e");
            browser.waitFor("window.nasCharts['importance']", Duration.ofSeconds(60));
            List<Object> series = browser.series("importance");
            List<Number> bars = (List<Number>) ((Map<String, Object>) series.get(0)).get("data");
            List<String> names = (List<String>) browser.js("return window.nasCharts['importance'].getOption().yAxis[0].data;");
            List<Map<String, Object>> params = (List<Map<String, Object>>) ranks.get("parameters");
            assertThat(bars).hasSize(params.size());
            for (int i = 0; i < params.size(); i++) {
                int shown = params.size() - 1 - i; // the most important bar is drawn on top
                assertThat(names.get(shown)).isEqualTo(params.get(i).get("name"));
                assertThat(bars.get(shown).doubleValue()).isEqualTo(((Number) params.get(i).get("importance")).doubleValue());
            }
            assertNoMissingFieldWritten(browser, "study e");

            browser.open(server.baseUrl() + "study?name=quick");
            browser.waitFor("window.nasCharts['timeline']", Duration.ofSeconds(60));
            List<String> ticks = assertClockLabelsDistinct(browser, "timeline");
            assertThat(ticks).anySatisfy(t -> assertThat(t).contains("."));
            // the table writes the first trial's start in the browser's local time, 24-hour like the axis
            browser.waitFor("document.querySelectorAll('#trials-table tbody tr').length === 5", Duration.ofSeconds(60));
            long offsetMinutes = ((Number) browser.js("return new Date(arguments[0]).getTimezoneOffset();",
                    QUICK_FIRST_START.toString())).longValue();
            String local = LocalDateTime.ofInstant(QUICK_FIRST_START.minusSeconds(60 * offsetMinutes), ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            assertThat(browser.js("return document.querySelector('#trials-table tbody tr[data-number=\"0\"]')"
                    + ".cells[4].textContent;")).isEqualTo(local);
            assertThat(ticks).anySatisfy(t -> assertThat(t).startsWith(local.substring(11)));
            browser.waitFor("!document.getElementById('importance-note').textContent.startsWith('computing')", Duration.ofSeconds(60));
            assertThat(browser.text("importance-note")).endsWith("share no parameter with more than one value; nothing to rank");
            browser.fullScreenshot("study-quick");
            browser.fullScreenshot("study-importance");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void threeObjectivesAreDrawnIn3dWithTheFrontOfNasParetoAndTurnWhenDragged() throws Exception {
        Browser.assumeAvailable();
        ok(CliRunner.run("search", "--study", "three", "--objective", "dtlz2", "--sampler", "nsga2", "--population-size", "10",
                "--n-trials", "60", "--seed", "4", "--quiet", "--storage", db()));
        CliRunner.Result pareto = CliRunner.run("pareto", "--study", "three", "--format", "json", "--storage", db());
        ok(pareto);
        List<Map<String, Object>> expected = (List<Map<String, Object>>) ((Map<String, Object>) Json.read(pareto.out())).get("front");
        try (Storage storage = new StorageOptions(db()).open();
             DashboardServer server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(AccessToken.random()))) {
            Browser browser = browser();
            browser.open(server.url());
            browser.open(server.baseUrl() + "study?name=three");
            browser.waitFor("window.nasScatter3d && window.nasScatter3d['pareto-3d']", Duration.ofSeconds(60));
            List<Map<String, Object>> plotted = (List<Map<String, Object>>) browser.js(
                    "return window.nasScatter3d['pareto-3d'].layers[1].points;");
            assertThat(plotted).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(((Number) plotted.get(i).get("number")).intValue())
                        .isEqualTo(((Number) expected.get(i).get("number")).intValue());
                List<Number> want = (List<Number>) expected.get(i).get("values");
                List<Number> got = (List<Number>) plotted.get(i).get("value");
                for (int k = 0; k < 3; k++) {
                    assertThat(got.get(k).doubleValue()).isEqualTo(want.get(k).doubleValue());
                }
            }
            // the three pairwise projections stay below the 3-D view
            for (String pair : List.of("pareto-0-1", "pareto-0-2", "pareto-1-2")) {
                assertThat(points(browser.series(pair).get(1))).hasSize(expected.size());
            }
            assertNoMissingFieldWritten(browser, "study three");
            assertTrialCellsOnOneLine(browser, "study three (12 parameters)");
            browser.fullScreenshot("study-pareto-3d");
            String before = String.valueOf(browser.js("return JSON.stringify(window.nasScatter3d['pareto-3d'].screenPoints(1));"));
            double yaw = ((Number) browser.js("return window.nasScatter3d['pareto-3d'].yaw;")).doubleValue();
            org.openqa.selenium.WebElement canvas = browser.driver.findElement(org.openqa.selenium.By.id("pareto-3d-canvas"));
            new org.openqa.selenium.interactions.Actions(browser.driver).clickAndHold(canvas).moveByOffset(80, 0)
                    .release().perform();
            // 80 px to the right turns it by 0.8 rad about the vertical axis
            assertThat(((Number) browser.js("return window.nasScatter3d['pareto-3d'].yaw;")).doubleValue())
                    .isCloseTo(yaw + 0.8, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(String.valueOf(browser.js("return JSON.stringify(window.nasScatter3d['pareto-3d'].screenPoints(1));")))
                    .isNotEqualTo(before);
            browser.fullScreenshot("study-pareto-3d-turned");
        }
    }

    @SuppressWarnings("unchecked")
    static List<List<Number>> points(Object series) {
        List<List<Number>> out = new ArrayList<>();
        for (Object o : (List<Object>) ((Map<String, Object>) series).get("data")) {
            out.add((List<Number>) ((Map<String, Object>) o).get("value"));
        }
        return out;
    }

    @Test
    void aSearchInAnotherProcessShowsUpWithoutAReload() throws Exception {
        Browser.assumeAvailable();
        ok(CliRunner.run("create-study", "--study", "live", "--storage", db()));
        CliProcess dashboard = CliProcess.start(dir, "dashboard", "--port", "0", "--storage", db());
        try {
            Browser browser = browser();
            String url = dashboardUrl(dashboard);
            // one process owns the file and serves both the search below and the browser
            assertThat(servedBy(dashboard)).isEqualTo(ownerPid());
            browser.open(url);
            browser.open(url.substring(0, url.indexOf("?token=")) + "study?name=live");
            assertThat(browser.text("count-COMPLETE")).isEqualTo("COMPLETE 0");
            assertNoMissingFieldWritten(browser, "study live before its first trial");
            browser.js("window.notReloaded = true;");
            CliProcess.Result search = CliProcess.run(dir, "search", "--study", "live", "--objective", "sphere", "--dim", "2",
                    "--n-trials", "25", "--seed", "1", "--quiet", "--storage", db());
            assertThat(search.exitCode()).as(search.err()).isZero();
            long searchEnded = System.nanoTime();
            browser.waitFor("document.getElementById('count-COMPLETE').textContent === 'COMPLETE 25'", Duration.ofSeconds(30));
            System.out.printf("dashboard showed the 25th trial %d ms after the search process ended%n",
                    (System.nanoTime() - searchEnded) / 1_000_000);
            assertThat(browser.js("return window.notReloaded === true;")).isEqualTo(true);
            browser.waitFor("window.nasCharts['history'].getOption().series[0].data.length === 25", Duration.ofSeconds(30));
            browser.fullScreenshot("study-live");
        } finally {
            dashboard.kill();
        }
    }

    /** The address {@code nas dashboard} printed (with its token). */
    String dashboardUrl(CliProcess dashboard) throws Exception {
        dashboard.awaitOutputLines(2, 60);
        Matcher m = Pattern.compile("open (http://\\S+)").matcher(dashboard.output());
        assertThat(m.find()).as(dashboard.output() + dashboard.errorOutput()).isTrue();
        return m.group(1);
    }

    /** The process id {@code nas dashboard} says serves its pages. */
    static long servedBy(CliProcess dashboard) throws Exception {
        Matcher m = Pattern.compile("served by the storage server of the file \\(pid (\\d+)\\)").matcher(dashboard.output());
        assertThat(m.find()).as(dashboard.output()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The process that owns the H2 file, as its endpoint file says. */
    long ownerPid() {
        return nas.server.ServerEndpoint.read(new nas.server.ServerFiles(dir.resolve("studies.mv.db")).endpoint())
                .orElseThrow().pid();
    }

    static int status(String url) throws Exception {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.net.ConnectException e) {
            return -1;
        }
    }

    @Test
    void ctrlCClosesTheDashboardButNotTheServerThatOwnsTheFile() throws Exception {
        ok(CliRunner.run("create-study", "--study", "s", "--storage", db()));
        CliProcess dashboard = CliProcess.start(dir, "dashboard", "--port", "0", "--storage", db());
        try {
            String url = dashboardUrl(dashboard);
            assertThat(status(url)).isEqualTo(303); // the token is exchanged for a cookie
            long owner = servedBy(dashboard);
            dashboard.signal("INT");
            CliProcess.Result r = dashboard.await(60);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(130); // as after any Ctrl+C
            assertThat(status(url)).isEqualTo(-1); // nothing listens there any more
            assertThat(ProcessHandle.of(owner).map(ProcessHandle::isAlive)).contains(true);
            // and the file's server still serves the other commands
            CliRunner.Result studies = CliRunner.run("studies", "--format", "csv", "--storage", db());
            ok(studies);
            assertThat(studies.out()).contains("s,");
            assertThat(ownerPid()).isEqualTo(owner);
        } finally {
            dashboard.kill();
        }
    }

    @Test
    void aRestartedStorageServerServesTheDashboardAgainAtTheSameAddress() throws Exception {
        ok(CliRunner.run("create-study", "--study", "s", "--storage", db()));
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CliProcess dashboard = CliProcess.start(dir, "dashboard", "--port", String.valueOf(port), "--storage", db());
        try {
            String url = dashboardUrl(dashboard);
            assertThat(url).contains(":" + port + "/");
            long first = servedBy(dashboard);
            ProcessHandle server = ProcessHandle.of(first).orElseThrow();
            server.destroy(); // SIGTERM: the file's server stops, and its dashboard with it
            server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!dashboard.errorOutput().contains("the storage server restarted") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(dashboard.errorOutput()).contains("the storage server restarted; the dashboard is at " + url);
            assertThat(status(url)).isEqualTo(303);
            assertThat(ownerPid()).isNotEqualTo(first);
        } finally {
            dashboard.kill();
        }
    }

    @Test
    void anotherHostThanLoopbackIsWarnedAbout() throws Exception {
        ok(CliRunner.run("create-study", "--study", "s", "--storage", db()));
        CliProcess open = CliProcess.start(dir, "dashboard", "--host", "0.0.0.0", "--port", "0", "--storage", db());
        CliProcess local = CliProcess.start(dir, "dashboard", "--host", "localhost", "--port", "0", "--storage", db());
        try {
            dashboardUrl(open);
            dashboardUrl(local);
            assertThat(open.errorOutput()).contains("nas: warning: --host 0.0.0.0 lets other machines reach the dashboard");
            assertThat(local.errorOutput()).doesNotContain("warning");
        } finally {
            open.kill();
            local.kill();
        }
        CliRunner.Result badPort = CliRunner.run("dashboard", "--port", "70000", "--storage", db());
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port must be 0..65535");
    }

    @Test
    void aStudyIsDeletedFromThePageOnlyWithAllowWriteAndItsNameTyped() throws Exception {
        Browser.assumeAvailable();
        ok(CliRunner.run("search", "--study", "keep", "--objective", "sphere", "--n-trials", "3", "--quiet", "--storage", db()));
        ok(CliRunner.run("search", "--study", "drop", "--objective", "sphere", "--n-trials", "3", "--quiet", "--storage", db()));
        CliProcess readOnly = CliProcess.start(dir, "dashboard", "--port", "0", "--storage", db());
        CliProcess writable = CliProcess.start(dir, "dashboard", "--port", "0", "--allow-write", "--storage", db());
        try {
            Browser browser = browser();
            browser.open(dashboardUrl(readOnly));
            browser.waitFor("document.querySelectorAll('#studies-rows tr').length === 2", Duration.ofSeconds(30));
            assertThat(browser.count("#studies-rows button.danger")).isZero();

            browser.open(dashboardUrl(writable));
            browser.waitFor("document.querySelectorAll('#studies-rows tr').length === 2", Duration.ofSeconds(30));
            assertThat(browser.count("#studies-rows button.danger")).isEqualTo(2);
            // the confirmation asks for the study's name: a wrong one (or Cancel) deletes nothing
            browser.js("window.asked = []; window.prompt = (q) => { window.asked.push(q); return 'dro'; };");
            browser.js("document.querySelector('#studies-rows tr[data-study=\"drop\"] button.danger').click();");
            browser.waitFor("window.asked.length === 1", Duration.ofSeconds(10));
            Thread.sleep(1500); // a poll of the page
            assertThat(browser.count("#studies-rows tr")).isEqualTo(2);
            assertThat(browser.js("return window.asked[0];")).asString().contains("Delete study \"drop\"");
            browser.js("window.prompt = (q) => { window.asked.push(q); return 'drop'; };");
            browser.js("document.querySelector('#studies-rows tr[data-study=\"drop\"] button.danger').click();");
            browser.waitFor("document.querySelectorAll('#studies-rows tr').length === 1", Duration.ofSeconds(30));
            assertNoMissingFieldWritten(browser, "studies");
            browser.fullScreenshot("studies-after-delete");
        } finally {
            readOnly.kill();
            writable.kill();
        }
        CliRunner.Result studies = CliRunner.run("studies", "--format", "csv", "--storage", db());
        ok(studies);
        assertThat(studies.out()).contains("keep,").doesNotContain("drop");
    }

    @Test
    void theReportDrawsEveryPlotOfflineFromOneFile() throws Exception {
        Browser.assumeAvailable();
        ok(CliRunner.run("search", "--study", "r", "--objective", "ellipsoid", "--dim", "3", "--n-trials", "30",
                "--seed", "2", "--quiet", "--storage", db()));
        Path file = dir.resolve("out/report.html");
        CliProcess.Result r = CliProcess.run(dir, "report", "--study", "r", "--out", file.toString(), "--storage", db());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote " + file);
        assertThat(r.err()).as("no log line per tree of the importance forest").doesNotContain("OOB", "Regression tree");
        String html = Files.readString(file);
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "<link");
        int complete;
        double best;
        double worst;
        try (Storage storage = new StorageOptions(db()).open()) {
            Study s = Studies.builder("r").storage(storage).load();
            DoubleSummaryStatistics values = s.trials(TrialState.COMPLETE).stream().mapToDouble(t -> t.value())
                    .summaryStatistics();
            complete = (int) values.getCount();
            best = values.getMin();
            worst = values.getMax();
        }
        Browser browser = browser();
        browser.offline(); // as a reader without network: everything must come from the file
        browser.open(file.toUri().toString());
        browser.waitFor("window.nasCharts['importance']", Duration.ofSeconds(60));
        assertThat(browser.text("intermediate-body")).isEqualTo("No trial reported intermediate values.");
        for (String chart : List.of("history", "parallel", "slice-0", "contour", "importance", "edf", "timeline")) {
            assertThat(browser.js("return !!window.nasCharts[arguments[0]];", chart)).as(chart).isEqualTo(true);
        }
        assertThat(DashboardBrowserData.count(browser, "history", 0)).isEqualTo(complete);
        assertThat(browser.count("#trials-table tbody tr")).isEqualTo(Math.min(100, complete));
        assertThat(browser.js("return document.querySelectorAll('.error').length;")).isEqualTo(0L);
        // nothing was fetched: every script and datum came from the file
        assertThat(browser.js("return performance.getEntriesByType('resource').length;")).isEqualTo(0L);
        assertNoMissingFieldWritten(browser, "report");
        // the colour scales show the values' range beside neither an axis's labels nor the plot, wide and narrow
        assertThat(assertColourScaleClear(browser, "parallel", List.of("parallelAxis"), "parallel"))
                .satisfiesExactly(low -> assertThat(low).isCloseTo(best, withinPercentage(0.01)),
                        high -> assertThat(high).isCloseTo(worst, withinPercentage(0.01)));
        assertColourScaleClear(browser, "contour", List.of("xAxis", "yAxis"), "grid");
        assertAxisTextsApart(browser, "history", "Objective value (minimize)");
        browser.fullScreenshot("report");
        browser.fullScreenshot("report-900", 900);
        assertThat(browser.js("return window.innerWidth;")).isEqualTo(900L);
        assertColourScaleClear(browser, "parallel", List.of("parallelAxis"), "parallel");
        assertColourScaleClear(browser, "contour", List.of("xAxis", "yAxis"), "grid");
        assertAxisTextsApart(browser, "history", "Objective value (minimize)");
    }

    /** "null", "undefined" or "NaN" as a word: what a page writes where a field it expected is absent. */
    static final Pattern MISSING_FIELD = Pattern.compile("\\b(null|undefined|NaN)\\b");

    /** The page (DOM and chart canvases) shows text, and none of it is a missing field written out. */
    static void assertNoMissingFieldWritten(Browser browser, String page) {
        List<String> texts = browser.visibleTexts();
        assertThat(texts).as(page + ": visible texts").hasSizeGreaterThan(10);
        assertThat(texts.stream().filter(t -> MISSING_FIELD.matcher(t).find()).toList())
                .as(page + ": texts that write out a missing field").isEmpty();
    }

    /**
     * The trials table keeps every cell (numbers, states, start times) on one line, however many parameter columns
     * it has: a number broken in two reads as two numbers. A table wider than its card scrolls inside it; the page never does.
     */
    @SuppressWarnings("unchecked")
    static void assertTrialCellsOnOneLine(Browser browser, String page) {
        browser.waitFor("document.querySelectorAll('#trials-table tbody tr').length > 0", Duration.ofSeconds(60));
        List<String> broken = (List<String>) browser.js("""
                const broken = [];
                for (const cell of document.querySelectorAll('#trials-table td')) {
                  const range = document.createRange();
                  range.selectNodeContents(cell);
                  const lines = new Set([...range.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
                  if (lines.size > 1) broken.push(cell.textContent);
                }
                return broken;""");
        assertThat(browser.count("#trials-table td.num")).as(page + ": numeric cells").isGreaterThan(100);
        assertThat(broken).as(page + ": cells whose text is broken over lines").isEmpty();
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
                .as(page + ": page wider than the window by").isLessThanOrEqualTo(0);
    }

    /**
     * Where a chart draws its texts, in chart pixels: the texts of each component type named (visualMap: the colour
     * scale), the plot area of the coordinate system named and the chart's size. The chart library measures a line's
     * height on a CJK glyph, which fonts without one make too short: each box is as tall as its font instead,
     * centred where the line is drawn.
     */
    static final String TEXT_BOXES = """
            const c = window.nasCharts[arguments[0]];
            const model = c.getModel();
            const texts = (mainType) => model.findComponents({ mainType }).flatMap((m) => {
              const out = [];
              c.getViewOfComponentModel(m).group.traverse((e) => {
                if (e.type !== 'text' || e.invisible || e.ignore || !e.style.text) return;
                const px = /([0-9.]+)px/.exec(String(e.style.font || ''));
                const size = px ? Number(px[1]) : (parseFloat(e.style.fontSize) || 12);
                const r = e.getBoundingRect().clone();
                r.y += r.height / 2 - size / 2;
                r.height = size;
                r.applyTransform(e.getComputedTransform());
                out.push({ text: String(e.style.text), x: r.x, y: r.y, w: r.width, h: r.height });
              });
              return out;
            });
            const p = model.getComponent(arguments[2]).coordinateSystem.getRect();
            return { texts: Object.fromEntries(arguments[1].map((t) => [t, texts(t)])), width: c.getWidth(), height: c.getHeight(),
              plot: { text: 'the plot area', x: p.x, y: p.y, w: p.width, h: p.height } };
            """;

    /** A text's box in a chart. */
    record TextBox(String text, double x, double y, double w, double h) {
        boolean meets(TextBox o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        static TextBox of(Map<String, Object> m) {
            return new TextBox((String) m.get("text"), ((Number) m.get("x")).doubleValue(), ((Number) m.get("y")).doubleValue(),
                    ((Number) m.get("w")).doubleValue(), ((Number) m.get("h")).doubleValue());
        }
    }

    /** The texts a chart draws, by component type, with its plot area and size (see {@link #TEXT_BOXES}). */
    record ChartTexts(String where, Map<String, List<TextBox>> texts, TextBox plot, double width, double height) {
        @SuppressWarnings("unchecked")
        static ChartTexts read(Browser browser, String chart, List<String> types, String plot) {
            Map<String, Object> drawn = (Map<String, Object>) browser.js(TEXT_BOXES, chart, types, plot);
            Map<String, List<TextBox>> texts = new LinkedHashMap<>();
            ((Map<String, List<Map<String, Object>>>) drawn.get("texts"))
                    .forEach((type, list) -> texts.put(type, list.stream().map(TextBox::of).toList()));
            double width = ((Number) drawn.get("width")).doubleValue();
            return new ChartTexts(chart + " at " + (long) width + " px", texts, TextBox.of((Map<String, Object>) drawn.get("plot")),
                    width, ((Number) drawn.get("height")).doubleValue());
        }

        /** Each of {@code mine} that meets a later one of them, one of {@code others}, or the chart's edge. */
        List<String> clashes(List<TextBox> mine, List<TextBox> others) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < mine.size(); i++) {
                TextBox t = mine.get(i);
                for (TextBox o : Stream.concat(mine.subList(i + 1, mine.size()).stream(), others.stream()).toList()) {
                    if (t.meets(o)) {
                        out.add("'" + t.text() + "' meets '" + o.text() + "'");
                    }
                }
                if (t.x() < 0 || t.y() < 0 || t.x() + t.w() > width || t.y() + t.h() > height) {
                    out.add("'" + t.text() + "' crosses the chart's edge");
                }
            }
            return out;
        }
    }

    /**
     * The colour scale of a chart says which end is better and writes its two end values, and none of its texts
     * meets another of them, a text of the other components, the plot area or the chart's edge. Returns the end
     * values, low first.
     */
    static List<Double> assertColourScaleClear(Browser browser, String chart, List<String> others, String plot) {
        List<String> types = new ArrayList<>(others);
        types.add("visualMap");
        ChartTexts drawn = ChartTexts.read(browser, chart, types, plot);
        List<TextBox> scale = drawn.texts().get("visualMap");
        List<TextBox> rest = new ArrayList<>();
        others.forEach(t -> rest.addAll(drawn.texts().get(t)));
        assertThat(rest).as(drawn.where() + ": axis texts").hasSizeGreaterThan(5);
        rest.add(drawn.plot());
        assertThat(scale).as(drawn.where() + ": colour scale texts").isNotEmpty();
        assertThat(drawn.clashes(scale, rest)).as(drawn.where()).isEmpty();
        assertThat(scale).as(drawn.where() + ": colour scale texts").extracting(TextBox::text).contains("better", "worse");
        List<TextBox> values = scale.stream().filter(t -> !t.text().equals("better") && !t.text().equals("worse")).toList();
        assertThat(values).as(drawn.where() + ": the scale's values").hasSize(2);
        return values.stream().map(t -> Double.parseDouble(t.text())).sorted().toList();
    }

    /** A clock of hours, minutes and maybe seconds (with decimals when the ticks are under a second apart). */
    static final Pattern CLOCK = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?");

    /**
     * The time axis of {@code chart} writes each tick as a clock, no two alike, however close together the trials ran
     * (ECharts wrote ticks under a second apart as "15:18:12 002").
     */
    static List<String> assertClockLabelsDistinct(Browser browser, String chart) {
        ChartTexts drawn = ChartTexts.read(browser, chart, List.of("xAxis"), "grid");
        List<String> labels = drawn.texts().get("xAxis").stream().map(TextBox::text).filter(t -> !t.equals("Time")).toList();
        assertThat(labels).as(drawn.where() + ": time axis labels").hasSizeGreaterThan(1).doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t).matches(CLOCK));
        return labels;
    }

    /** The name of a chart's y axis meets none of its labels, and no label another; all lie inside the chart. */
    static void assertAxisTextsApart(Browser browser, String chart, String name) {
        ChartTexts drawn = ChartTexts.read(browser, chart, List.of("yAxis"), "grid");
        List<TextBox> texts = drawn.texts().get("yAxis");
        assertThat(texts).as(drawn.where() + ": y axis texts").extracting(TextBox::text).contains(name).hasSizeGreaterThan(3);
        assertThat(drawn.clashes(texts, List.of())).as(drawn.where()).isEmpty();
    }

    /** Reads chart data out of the browser. */
    static final class DashboardBrowserData {
        @SuppressWarnings("unchecked")
        static int count(Browser b, String chart, int series) {
            return ((List<Object>) ((Map<String, Object>) b.series(chart).get(series)).get("data")).size();
        }
    }

}
