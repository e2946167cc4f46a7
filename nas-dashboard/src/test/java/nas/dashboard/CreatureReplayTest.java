package nas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nas.api.FrozenTrial;
import nas.api.OptimizeOptions;
import nas.api.Studies;
import nas.api.Study;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugins;
import nas.api.sampler.RandomSampler;
import nas.sim.config.LabConfig;
import nas.sim.evolution.PopulationEvaluator;
import nas.sim.genome.GenomeJson;
import nas.sim.objective.EvolutionLabObjective;
import nas.sim.physics.CreatureSimulator;
import nas.sim.physics.EvaluationResult;
import nas.storage.JdbcStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Evolution Lab replay: the server's frames re-simulate the stored genome exactly; the page plays them. */
class CreatureReplayTest {

    @TempDir
    Path dir;

    static Study evolve(JdbcStorage storage) {
        ObjectiveDefinition def = ObjectivePlugins.find("evolution-lab").create(new ObjectiveOptions(
                Map.of("generations", "3", "population-size", "10", "seeds", "1", "threads", "1")));
        Study study = Studies.builder("lab").storage(storage).directions(def.directions()).sampler(new RandomSampler(4)).create();
        study.optimizeMulti(def.function(), OptimizeOptions.trials(1));
        return study;
    }

    @Test
    @SuppressWarnings("unchecked")
    void framesFollowTheReSimulationOfTheStoredGenome() {
        try (JdbcStorage storage = JdbcStorage.open("jdbc:h2:" + dir.resolve("lab"))) {
            FrozenTrial t = evolve(storage).trials().get(0);
            assertThat(t.userAttrs().get("generation_best")).asList().hasSize(3);
            Map<String, Object> r = CreatureReplay.frames(t);

            LabConfig config = LabConfig.builder().setAll((Map<String, ?>) t.systemAttrs().get(EvolutionLabObjective.CONFIG_ATTR)).build();
            EvaluationResult again = PopulationEvaluator.evaluate(new CreatureSimulator(),
                    GenomeJson.standard().fromMap((Map<String, Object>) t.userAttrs().get("best_genome")), config,
                    Long.parseLong((String) t.userAttrs().get("best_genome_pellet_seed")));
            Map<String, Object> fitness = (Map<String, Object>) r.get("fitness");
            double stored = ((Number) t.userAttrs().get("best_genome_fitness")).doubleValue();
            assertThat((double) fitness.get("fitness")).isEqualTo(stored).isEqualTo(again.fitness());
            List<Map<String, Object>> frames = (List<Map<String, Object>>) r.get("frames");
            double[] lastCom = (double[]) frames.get(frames.size() - 1).get("com");
            assertThat(lastCom[0]).isEqualTo(again.comX());
            assertThat(lastCom[2]).isEqualTo(again.comZ());
            assertThat(fitness.get("pellets_collected")).isEqualTo(again.pelletsCollected());
            // the terms add up to the fitness (spec 6.1) unless it was clamped at 0
            double sum = (double) fitness.get("banked") + (double) fitness.get("progress") + (double) fitness.get("distance")
                    - (double) fitness.get("efficiency_penalty") - (double) fitness.get("regression_penalty");
            assertThat(Math.max(0, sum)).isEqualTo(stored);
            // frames at 30 per simulated second over the whole run
            assertThat(frames).hasSize(config.numSteps() / (int) Math.round(1.0 / (30 * config.timeStep())) + 1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrialPagePlaysTheReplayAlongTheServersPath() {
        Browser.assumeAvailable();
        try (JdbcStorage storage = JdbcStorage.open("jdbc:h2:" + dir.resolve("lab"));
             DashboardServer server = DashboardServer.start(storage, "127.0.0.1", 0, DashboardOptions.of(AccessToken.random()));
             Browser browser = Browser.start()) {
            FrozenTrial t = evolve(storage).trials().get(0);
            browser.open(server.url());
            browser.open(server.baseUrl() + "trial?study=lab&number=" + t.number());
            browser.waitFor("window.nasReplay && window.nasReplay.state.frame > 10", Duration.ofSeconds(60));
            browser.screenshot("trial-replay");
            browser.js("document.getElementById('replay-play').click();");
            List<List<Number>> drawn = (List<List<Number>>) browser.js("return window.nasReplay.drawnPath;");
            List<Map<String, Object>> frames = (List<Map<String, Object>>) CreatureReplay.frames(t).get("frames");
            assertThat(drawn.size()).isGreaterThan(10);
            for (int i = 0; i < drawn.size(); i++) {
                double[] com = (double[]) frames.get(i).get("com");
                assertThat(drawn.get(i).get(0).doubleValue()).isEqualTo(com[0]);
                assertThat(drawn.get(i).get(1).doubleValue()).isEqualTo(com[2]);
            }
            assertThat(browser.text("replay-terms")).contains("fitness");
            // the drawing says what its two views are, and keeps its proportions in a narrow window (it was drawn
            // 420 px high at any width, so a circle came out as an oval)
            assertThat(browser.text("replay-legend")).contains("seen from above").contains("seen from the side");
            for (int width : new int[] {Browser.WIDTH, 800, 500}) {
                browser.resize(width, Browser.HEIGHT);
                Map<String, Number> box = (Map<String, Number>) browser.js(
                        "const c = document.getElementById('replay-canvas'); return {w: c.clientWidth, h: c.clientHeight};");
                assertThat(box.get("h").doubleValue() / box.get("w").doubleValue()).as(width + " px")
                        .isCloseTo(420.0 / 900.0, org.assertj.core.api.Assertions.within(0.01));
                // and the page fits the window: nothing to scroll sideways
                assertThat(browser.js("const w = document.documentElement.clientWidth;"
                        + " return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 0.5)"
                        + ".map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 5);"))
                        .as(width + " px: elements past the window's right edge").isEqualTo(List.of());
            }
            browser.screenshot("trial-replay-500", 500, Browser.HEIGHT);
            browser.resize(Browser.WIDTH, Browser.HEIGHT);
            // the generations' and learning curve's axis names lie inside their charts
            assertThat(browser.chartTextsCutOff()).isEmpty();
            browser.fullScreenshot("trial-evolution-lab");
        }
    }
}
