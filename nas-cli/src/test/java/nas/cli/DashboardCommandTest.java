package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nas.api.Studies;
import nas.api.Study;
import nas.api.TrialState;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.dashboard.AccessToken;
import nas.dashboard.Browser;
import nas.dashboard.DashboardOptions;
import nas.dashboard.DashboardServer;
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

    @org.junit.jupiter.api.AfterEach
    void stopStorageServers() throws java.io.IOException {
        CliProcess.stopServers(dir);
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
        CliRunner.Result pareto = CliRunner.run("pareto", "--study", "mo", "--format", "json", "--storage", db());
        ok(pareto);
        CliRunner.Result importance = CliRunner.run("importance", "--study", "e", "--format", "json", "--storage", db());
        ok(importance);
        Map<String, Object> front = (Map<String, Object>) Json.read(pareto.out());
        Map<String, Object> ranks = (Map<String, Object>) Json.read(importance.out());

        try (Storage storage = new StorageOptions(db()).open();
             DashboardServer server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(AccessToken.random()));
             Browser browser = Browser.start(false)) {
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
            browser.fullScreenshot("study-pareto");

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
            browser.fullScreenshot("study-importance");
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
        try (Browser browser = Browser.start(false)) {
            dashboard.awaitOutputLines(2, 60);
            String out = Files.readString(Files.list(dir).filter(p -> p.getFileName().toString().startsWith("nas-out"))
                    .findFirst().orElseThrow());
            Matcher m = Pattern.compile("open (http://\\S+)").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            String url = m.group(1);
            browser.open(url);
            browser.open(url.substring(0, url.indexOf("?token=")) + "study?name=live");
            assertThat(browser.text("count-COMPLETE")).isEqualTo("COMPLETE 0");
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

    @Test
    void theReportDrawsEveryPlotOfflineFromOneFile() throws Exception {
        Browser.assumeAvailable();
        ok(CliRunner.run("search", "--study", "r", "--objective", "ellipsoid", "--dim", "3", "--n-trials", "30",
                "--seed", "2", "--quiet", "--storage", db()));
        Path file = dir.resolve("out/report.html");
        CliRunner.Result r = CliRunner.run("report", "--study", "r", "--out", file.toString(), "--storage", db());
        ok(r);
        assertThat(r.out()).startsWith("wrote " + file);
        String html = Files.readString(file);
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "<link");
        int complete;
        try (Storage storage = new StorageOptions(db()).open()) {
            Study s = Studies.builder("r").storage(storage).load();
            complete = s.trials(TrialState.COMPLETE).size();
        }
        try (Browser browser = Browser.start(true)) {
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
            browser.fullScreenshot("report");
        }
    }

    /** Reads chart data out of the browser. */
    static final class DashboardBrowserData {
        @SuppressWarnings("unchecked")
        static int count(Browser b, String chart, int series) {
            return ((List<Object>) ((Map<String, Object>) b.series(chart).get(series)).get("data")).size();
        }
    }

}
