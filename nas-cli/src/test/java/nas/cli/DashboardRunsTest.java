package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nas.api.json.Json;
import nas.api.storage.Storage;
import nas.dashboard.AccessToken;
import nas.dashboard.Browser;
import nas.dashboard.DashboardOptions;
import nas.dashboard.DashboardServer;
import nas.sim.physics.FrameRecording;
import nas.storage.RunStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evolution runs ({@code nas evolve}) in the dashboard: the JSON API gives what {@link RunStore} holds (the
 * generations' statistics, the creatures, the stored frames decoded), and in Chromium the studies page links a
 * run to its page, which draws the charts, animates a creature's stored frames and follows a running run.
 */
class DashboardRunsTest {

    @TempDir
    Path dir;

    private static Browser shared;

    @AfterAll
    static void closeBrowser() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    String db() {
        return "jdbc:h2:" + dir.resolve("runs").toAbsolutePath();
    }

    /** A small run of 4 generations of 30 creatures, frames of the best 3, 2 random ones and the worst. */
    void evolve(String run, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("evolve", "-c", "pure_baseline", "-p", "30", "-g", "4",
                "-s", "7", "--run-id", run, "--frames", "selective", "--frame-top", "3", "--frame-random", "2", "--frame-bottom", "1",
                "--checkpoint-every", "2", "--quiet", "--storage", db()));
        args.addAll(List.of(more));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    <T> T runs(java.util.function.Function<RunStore, T> read) {
        return CliRunner.readRuns(db(), read);
    }

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    static HttpResponse<String> get(DashboardServer server, AccessToken token, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/" + path))
                .header("Authorization", "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Object api(DashboardServer server, AccessToken token, String path) throws Exception {
        HttpResponse<String> r = get(server, token, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return Json.read(r.body());
    }

    static void error(DashboardServer server, AccessToken token, String path, int status, String message) throws Exception {
        HttpResponse<String> r = get(server, token, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        assertThat(Json.read(r.body())).isEqualTo(Map.of("error", message));
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiGivesTheStoredGenerationsCreaturesAndDecodedFrames() throws Exception {
        evolve("small");
        RunStore.Run stored = runs(s -> s.run("small").orElseThrow());
        List<RunStore.Generation> generations = runs(s -> s.generations("small", 0));
        List<RunStore.Creature> last = runs(s -> s.creatures("small", 3));
        List<Integer> framed = runs(s -> s.framedCreatures("small", 3));
        int checkpoint = runs(s -> s.lastCheckpoint("small").orElseThrow().generation());
        AccessToken token = AccessToken.random();
        try (Storage storage = new StorageOptions(db()).open();
             DashboardServer server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(token))) {
            List<Map<String, Object>> list = (List<Map<String, Object>>) api(server, token, "runs");
            assertThat(list).hasSize(1);
            assertThat(list.get(0)).containsEntry("run", "small").containsEntry("status", "COMPLETE")
                    .containsEntry("generations", 4L).containsEntry("target", 4L).containsEntry("best_generation",
                            (long) stored.bestGeneration());
            assertThat(num(list.get(0).get("best"))).isEqualTo(stored.bestFitness());

            Map<String, Object> run = (Map<String, Object>) api(server, token, "runs/small");
            assertThat(run).containsEntry("last_checkpoint", (long) checkpoint).containsEntry("checkpoint_every", 2L)
                    .containsEntry("frames", "selective:3,2,1").containsEntry("frame_rate", 15L)
                    .containsEntry("frames_text", "selective: top 3, random 2, bottom 1, 15 fps").containsEntry("eta_seconds", null);
            assertThat(((Map<String, Object>) run.get("config_values"))).containsEntry("population_size", 30L);

            // every generation's statistics are RunStore's; from=2 gives the last two only
            List<Map<String, Object>> gens = (List<Map<String, Object>>) api(server, token, "runs/small/generations");
            assertThat(gens).hasSize(4);
            for (int g = 0; g < 4; g++) {
                RunStore.Generation want = generations.get(g);
                Map<String, Object> got = gens.get(g);
                assertThat(got.get("generation")).isEqualTo((long) g);
                assertThat(num(got.get("best"))).isEqualTo(want.best());
                assertThat(num(got.get("mean"))).isEqualTo(want.mean());
                assertThat(num(got.get("median"))).isEqualTo(want.median());
                assertThat(num(got.get("worst"))).isEqualTo(want.worst());
                assertThat(num(got.get("best_ever"))).isEqualTo(want.bestEver());
                assertThat(num(got.get("diversity"))).isEqualTo(want.diversity());
                assertThat(got.get("pellets")).isEqualTo((long) want.pellets());
            }
            assertThat((List<Map<String, Object>>) api(server, token, "runs/small/generations?from=2"))
                    .extracting(m -> m.get("generation")).containsExactly(2L, 3L);

            // the last generation's creatures best first; those with frames are the best 3, 2 random, the worst
            Map<String, Object> creatures = (Map<String, Object>) api(server, token, "runs/small/generations/3/creatures");
            List<Map<String, Object>> rows = (List<Map<String, Object>>) creatures.get("creatures");
            assertThat(rows).hasSize(30);
            assertThat(creatures.get("framed")).isEqualTo((long) framed.size());
            assertThat(framed).hasSize(6);
            for (int r = 0; r < 30; r++) {
                Map<String, Object> row = rows.get(r);
                assertThat(row.get("rank")).isEqualTo(r + 1L);
                RunStore.Creature c = last.get(((Number) row.get("index")).intValue());
                assertThat(num(row.get("fitness"))).isEqualTo(c.fitness());
                if (r > 0) {
                    assertThat(num(row.get("fitness"))).isLessThanOrEqualTo(num(rows.get(r - 1).get("fitness")));
                }
                assertThat(row.get("framed")).isEqualTo(framed.contains(c.index()));
                assertThat(row.get("kind")).isEqualTo(!framed.contains(c.index()) ? null : r < 3 ? "top" : r == 29 ? "bottom"
                        : "random");
            }

            // the best creature's frames are the stored ones, decoded: node and pellet positions in metres
            int best = ((Number) rows.get(0).get("index")).intValue();
            RunStore.Creature bestCreature = last.get(best);
            FrameRecording want = FrameRecording.decode(runs(s -> s.frames("small", 3, best).orElseThrow().data()));
            Map<String, Object> frames = (Map<String, Object>) api(server, token,
                    "runs/small/generations/3/creatures/" + best + "/frames");
            assertThat(frames).containsEntry("rank", 1L).containsEntry("kind", "top").containsEntry("frame_rate", 15L);
            List<Map<String, Object>> got = (List<Map<String, Object>>) frames.get("frames");
            assertThat(got).hasSize(want.frameCount());
            for (int f = 0; f < want.frameCount(); f++) {
                List<List<Number>> nodes = (List<List<Number>>) got.get(f).get("nodes");
                assertThat(nodes).hasSize(want.nodes());
                for (int i = 0; i < want.nodes(); i++) {
                    for (int a = 0; a < 3; a++) {
                        assertThat(Math.round(num(nodes.get(i).get(a)) * 1000)).isEqualTo(want.value(f, 3 * i + a));
                    }
                }
                List<Number> pellet = (List<Number>) got.get(f).get("pellet");
                assertThat(Math.round(num(pellet.get(0)) * 1000)).isEqualTo(want.value(f, 3 * want.nodes()));
                assertThat(got.get(f).get("collected")).isEqualTo((long) want.value(f, 3 * want.nodes() + 3));
                assertThat(num(got.get(f).get("t"))).isEqualTo(f / 15.0);
            }
            // the centre of mass is weighted by the node masses: at the last frame it is the simulator's at the end
            nas.sim.config.LabConfig lab = nas.dashboard.StoredRuns.config(stored, new java.util.ArrayList<>());
            nas.sim.physics.CreatureSimulator sim = new nas.sim.physics.CreatureSimulator();
            FrameRecording again = FrameRecording.record(sim, nas.dashboard.StoredRuns.genomeOf(bestCreature.genome()), lab,
                    bestCreature.pelletSeed(), 15);
            assertThat(again.values()).isEqualTo(want.values());
            assertThat((want.frameCount() - 1) * Math.round(1 / (15 * lab.timeStep()))).isEqualTo(sim.steps());
            List<Number> com = (List<Number>) got.get(got.size() - 1).get("com");
            assertThat(num(com.get(0))).isCloseTo(sim.comX(), org.assertj.core.data.Offset.offset(0.0005));
            assertThat(num(com.get(1))).isCloseTo(sim.comY(), org.assertj.core.data.Offset.offset(0.0005));
            assertThat(num(com.get(2))).isCloseTo(sim.comZ(), org.assertj.core.data.Offset.offset(0.0005));
            // as many collections drawn as the creature collected pellets, and its muscles as stored
            assertThat((List<Object>) frames.get("collections")).hasSize(bestCreature.pellets());
            assertThat((List<Object>) frames.get("muscles")).hasSize(bestCreature.muscles());

            // unknown names and numbers out of range: 404 with one line; not a number: 400
            int unframed = ((Number) rows.stream().filter(m -> m.get("framed").equals(false)).findFirst().orElseThrow()
                    .get("index")).intValue();
            error(server, token, "runs/nope", 404, "no run 'nope' (see /api/runs)");
            error(server, token, "runs/nope/generations", 404, "no run 'nope' (see /api/runs)");
            error(server, token, "runs/small/generations/4/creatures", 404, "run 'small' has generations 0..3, not 4");
            error(server, token, "runs/small/generations/-1/creatures", 404, "run 'small' has generations 0..3, not -1");
            error(server, token, "runs/small/generations/3/creatures/30/frames", 404,
                    "generation 3 of run 'small' has creatures 0..29, not 30");
            error(server, token, "runs/small/generations/3/creatures/" + unframed + "/frames", 404, "creature "
                    + unframed + " of generation 3 of run 'small' has no stored frames (the run records selective: "
                    + "top 3, random 2, bottom 1, 15 fps)");
            error(server, token, "runs/small/generations/three/creatures", 400, "expected an integer, but got 'three'");
            error(server, token, "runs/small/generations?from=x", 400, "expected an integer, but got 'x'");
            error(server, token, "runs/small/generations/3/creatures/1.5/frames", 400, "expected an integer, but got '1.5'");
            error(server, token, "runs/small/other", 404, "no such API route: /api/runs/small/other");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void onPostgresqlTheDashboardReadsTheRunsItself() throws Exception {
        String pg = nas.storage.PostgresTestServer.freshUrl("dashruns");
        CliRunner.Result r = CliRunner.runOn(pg, "evolve", "-c", "pure_baseline", "-p", "20", "-g", "2", "-s", "5",
                "--run-id", "pg", "--frames", "all", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<RunStore.Generation> generations = CliRunner.readRuns(pg, s -> s.generations("pg", 0));
        FrameRecording want = FrameRecording.decode(CliRunner.readRuns(pg, s -> s.frames("pg", 1, 7).orElseThrow().data()));
        AccessToken token = AccessToken.random();
        try (Storage storage = new StorageOptions(pg).open();
             DashboardServer server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(token))) {
            assertThat((List<Map<String, Object>>) api(server, token, "runs")).extracting(m -> m.get("run")).containsExactly("pg");
            List<Map<String, Object>> gens = (List<Map<String, Object>>) api(server, token, "runs/pg/generations");
            assertThat(gens).extracting(m -> num(m.get("best"))).containsExactly(generations.get(0).best(),
                    generations.get(1).best());
            Map<String, Object> creatures = (Map<String, Object>) api(server, token, "runs/pg/generations/1/creatures");
            assertThat(creatures).containsEntry("framed", 20L);
            assertThat((List<Map<String, Object>>) creatures.get("creatures")).extracting(m -> m.get("kind")).containsOnly("all");
            List<Map<String, Object>> frames = (List<Map<String, Object>>) ((Map<String, Object>) api(server, token,
                    "runs/pg/generations/1/creatures/7/frames")).get("frames");
            assertThat(frames).hasSize(want.frameCount());
            List<List<Number>> last = (List<List<Number>>) frames.get(want.frameCount() - 1).get("nodes");
            for (int i = 0; i < want.nodes(); i++) {
                assertThat(Math.round(num(last.get(i).get(2)) * 1000)).isEqualTo(want.value(want.frameCount() - 1, 3 * i + 2));
            }
        }
    }

    /**
     * A run page as a reader meets it: in an 800 px window the creature list sits above the animation, which keeps its
     * proportions; a run without frames gives the command that simulates a creature again whole, on a line of its own.
     * Also the picture docs/dashboard-run.png comes from here (run-page-docs.png: scripts/docs-images.sh).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRunPageReadsInANarrowWindowAndGivesTheReplayCommandWhenNoFramesAreStored() throws Exception {
        Browser.assumeAvailable();
        // the docs' run: long enough for the charts to show a course, short enough for a test (seconds)
        CliRunner.Result r = CliRunner.run("evolve", "-c", "pure_baseline", "-p", "60", "-g", "40", "-s", "7", "--run-id", "demo",
                "--frames", "selective", "--frame-top", "5", "--frame-random", "3", "--frame-bottom", "2", "--quiet", "--storage", db());
        assertThat(r.exitCode()).as(r.err()).isZero();
        r = CliRunner.run("evolve", "-c", "pure_baseline", "-p", "10", "-g", "2", "-s", "7", "--run-id", "bare", "--frames", "none",
                "--quiet", "--storage", db());
        assertThat(r.exitCode()).as(r.err()).isZero();
        AccessToken token = AccessToken.random();
        try (Storage storage = new StorageOptions(db()).open();
             DashboardServer server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(token))) {
            if (shared == null) {
                shared = Browser.start();
            } else {
                shared.reset();
            }
            Browser browser = shared;
            browser.open(server.url());
            browser.open(server.baseUrl() + "run?name=demo");
            browser.waitFor("window.nasReplay && window.nasReplay.state.draws > 1", Duration.ofSeconds(30));
            browser.screenshot("run-page-docs", 1400, 1900); // docs/dashboard-run.png
            assertThat(browser.chartTextsCutOff()).isEmpty();
            browser.resize(800, 1000);
            Map<String, Number> box = (Map<String, Number>) browser.js("const c = document.getElementById('replay-canvas');"
                    + " const t = document.getElementById('creatures-table');"
                    + " return {w: c.clientWidth, h: c.clientHeight, canvasTop: c.getBoundingClientRect().top,"
                    + " tableBottom: t.getBoundingClientRect().bottom, scroll: document.documentElement.scrollWidth,"
                    + " window: document.documentElement.clientWidth};");
            assertThat(box.get("canvasTop").doubleValue()).isGreaterThanOrEqualTo(box.get("tableBottom").doubleValue());
            assertThat(box.get("h").doubleValue() / box.get("w").doubleValue())
                    .isCloseTo(420.0 / 900.0, org.assertj.core.api.Assertions.within(0.01));
            assertThat(box.get("w").intValue()).isGreaterThan(600); // the card's width, not a column beside the list
            assertThat(box.get("scroll").intValue()).isLessThanOrEqualTo(box.get("window").intValue());
            assertThat(browser.chartTextsCutOff()).isEmpty();
            browser.fullScreenshot("run-page-800", 800);

            browser.resize(1400, 1000);
            browser.open(server.baseUrl() + "run?name=bare");
            browser.waitFor("document.getElementById('no-frames')", Duration.ofSeconds(30));
            assertThat(browser.js("return document.querySelector('#no-frames code').textContent;"))
                    .isEqualTo("nas replay bare --generation 0 --rank 1");
            // on one line: one line of 12 px text and its padding (two lines were about 40 px)
            assertThat(((Number) browser.js("return document.querySelector('#no-frames code').clientHeight;")).intValue())
                    .isLessThan(32);
            browser.fullScreenshot("run-page-no-frames");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStudiesPageLinksARunWhosePageDrawsItsChartsAnimatesStoredFramesAndFollowsARunningRun() throws Exception {
        Browser.assumeAvailable();
        evolve("small");
        List<RunStore.Generation> generations = runs(s -> s.generations("small", 0));
        // served as users serve it: nas dashboard asks the storage server of the file to serve it
        CliProcess dashboard = CliProcess.start(dir, "dashboard", "--port", "0", "--storage", db());
        CliProcess running = null;
        try {
            dashboard.awaitOutputLines(2, 60);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("open (http://\\S+)").matcher(dashboard.output());
            assertThat(m.find()).as(dashboard.output() + dashboard.errorOutput()).isTrue();
            String url = m.group(1);
            String base = url.substring(0, url.indexOf("?token="));
            shared = Browser.start();
            Browser browser = shared;
            browser.open(url);
            browser.waitFor("document.querySelector('#runs-rows tr[data-run=\"small\"]')", Duration.ofSeconds(30));
            assertThat(browser.js("return document.querySelector('#runs-rows tr[data-run=\"small\"] .progress').textContent;"))
                    .isEqualTo("4 / 4");
            // its frames as nas runs and nas run-status say them, not the stored key
            assertThat(browser.js("return document.querySelector('#runs-rows tr[data-run=\"small\"]').cells[6].textContent;"))
                    .isEqualTo("selective: top 3, random 2, bottom 1, 15 fps");
            // the section holds its heading and table only (no STOPPED run, so no note, and no stray "null")
            assertThat(browser.js("return Array.from(document.getElementById('runs-section').childNodes)"
                    + ".map((n) => n.nodeName).join(' ');")).isEqualTo("H1 TABLE");
            browser.screenshot("runs-home", 1400, 700);
            browser.clickText("a.run-link", "small");
            browser.waitFor("location.pathname.endsWith('/run') && document.body.dataset.ready === 'true'",
                    Duration.ofSeconds(30));
            browser.waitFor("window.nasReplay && window.nasReplay.state.draws > 1", Duration.ofSeconds(30));
            // the fitness chart holds RunStore's best of each generation
            List<Object> series = browser.series("run-fitness");
            List<List<Number>> best = (List<List<Number>>) ((Map<String, Object>) series.get(0)).get("data");
            assertThat(best).hasSize(4);
            for (int g = 0; g < 4; g++) {
                assertThat(num(best.get(g).get(1))).isEqualTo(generations.get(g).best());
            }
            assertThat(browser.text("run-status")).isEqualTo("COMPLETE, 4 of 4 generations done (100%)");
            assertThat(browser.text("run-frames")).isEqualTo("selective: top 3, random 2, bottom 1, 15 fps");
            // the animation advances through the stored frames, and the canvas changes with it
            String before = (String) browser.js("return document.getElementById('replay-canvas').toDataURL();");
            long frame = ((Number) browser.js("return window.nasReplay.state.frame;")).longValue();
            browser.waitFor("window.nasReplay.state.frame !== " + frame, Duration.ofSeconds(10));
            assertThat(browser.js("return document.getElementById('replay-canvas').toDataURL();")).isNotEqualTo(before);
            assertThat(browser.count("#creatures-table tbody tr")).isEqualTo(6);
            browser.screenshot("run-page", 1400, 1900); // the whole page

            // another creature: its stored frames replace the first's
            browser.js("document.querySelector('#creatures-table tbody tr:last-child').click();");
            browser.waitFor("window.nasReplay.data.rank === 30", Duration.ofSeconds(10));
            assertThat(browser.text("replay-note")).contains("rank 30 (bottom)");

            // a running run (more generations than it gets to; pure_baseline would end it after 200 generations
            // without progress, which an idle machine reached before the page was read): its page follows it
            // without a reload
            running = CliProcess.start(dir, "evolve", "-c", "pure_baseline", "-p", "20", "-g", "100000", "-s", "3",
                    "--set", "stagnation_limit=1000000", "--run-id", "long", "--frames", "selective", "--frame-top", "2", "--frame-random", "0", "--frame-bottom", "0",
                    "--storage", db());
            browser.open(base + "run?name=long");
            browser.waitFor("window.nasCharts['run-fitness'] && window.nasReplay", Duration.ofSeconds(60));
            browser.js("window.notReloaded = true;");
            int seen = ((Number) browser.js("return window.nasCharts['run-fitness'].getOption().series[0].data.length;")).intValue();
            browser.waitFor("window.nasCharts['run-fitness'].getOption().series[0].data.length > " + (seen + 2),
                    Duration.ofSeconds(60));
            assertThat(browser.js("return window.notReloaded === true;")).isEqualTo(true);
            assertThat(browser.text("run-status")).matches("RUNNING, \\d+ of 100000 generations done \\(0%\\), in pid .*");
            browser.screenshot("run-page-running", 1400, 1900);
            // killed: no process runs it any more, and the page says so
            // (at once: its pid is gone on this host; at the latest after the 60 s grace without a heartbeat)
            running.kill();
            try {
                browser.waitFor("document.getElementById('run-status').textContent.startsWith('STOPPED')", Duration.ofSeconds(90));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the page says '" + browser.text("run-status") + "' (errors: '" + browser.text("errors")
                        + "'), nas runs: " + CliRunner.run("runs", "--format", "json", "--storage", db()).out(), e);
            }
            assertThat(browser.text("run-status")).endsWith("; 'nas evolve --resume long' continues it");
            assertThat(browser.text("run-time")).doesNotContain("ETA");
            browser.screenshot("run-page-stopped", 1400, 500);
        } finally {
            if (running != null) {
                running.kill();
            }
            dashboard.kill();
        }
    }
}
