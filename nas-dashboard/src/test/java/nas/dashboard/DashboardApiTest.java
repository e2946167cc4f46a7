package nas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.FloatDistribution;
import nas.api.exception.StorageException;
import nas.api.json.Json;
import nas.api.storage.InMemoryStorage;
import nas.api.storage.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import nas.api.testing.LogCapture;
import java.util.logging.Level;

/** The JSON API over HTTP: the token, paging/sorting/filtering, thinning, writes, broken storages. */
class DashboardApiTest {

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final AccessToken token = AccessToken.random();
    DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    DashboardServer serve(Storage storage, boolean allowWrite) {
        server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(token).withAllowWrite(allowWrite));
        return server;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the dashboard has read all of a large study (it reads one in chunks). */
    @SuppressWarnings("unchecked")
    void awaitEveryTrialRead(String study) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (((Map<String, Object>) api("studies/" + study)).get("loading") != null) {
            assertThat(System.nanoTime()).as("study read within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    Object api(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get("api/" + path, "Authorization", "Bearer " + token.value());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.read(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A study of n COMPLETE trials of one float parameter x in [0, 1) with value = a random walk. */
    static InMemoryStorage study(String name, int n, long seed) {
        InMemoryStorage storage = new InMemoryStorage();
        long id = storage.createStudy(name, List.of(StudyDirection.MINIMIZE));
        SplittableRandom random = new SplittableRandom(seed);
        FloatDistribution d = FloatDistribution.of(0, 1);
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble();
            TrialState state = i % 10 == 9 ? TrialState.FAIL : TrialState.COMPLETE;
            storage.createTrial(id, FrozenTrial.of(state, state == TrialState.COMPLETE ? List.of(x * 100 + random.nextDouble())
                    : List.of(), Map.of("x", x), Map.of("x", d)));
        }
        return storage;
    }

    @Test
    void everyPageAndApiCallNeedsTheToken() throws Exception {
        serve(study("s", 5, 1), false);
        assertThat(get("api/studies").statusCode()).isEqualTo(401);
        assertThat(get("").statusCode()).isEqualTo(401);
        assertThat(get("api/studies", "Authorization", "Bearer wrong-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(get("?token=wrong-token-0123456789").statusCode()).isEqualTo(401);
        HttpResponse<String> exchange = get("study?name=s&token=" + token.value());
        assertThat(exchange.statusCode()).isEqualTo(303);
        assertThat(exchange.headers().firstValue("Location")).hasValue("/study?name=s");
        String cookie = exchange.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(AccessToken.COOKIE + "=" + token.value()).contains("HttpOnly", "SameSite=Strict");
        HttpResponse<String> page = get("study?name=s", "Cookie", cookie.split(";")[0]);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(get("api/studies", "Cookie", cookie.split(";")[0]).statusCode()).isEqualTo(200);
        // the chart library and page script are public: they hold no data
        assertThat(get("static/echarts.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void mountedUnderABasePathNextToOtherRoutes() throws Exception {
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/v1/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        Dashboard.mount(http, study("s", 3, 7), DashboardOptions.of(token).withBasePath("/dashboard"));
        http.start();
        try {
            String base = "http://127.0.0.1:" + http.getAddress().getPort();
            HttpResponse<String> exchange = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/?token="
                    + token.value())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(exchange.statusCode()).isEqualTo(303);
            assertThat(exchange.headers().firstValue("Location")).hasValue("/dashboard/");
            assertThat(exchange.headers().firstValue("Set-Cookie").orElseThrow()).contains("Path=/dashboard;");
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/"))
                    .header("Authorization", "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("src=\"/dashboard/static/dashboard.js\"", "data-base=\"/dashboard\"");
            HttpResponse<String> studies = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/api/studies"))
                    .header("Authorization", "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(studies.body()).contains("\"name\":\"s\"");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/v1/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        } finally {
            http.stop(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void trialTableIsSortedFilteredAndPagedOnTheServer() throws Exception {
        InMemoryStorage storage = study("s", 300, 2);
        serve(storage, false);
        List<FrozenTrial> all = storage.trials(storage.findStudy("s").getAsLong(), java.util.Set.of());
        Map<String, Object> page = (Map<String, Object>) api("studies/s/trials?offset=20&limit=10&sort=value&order=desc");
        List<FrozenTrial> complete = all.stream().filter(t -> t.state() == TrialState.COMPLETE)
                .sorted(Comparator.comparingDouble((FrozenTrial t) -> t.value()).reversed()).toList();
        assertThat(((Number) page.get("total")).intValue()).isEqualTo(300);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
        assertThat(rows).extracting(r -> ((Number) r.get("number")).intValue()).containsExactlyElementsOf(
                complete.subList(20, 30).stream().map(FrozenTrial::number).toList());
        // FAIL trials have no value: last in either order
        Map<String, Object> tail = (Map<String, Object>) api("studies/s/trials?offset=290&limit=10&sort=value&order=asc");
        assertThat((List<Map<String, Object>>) tail.get("rows")).allSatisfy(r -> assertThat(r.get("state")).isEqualTo("FAIL"));
        Map<String, Object> filtered = (Map<String, Object>) api(
                "studies/s/trials?state=COMPLETE&value_min=20&value_max=40&param=x&param_min=0.25&param_max=0.35&limit=1000");
        long expected = all.stream().filter(t -> t.state() == TrialState.COMPLETE && t.value() >= 20 && t.value() <= 40
                && (double) t.param("x") >= 0.25 && (double) t.param("x") <= 0.35).count();
        assertThat(expected).isPositive();
        assertThat(((Number) filtered.get("total")).longValue()).isEqualTo(expected);
        HttpResponse<String> bad = get("api/studies/s/trials?sort=colour", "Authorization", "Bearer " + token.value());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("sort must be");
        HttpResponse<String> nope = get("api/studies/nope/trials", "Authorization", "Bearer " + token.value());
        assertThat(nope.statusCode()).isEqualTo(404);
        assertThat(Json.read(nope.body())).isEqualTo(Map.of("error", "no study named 'nope' exists"));
        assertThat(Json.read(get("api/studies/nope", "Authorization", "Bearer " + token.value()).body()))
                .isEqualTo(Map.of("error", "no study named 'nope' exists"));
        HttpResponse<String> noTrial = get("api/studies/s/trials/99999", "Authorization", "Bearer " + token.value());
        assertThat(noTrial.statusCode()).isEqualTo(404);
        assertThat(Json.read(noTrial.body())).isEqualTo(Map.of("error", "study 's' has no trial 99999"));
    }

    @Test
    void aStorageWithoutADatabaseListsNoRuns() throws Exception {
        serve(study("s", 3, 1), false);
        assertThat(api("runs")).isEqualTo(List.of());
        HttpResponse<String> none = get("api/runs/r1/generations", "Authorization", "Bearer " + token.value());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(Json.read(none.body())).isEqualTo(Map.of("error", "no run 'r1': this storage keeps no evolution runs"));
        assertThat(get("run?name=r1", "Authorization", "Bearer " + token.value()).statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void longHistoriesAreThinnedButTheBestLineStaysExact() throws Exception {
        InMemoryStorage storage = study("big", 30_000, 3);
        serve(storage, false);
        awaitEveryTrialRead("big");
        Map<String, Object> h = (Map<String, Object>) api("studies/big/history?objective=0");
        List<FrozenTrial> complete = storage.trials(storage.findStudy("big").getAsLong(), java.util.EnumSet.of(TrialState.COMPLETE));
        assertThat(((Number) h.get("complete")).intValue()).isEqualTo(27_000);
        assertThat(h.get("thinned")).isEqualTo(true);
        List<List<Number>> points = (List<List<Number>>) h.get("points");
        assertThat(points.size()).isBetween(9_000, 10_100);
        List<List<Number>> best = (List<List<Number>>) h.get("best");
        double running = Double.POSITIVE_INFINITY;
        List<Integer> improving = new ArrayList<>();
        for (FrozenTrial t : complete) {
            if (t.value() < running) {
                running = t.value();
                improving.add(t.number());
            }
            assertThat(DashboardBrowserTest.stepValueAt(best, t.number())).isEqualTo(running);
        }
        // every improving trial is among the points shown
        List<Integer> shown = points.stream().map(p -> p.get(0).intValue()).toList();
        assertThat(shown).containsAll(improving);
    }

    @Test
    void deletingNeedsAllowWriteAndTheStudysNameAsConfirmation() throws Exception {
        InMemoryStorage storage = study("doomed", 3, 4);
        serve(storage, false);
        assertThat(delete("doomed", "{\"confirm\":\"doomed\"}").statusCode()).isEqualTo(403);
        server.close();
        serve(storage, true);
        assertThat(delete("doomed", "{\"confirm\":\"other\"}").statusCode()).isEqualTo(400);
        assertThat(storage.findStudy("doomed")).isPresent();
        assertThat(delete("doomed", "{\"confirm\":\"doomed\"}").statusCode()).isEqualTo(200);
        assertThat(storage.findStudy("doomed")).isEmpty();
    }

    @Test
    void aStudyWithRunningTrialsIsDeletedOnlyWithForceAsTheCliDoes() throws Exception {
        InMemoryStorage storage = study("busy", 3, 4);
        long id = storage.findStudy("busy").orElseThrow();
        storage.createTrial(id, null); // RUNNING, as a search's trial
        storage.createTrial(id, null);
        serve(storage, true);
        HttpResponse<String> refused = delete("busy", "{\"confirm\":\"busy\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(((Map<?, ?>) Json.read(refused.body())).get("error")).isEqualTo("study 'busy' has 2 RUNNING trials: "
                + "a search may be running on it; stop it first, or delete it anyway with 'nas delete-study --study busy"
                + " --force'");
        assertThat(storage.countTrials(id, java.util.EnumSet.allOf(TrialState.class))).isEqualTo(5);
        HttpResponse<String> badForce = delete("busy", "{\"confirm\":\"busy\",\"force\":\"yes\"}");
        assertThat(badForce.statusCode()).isEqualTo(400);
        assertThat(badForce.body()).contains("\\\"force\\\" is true or false, not \\\"yes\\\"");
        assertThat(delete("busy", "{\"confirm\":\"busy\",\"force\":false}").statusCode()).isEqualTo(409);
        assertThat(storage.findStudy("busy")).isPresent();
        assertThat(delete("busy", "{\"confirm\":\"busy\",\"force\":true}").statusCode()).isEqualTo(200);
        assertThat(storage.findStudy("busy")).isEmpty();
    }

    HttpResponse<String> delete(String name, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/studies/" + enc(name)))
                .header("Authorization", "Bearer " + token.value()).method("DELETE", HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrokenStorageIsReportedAndTheServerKeepsServing() throws Exception {
        InMemoryStorage healthy = study("s", 10, 5);
        boolean[] broken = {false};
        Storage flaky = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> {
                    if (broken[0] && !method.getName().equals("close")) {
                        throw new StorageException("database file is gone");
                    }
                    try {
                        return method.invoke(healthy, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        serve(flaky, false);
        assertThat(api("studies")).asList().hasSize(1);
        broken[0] = true;
        try (LogCapture log = LogCapture.start(Level.INFO)) {
            // a page polls: three failed calls, one line (no trace), and one when the storage is back
            for (String call : List.of("api/studies", "api/studies", "api/studies")) {
                HttpResponse<String> r = get(call, "Authorization", "Bearer " + token.value());
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.body()).contains("database file is gone");
            }
            broken[0] = false;
            assertThat(api("studies")).asList().hasSize(1);
            assertThat(api("studies")).asList().hasSize(1);
            assertThat(log.messages(Level.WARNING)).containsExactly(
                    "the storage cannot answer (database file is gone); API calls answer 503 until it can");
            assertThat(log.messages(Level.INFO)).containsExactly("the storage answers again");
        }
    }

    @Test
    void aStudyNameCannotEndTheReportsScriptElement() {
        InMemoryStorage storage = study("</script><script>alert(1)</script>", 6, 6);
        String html = Report.html(storage, "</script><script>alert(1)</script>");
        assertThat(html).doesNotContain("</script><script>alert(1)");
        assertThat(html.split("</script>", -1)).hasSize(4); // three script elements, each closed once
    }
}
