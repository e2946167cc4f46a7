package nas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.FloatDistribution;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import org.junit.jupiter.api.Test;

/**
 * A study larger than the first chunk in headless Chromium: the page draws the first 2,000 trials and says that
 * more are being read, then, once the rest arrives (held back here until released), redraws every plot
 * without a reload.
 */
class LargeStudyBrowserTest {

    @Test
    void theFirstPlotsComeFromTheFirstChunkAndTheRestIsDrawnWhenItArrives() {
        Browser.assumeAvailable();
        InMemoryStorage memory = new InMemoryStorage();
        long id = memory.createStudy("large", List.of(StudyDirection.MINIMIZE));
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            // values fall with the number: the best value is the last trial's
            memory.createTrial(id, FrozenTrial.of(TrialState.COMPLETE, List.of((double) (n - i)), Map.of("x", i / (double) n),
                    Map.of("x", FloatDistribution.of(0, 1))));
        }
        CountDownLatch release = new CountDownLatch(1);
        Storage held = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("trialsFrom") && (Integer) args[2] > 0) {
                        release.await(120, TimeUnit.SECONDS); // the chunks after the first wait for the test
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (DashboardServer server = DashboardServer.start(held, "127.0.0.1", 0, DashboardOptions.of(AccessToken.random()));
             Browser browser = Browser.start()) {
            browser.open(server.url());
            browser.open(server.baseUrl() + "study?name=large");
            browser.waitFor("window.nasCharts['history']", Duration.ofSeconds(60));
            assertThat(browser.text("loading")).isEqualTo("reading trials: 2,000 of 5,000 so far");
            assertThat(browser.text("count-COMPLETE")).isEqualTo("COMPLETE 2000");
            assertThat(browser.js("return window.nasCharts['history'].getOption().series[0].data.length;")).isEqualTo(2000L);
            browser.screenshot("study-large-reading");
            browser.js("window.notReloaded = true;");
            release.countDown();
            browser.waitFor("document.getElementById('count-COMPLETE').textContent === 'COMPLETE 5000'", Duration.ofSeconds(60));
            browser.waitFor("window.nasCharts['history'].getOption().series[0].data.length === 5000", Duration.ofSeconds(60));
            assertThat(browser.text("loading")).isEmpty();
            assertThat(browser.text("best")).isEqualTo("best: 1 (trial 4999)");
            assertThat(browser.js("return window.notReloaded === true;")).isEqualTo(true);
            browser.screenshot("study-large-read");
        } finally {
            release.countDown();
        }
    }
}
