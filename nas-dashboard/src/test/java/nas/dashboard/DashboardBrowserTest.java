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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The served pages in headless Chromium: counts, plots' points, the trial table and page, escaping. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    @TempDir
    static Path dir;

    JdbcStorage storage;
    DashboardServer server;
    Browser browser;

    @BeforeAll
    void start() {
        Browser.assumeAvailable();
        storage = JdbcStorage.open("jdbc:h2:" + dir.resolve("studies"));
        TestStudies.create(storage);
        server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(AccessToken.random()));
        browser = Browser.start(false);
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
    void studiesPageListsEveryStudyWithItsCountsByState() {
        browser.open(page(""));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#studies-rows tr"));
        assertThat(rows).hasSize(3);
        for (String name : List.of(TestStudies.QUADRATIC, TestStudies.ZDT, TestStudies.XSS)) {
            Study s = Studies.builder(name).storage(storage).load();
            WebElement row = rows.stream().filter(r -> name.equals(r.getAttribute("data-study"))).findFirst().orElseThrow();
            for (TrialState state : List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)) {
                assertThat(row.findElement(By.cssSelector(".count-" + state)).getText())
                        .as(name + " " + state).isEqualTo(String.valueOf(s.trials(state).size()));
            }
            assertThat(row.findElement(By.cssSelector(".total")).getText()).isEqualTo(String.valueOf(s.trials().size()));
            assertThat(row.findElement(By.cssSelector(".study-link")).getText()).isEqualTo(name);
        }
        Study q = Studies.builder(TestStudies.QUADRATIC).storage(storage).load();
        assertThat(q.trials(TrialState.PRUNED)).isNotEmpty();
        assertThat(q.trials(TrialState.FAIL)).isNotEmpty();
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
        assertThat(browser.driver.findElement(By.id("best")).getText()).contains("trial " + s.bestTrial().number());
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
        assertThat(data(browser.series("parallel").get(0))).hasSize(complete);
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
        browser.fullScreenshot("study-quadratic-all");
    }

    @Test
    void trialTableSortsFiltersAndPagesOnTheServer() {
        browser.open(page("study?name=" + TestStudies.QUADRATIC));
        Study s = Studies.builder(TestStudies.QUADRATIC).storage(storage).load();
        assertThat(browser.driver.findElement(By.id("trials-range")).getText()).isEqualTo("1–40 of 40");
        browser.driver.findElement(By.cssSelector("th[data-sort='value']")).click();
        browser.waitFor("document.querySelector(\"th[data-sort='value']\").textContent.includes('▲')", java.time.Duration.ofSeconds(20));
        String first = browser.driver.findElement(By.cssSelector("#trials-table tbody tr")).getAttribute("data-number");
        assertThat(Integer.parseInt(first)).isEqualTo(s.bestTrial().number());
        browser.driver.findElement(By.cssSelector(".state-filter[value='FAIL']")).click();
        browser.driver.findElement(By.id("filter-apply")).click();
        int failed = s.trials(TrialState.FAIL).size();
        browser.waitFor("document.getElementById('trials-range').textContent.endsWith(' of " + failed + "')",
                java.time.Duration.ofSeconds(20));
        assertThat(browser.driver.findElements(By.cssSelector("#trials-table tbody tr"))).hasSize(failed);
        browser.screenshot("study-trials-failed");
    }

    @Test
    void trialPageShowsParamsAttributesAndTheFailReason() {
        Study s = Studies.builder(TestStudies.QUADRATIC).storage(storage).load();
        FrozenTrial failed = s.trials(TrialState.FAIL).get(0);
        browser.open(page("trial?study=" + TestStudies.QUADRATIC + "&number=" + failed.number()));
        browser.fullScreenshot("trial-failed");
        assertThat(browser.driver.findElement(By.id("trial-state")).getText()).isEqualTo("FAIL");
        assertThat(browser.driver.findElement(By.id("fail-reason")).getText())
                .isEqualTo(failed.systemAttrs().get(FrozenTrial.FAIL_REASON)).contains("diverged");
        String params = browser.driver.findElement(By.id("trial-params")).getText();
        assertThat(params).contains("x", "lr", "layers", "optimizer");
        assertThat(browser.series("trial-intermediate")).hasSize(1);
        browser.fullScreenshot("trial-failed");
    }

    @Test
    void aStudyNamedLikeMarkupRendersAsText() {
        browser.open(page(""));
        WebElement link = browser.driver.findElements(By.cssSelector(".study-link")).stream()
                .filter(e -> e.getText().equals(TestStudies.XSS)).findFirst().orElseThrow();
        assertThat(browser.js("return document.querySelectorAll('img').length;")).isEqualTo(0L);
        link.click();
        browser.waitFor("document.body.dataset.ready === 'true' && document.body.dataset.page === 'study'",
                java.time.Duration.ofSeconds(60));
        assertThat(browser.driver.findElement(By.id("study-name")).getText()).isEqualTo(TestStudies.XSS);
        assertThat(browser.js("return document.querySelectorAll('img').length;")).isEqualTo(0L);
        // an alert would have left a dialog open: any command then fails with UnhandledAlertException
        assertThat(browser.driver.getTitle()).isEqualTo("NAS dashboard");
        browser.screenshot("study-xss");
    }
}
