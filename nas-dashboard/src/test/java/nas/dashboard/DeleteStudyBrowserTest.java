package nas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.FloatDistribution;
import nas.api.storage.InMemoryStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deleting a study from the studies page of a dashboard started with --allow-write, in headless Chromium: a study
 * with RUNNING trials is refused as {@code nas delete-study} refuses it without --force, the reason shown on the
 * page; a study without them is deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeleteStudyBrowserTest {

    InMemoryStorage storage;
    DashboardServer server;
    Browser browser;

    @BeforeAll
    void start() {
        Browser.assumeAvailable();
        storage = new InMemoryStorage();
        for (String name : List.of("busy", "done")) {
            long id = storage.createStudy(name, List.of(StudyDirection.MINIMIZE));
            for (int i = 0; i < 3; i++) {
                storage.createTrial(id, FrozenTrial.of(TrialState.COMPLETE, List.of((double) i), Map.of("x", i / 4.0),
                        Map.of("x", FloatDistribution.of(0, 1))));
            }
        }
        storage.createTrial(storage.findStudy("busy").orElseThrow(), null); // RUNNING, as a search's trial
        server = DashboardServer.start(storage, "127.0.0.1", 0,
                DashboardOptions.of(AccessToken.random()).withAllowWrite(true));
        browser = Browser.start();
        browser.open(server.url());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Clicks the Delete button of {@code study}'s row, typing its name into the confirmation prompt. */
    private void delete(String study) {
        browser.js("window.prompt = () => arguments[0];"
                + "document.querySelector('#studies-rows tr[data-study=\"' + arguments[0] + '\"] button.danger').click();",
                study);
    }

    @Test
    void aStudyWithRunningTrialsIsRefusedWithTheReasonOnThePageAndAnotherIsDeleted() {
        browser.open(server.baseUrl());
        delete("busy");
        browser.waitFor("document.getElementById('delete-refused').textContent !== ''", Duration.ofSeconds(30));
        assertThat(browser.text("delete-refused")).isEqualTo("study 'busy' has 1 RUNNING trial: a search may be running "
                + "on it; stop it first, or delete it anyway with 'nas delete-study --study busy --force'");
        assertThat(storage.findStudy("busy")).isPresent();
        assertThat(browser.count("#studies-rows tr[data-study=\"busy\"]")).isEqualTo(1);
        browser.screenshot("studies-delete-refused", 1400, 500);

        delete("done");
        browser.waitFor("!document.querySelector('#studies-rows tr[data-study=\"done\"]')", Duration.ofSeconds(30));
        assertThat(storage.findStudy("done")).isEmpty();
        // the refusal was about the other study: it goes with the next delete
        assertThat(browser.text("delete-refused")).isEmpty();
        assertThat(browser.count("#studies-rows tr[data-study=\"busy\"]")).isEqualTo(1);
    }
}
