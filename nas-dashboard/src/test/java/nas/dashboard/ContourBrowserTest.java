package nas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.TrialState;
import nas.api.distribution.FloatDistribution;
import nas.api.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * The contour in headless Chromium: over a plane (the value is {@code x}, whatever {@code y} and {@code lr}),
 * the smoothed surface follows {@code x} and every iso-line inside the square stands where {@code x} equals
 * its level; on a log parameter the axis runs over log10 of it.
 */
class ContourBrowserTest {

    @Test
    @SuppressWarnings("unchecked")
    void isoLinesOfAPlaneStandWhereItsValueEqualsTheirLevel() {
        Browser.assumeAvailable();
        InMemoryStorage storage = new InMemoryStorage();
        long id = storage.createStudy("plane", List.of(StudyDirection.MINIMIZE));
        SplittableRandom random = new SplittableRandom(11);
        Map<String, nas.api.distribution.Distribution> d = Map.of("x", FloatDistribution.of(0, 1),
                "y", FloatDistribution.of(0, 1), "lr", FloatDistribution.logOf(1e-4, 1));
        for (int i = 0; i < 400; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            double lr = Math.pow(10, -4 + 4 * random.nextDouble());
            storage.createTrial(id, FrozenTrial.of(TrialState.COMPLETE, List.of(x), Map.of("x", x, "y", y, "lr", lr), d));
        }
        AccessToken token = AccessToken.random();
        try (DashboardServer server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(token));
             Browser browser = Browser.start()) {
            browser.open(server.url());
            browser.open(server.baseUrl() + "study?name=plane");
            browser.waitFor("window.nasContour && window.nasCharts['contour']", Duration.ofSeconds(60));
            // the parameters are listed in order of first appearance: choose x and y explicitly
            browser.js("const s = document.getElementById('contour-x'); s.value = 'x'; s.dispatchEvent(new Event('change'));"
                    + "const t = document.getElementById('contour-y'); t.value = 'y'; t.dispatchEvent(new Event('change'));");
            Map<String, Object> c = (Map<String, Object>) browser.js("return window.nasContour;");
            List<Number> levels = (List<Number>) c.get("levels");
            assertThat(levels).hasSize(9);
            List<List<Number>> segments = (List<List<Number>>) c.get("segments");
            assertThat(segments).hasSizeGreaterThan(100);
            int inside = 0;
            for (List<Number> s : segments) {
                double level = s.get(4).doubleValue();
                double xa = s.get(0).doubleValue();
                double xb = s.get(2).doubleValue();
                if (xa > 0.15 && xa < 0.85) { // away from the edges, where a kernel mean is pulled inwards
                    inside++;
                    assertThat(xa).isCloseTo(level, within(0.06));
                    assertThat(xb).isCloseTo(level, within(0.06));
                }
            }
            assertThat(inside).isGreaterThan(50);
            List<List<Number>> z = (List<List<Number>>) c.get("z");
            List<Number> xs = (List<Number>) c.get("xs");
            for (int i = 8; i < 32; i += 4) { // the middle row of the surface rises with x, as the plane does
                assertThat(z.get(20).get(i).doubleValue()).isCloseTo(xs.get(i).doubleValue(), within(0.06));
            }
            browser.fullScreenshot("study-contour");

            browser.js("const s = document.getElementById('contour-y'); s.value = 'lr'; s.dispatchEvent(new Event('change'));");
            Map<String, Object> log = (Map<String, Object>) browser.js("return window.nasContour;");
            assertThat(((Number) log.get("y0")).doubleValue()).isBetween(-4.0, -3.9);
            assertThat(((Number) log.get("y1")).doubleValue()).isBetween(-0.1, 0.0);
            assertThat((List<Object>) browser.js("return window.nasCharts['contour'].getOption().yAxis.map((a) => a.name);"))
                    .containsExactly("lr (log)");
        }
    }
}
