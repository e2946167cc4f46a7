package nas.sim.physics;

import static nas.sim.physics.SimTestSupport.creature;
import static nas.sim.physics.SimTestSupport.muscle;
import static nas.sim.physics.SimTestSupport.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nas.sim.config.LabConfig;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.MuscleGene;
import nas.sim.genome.NodeGene;
import nas.sim.physics.SimTestSupport.ScriptedNetwork;
import org.junit.jupiter.api.Test;

class CreatureSimulatorTest {

    private static final LabConfig OSC = LabConfig.builder().set("use_neural_net", false).build();
    private static final LabConfig PURE = LabConfig.defaults();

    private static CreatureSimulator load(CreatureGenome g, ScriptedNetwork net, LabConfig c) {
        CreatureSimulator sim = new CreatureSimulator();
        sim.reset(g, net, c, new SplittableRandom(1));
        return sim;
    }

    /** A bar of two nodes 1 apart, resting off the ground; one muscle of rest length 1. */
    private static CreatureGenome bar(double rest) {
        return creature(List.of(node(0.5, 0, 1.25, 0), node(0.5, 1, 1.25, 0)), List.of(muscle(0, 1, rest)));
    }

    @Test
    void freeFallMatchesTheDerivedNumbersOfSpec35() {
        CreatureSimulator sim = load(creature(List.of(node(0.5, 0, 1.25, 0)), List.of()), null, OSC);
        assertThat(sim.nodeY(0)).isEqualTo(2.25); // spawn offset +1
        for (int i = 0; i < 10; i++) {
            sim.step();
        }
        assertThat(sim.nodeY(0)).isCloseTo(1.6594, within(5e-5));
        int contactStep = -1;
        for (int i = 10; i < 60 && contactStep < 0; i++) {
            sim.step();
            if (sim.nodeY(0) == 0.25) {
                contactStep = sim.stepIndex();
            }
        }
        assertThat(contactStep * (1.0 / 30)).isCloseTo(0.633, within(0.001));
    }

    @Test
    void freeFallAtSixtyHertzTouchesDownAt0650() {
        LabConfig c = OSC.toBuilder().set("time_step", 1.0 / 60).build();
        CreatureSimulator sim = load(creature(List.of(node(0.5, 0, 1.25, 0)), List.of()), null, c);
        int contactStep = -1;
        for (int i = 0; i < 100 && contactStep < 0; i++) {
            sim.step();
            if (sim.nodeY(0) == 0.25) {
                contactStep = sim.stepIndex();
            }
        }
        assertThat(contactStep / 60.0).isCloseTo(0.650, within(0.001));
    }

    @Test
    void restingNodeMicroBouncesWithUpwardVelocity() {
        CreatureSimulator sim = load(creature(List.of(node(0.5, 0, -0.75, 0)), List.of()), null, OSC);
        for (int i = 0; i < 5; i++) {
            sim.step();
        }
        // spec 3.4 step 9 derived check: y = r and v_y = 0.2 * 9.8 * dt * 0.9^dt ~ 0.0543
        assertThat(sim.nodeY(0)).isEqualTo(0.25);
        assertThat(sim.nodeVy(0)).isCloseTo(0.0543, within(1e-4));
    }

    @Test
    void groundFrictionRemovesAConstantSpeedPerStepAndStopsSlowNodes() {
        CreatureSimulator sim = load(creature(List.of(node(0.5, 0, -0.75, 0)), List.of()), null, OSC);
        sim.setNodeVelocity(0, 2.0, 0, 0);
        sim.step();
        // (2 * 0.9^dt) - 0.7 * 9.8 / 30 (speed loss 0.2287 units/s per step)
        double damped = 2.0 * Math.pow(0.9, 1.0 / 30);
        assertThat(sim.nodeVx(0)).isCloseTo(damped - 0.7 * 9.8 / 30, within(1e-6));
        sim.setNodeVelocity(0, 0.1, 0, 0);
        sim.step();
        assertThat(sim.nodeVx(0)).isEqualTo(0.0);
    }

    @Test
    void stretchedSpringPullsItsEndsTogetherWithEqualAndOppositeForces() {
        CreatureSimulator sim = load(bar(0.5), null, OSC.toBuilder().build());
        sim.step();
        // equal masses: velocities along x are opposite; a is pulled toward b (+x)
        assertThat(sim.nodeVx(0)).isPositive();
        assertThat(sim.nodeVx(1)).isCloseTo(-sim.nodeVx(0), within(1e-12));
    }

    @Test
    void massFollowsTheReferenceFormula() {
        assertThat(node(0.5, 0, 0, 0).mass()).isCloseTo(0.6545, within(1e-4));
        assertThat(node(0.6, 0, 0, 0).mass()).isCloseTo(1.131, within(1e-3));
        assertThat(node(0.3, 0, 0, 0).mass()).isEqualTo(0.5);
    }

    @Test
    void velocityCapLimitsTheRestLengthChangePerStep() {
        // output -1: target = 2 * L0 = 2; capped to L0 + 5/30 per step
        ScriptedNetwork net = new ScriptedNetwork(7, new double[] {-1.0});
        CreatureSimulator sim = load(bar(1.0), net, PURE);
        sim.step();
        assertThat(sim.restLength(0)).isCloseTo(1.0 + 5.0 / 30, within(1e-12));
        sim.step();
        assertThat(sim.restLength(0)).isCloseTo(1.0 + 10.0 / 30, within(1e-12));
        // at 120 Hz the per-step change halves; a 5x cap gives 5x
        CreatureSimulator fine = load(bar(1.0), new ScriptedNetwork(7, new double[] {-1.0}),
                PURE.toBuilder().set("time_step", 1.0 / 120).build());
        fine.step();
        assertThat(fine.restLength(0) - 1.0).isCloseTo(5.0 / 120, within(1e-12));
        CreatureSimulator fast = load(bar(1.0), new ScriptedNetwork(7, new double[] {-1.0}),
                PURE.toBuilder().set("muscle_velocity_cap", 25.0).build());
        fast.step();
        assertThat(fast.restLength(0) - 1.0).isCloseTo(25.0 / 30, within(1e-12));
    }

    @Test
    void extensionLimitClampsRestLengthToTheRatio() {
        ScriptedNetwork net = new ScriptedNetwork(7, new double[] {0.9}); // target 0.1 L0
        CreatureSimulator sim = load(bar(1.0), net, PURE);
        for (int i = 0; i < 20; i++) {
            sim.step();
        }
        assertThat(sim.restLength(0)).isEqualTo(0.5);
        LabConfig ratio3 = PURE.toBuilder().set("max_extension_ratio", 3.0).set("muscle_velocity_cap", 100.0).build();
        CreatureSimulator up = load(bar(1.0), new ScriptedNetwork(7, new double[] {-1.0}),
                ratio3.toBuilder().set("neural_dead_zone", 0.0).build());
        up.step();
        assertThat(up.restLength(0)).isEqualTo(2.0); // L0 (1 - (-1)) below the 3.0 limit
        CreatureSimulator down = load(bar(1.0), new ScriptedNetwork(7, new double[] {0.9}), ratio3);
        down.step();
        assertThat(down.restLength(0)).isCloseTo(1.0 / 3.0, within(1e-12));
    }

    @Test
    void outputsAreSmoothedByEmaAndHeldBetweenUpdates() {
        ScriptedNetwork net = new ScriptedNetwork(7, new double[] {0.4}, new double[] {-0.6}, new double[] {0.2});
        CreatureSimulator sim = load(bar(1.0), net, PURE);
        sim.step();
        assertThat(sim.smoothedOutput(0)).isEqualTo(0.4); // first update takes the raw value
        sim.step();
        sim.step();
        assertThat(net.calls).isEqualTo(1); // interval 3 at 30 Hz physics and 10 Hz network
        sim.step();
        assertThat(net.calls).isEqualTo(2);
        assertThat(sim.smoothedOutput(0)).isCloseTo(0.15 * -0.6 + 0.85 * 0.4, within(1e-15));
        for (int i = 0; i < 3; i++) {
            sim.step();
        }
        assertThat(sim.smoothedOutput(0)).isCloseTo(0.15 * 0.2 + 0.85 * (0.15 * -0.6 + 0.85 * 0.4), within(1e-15));
    }

    @Test
    void updateIntervalFollowsPhysicsAndNetworkRates() {
        assertThat(interval(1.0 / 60, 15)).isEqualTo(4);
        assertThat(interval(1.0 / 30, 15)).isEqualTo(2);
        assertThat(interval(1.0 / 60, 60)).isEqualTo(1);
        assertThat(interval(1.0 / 30, 10)).isEqualTo(3);
        assertThat(interval(1.0 / 30, 60)).isEqualTo(1); // minimum 1
        assertThat(PURE.numSteps()).isEqualTo(900);
    }

    private static int interval(double dt, double hz) {
        return LabConfig.builder().set("time_step", dt).set("neural_update_hz", hz).build().neuralUpdateInterval();
    }

    @Test
    void deadZoneZeroesSmallOutputsInPureModeOnly() {
        CreatureSimulator pure = load(bar(1.0), new ScriptedNetwork(7, new double[] {0.05}), PURE);
        pure.step();
        assertThat(pure.smoothedOutput(0)).isEqualTo(0.0);
        LabConfig hybrid = PURE.toBuilder().set("neural_mode", "hybrid").build();
        CreatureSimulator h = load(bar(1.0), new ScriptedNetwork(7, new double[] {0.05}), hybrid);
        h.step();
        assertThat(h.smoothedOutput(0)).isEqualTo(0.05);
    }

    @Test
    void hybridRestLengthFollowsTheModulatedOscillator() {
        LabConfig hybrid = PURE.toBuilder().set("neural_mode", "hybrid").set("muscle_velocity_cap", 100.0).build();
        // f = 1, phase pi/2 -> sin = 1 at t = 0; A = 0.3; o = 0.5 -> L = L0 (1 - 0.3 * 1.25)
        List<MuscleGene> m = List.of(muscle(0, 1, 1.0, 1.0, 0.3, Math.PI / 2));
        CreatureGenome g = creature(List.of(node(0.5, 0, 1.25, 0), node(0.5, 1, 1.25, 0)), m);
        CreatureSimulator sim = load(g, new ScriptedNetwork(7, new double[] {0.5}), hybrid);
        sim.step();
        assertThat(sim.restLength(0)).isCloseTo(1.0 - 0.3 * 1.25, within(1e-12));
        sim.step(); // t = 1/30: sin(2 pi / 30 + pi / 2) = cos(2 pi / 30)
        assertThat(sim.restLength(0)).isCloseTo(1.0 - Math.cos(2 * Math.PI / 30) * 0.3 * 1.25, within(1e-12));
    }

    @Test
    void oscillatorModeHasNoVelocityCap() {
        // amplitude 0.5, phase pi/2, no biases: mod = 1, L = L0 (1 - 0.5) immediately
        List<MuscleGene> m = List.of(muscle(0, 1, 2.0, 1.0, 0.5, Math.PI / 2));
        CreatureSimulator sim = load(creature(List.of(node(0.5, 0, 1.25, 0), node(0.5, 1, 1.25, 0)), m), null, OSC);
        sim.step();
        assertThat(sim.restLength(0)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void oscillatorModulationFollowsPelletDirectionAndNearness() {
        // direction bias +x with strength 0.5, pellet straight along +x: mod = 1 + 0.5; the distance term adds
        // distanceBias * nearness * distanceStrength = 0.4 * (1 - 10/20) * 0.5 = 0.1
        MuscleGene m = new MuscleGene(0, 1, 2.0, 100, 3, 1.0, 0.4, Math.PI / 2, 1, 0, 0, 0.5, 0, 1, 0, 0.3, 0.4, 0.5);
        CreatureSimulator sim = load(creature(List.of(node(0.5, 0, 1.25, 0), node(0.5, 1, 1.25, 0)), List.of(m)), null,
                OSC);
        sim.placePellet(sim.comX() + 10.0, sim.comY(), sim.comZ());
        sim.step();
        assertThat(sim.restLength(0)).isCloseTo(2.0 * (1 - 0.4 * 1.6), within(1e-12));
        // the modulation is clamped to [0.1, 2.5] and L to at least 0.1
        MuscleGene strong = new MuscleGene(0, 1, 2.0, 100, 3, 1.0, 0.5, Math.PI / 2, 1, 0, 0, 1.0, 0, 1, 0, 0.0, 1.0,
                1.0);
        CreatureSimulator s2 = load(creature(List.of(node(0.5, 0, 1.25, 0), node(0.5, 1, 1.25, 0)), List.of(strong)),
                null, OSC);
        s2.placePellet(s2.comX() + 1.0, s2.comY(), s2.comZ());
        s2.step();
        assertThat(s2.restLength(0)).isEqualTo(0.1); // 2 * (1 - 0.5 * 2.5) < 0.1
    }

    @Test
    void collectionRadiusIsHalfTheSizePlus035() {
        assertThat(PhysicsConstants.collectionRadius(0.4)).isCloseTo(0.55, within(1e-15));
        assertThat(PhysicsConstants.collectionRadius(1.0)).isCloseTo(0.85, within(1e-15));
        // a node resting at y = 0.2 (size 0.4); pellet 0.5 away horizontally: collected; 0.6 away: not
        CreatureGenome g = creature(List.of(node(0.4, 0, -0.8, 0)), List.of());
        CreatureSimulator near = load(g, null, OSC);
        near.step();
        near.placePellet(0.5, near.nodeY(0), 0);
        near.step();
        assertThat(near.pelletsCollected()).isEqualTo(1);
        CreatureSimulator far = load(g, null, OSC);
        far.step();
        far.placePellet(0.6, far.nodeY(0), 0);
        far.step();
        assertThat(far.pelletsCollected()).isZero();
    }

    @Test
    void collectingSpawnsTheNextPelletInTheOppositeHalfFartherAndHigher() {
        CreatureGenome g = creature(List.of(node(0.4, 0, -0.8, 0)), List.of());
        LabConfig wide = OSC.toBuilder().set("arena_size", 100.0).build();
        CreatureSimulator sim = load(g, null, wide);
        sim.step();
        sim.placePellet(0.3, sim.nodeY(0), 0);
        sim.step();
        double[] p = sim.pellet();
        double edge = Math.hypot(p[0] - sim.comX(), p[2] - sim.comZ()) - sim.stableRadius();
        assertThat(edge).isBetween(8.0, 9.0); // pellet index 1
        assertThat(p[1]).isBetween(0.8, 1.3);
        assertThat(sim.tracker().initialDistance()).isCloseTo(edge, within(1e-12));
    }

    @Test
    void disqualifiesFarHighAndNonFiniteCreaturesAndFreezesThem() {
        CreatureGenome far = creature(List.of(node(0.5, 51, 1.25, 0)), List.of());
        CreatureSimulator sim = load(far, null, OSC);
        sim.step();
        assertThat(sim.disqualified()).isTrue();
        assertThat(sim.nodeVy(0)).isZero();
        sim.step();
        assertThat(sim.nodeVy(0)).isZero();
        assertThat(sim.result().fitness()).isZero();

        CreatureGenome high = creature(List.of(node(0.5, 0, 30.5, 0)), List.of());
        CreatureSimulator h = load(high, null, OSC);
        h.step();
        assertThat(h.disqualified()).isTrue();

        CreatureSimulator ok = load(creature(List.of(node(0.5, 0, 1.25, 0)), List.of()), null, OSC);
        ok.setNodeVelocity(0, 4.0, 0, 0);
        ok.step();
        assertThat(ok.disqualified()).isFalse();
        assertThat(ok.nodeVx(0)).isCloseTo(4.0 * Math.pow(0.9, 1.0 / 30), within(1e-12));

        CreatureSimulator nan = load(creature(List.of(node(0.5, 0, 1.25, 0)), List.of()), null, OSC);
        nan.setNodePosition(0, Double.NaN, 2, 0);
        nan.step();
        assertThat(nan.disqualified()).isTrue();
        assertThat(nan.result().fitness()).isZero();
    }

    @Test
    void hybridModeDisqualifiesFrequenciesAboveTheLimit() {
        List<MuscleGene> m = List.of(muscle(0, 1, 1.0, 2.8, 0.3, 0.0));
        CreatureGenome g = new CreatureGenome(List.of(node(0.5, 0, 1.25, 0), node(0.5, 1, 1.25, 0)), m, 1.2, null, 0, 0);
        LabConfig hybrid = OSC.toBuilder().set("neural_mode", "hybrid").build();
        EvaluationResult r = new CreatureSimulator().simulate(g, null, hybrid, new SplittableRandom(3));
        assertThat(r.disqualified()).isTrue();
        assertThat(r.fitness()).isZero();
        // the same creature under neural_mode = pure is not checked (spec 3.6)
        EvaluationResult p = new CreatureSimulator().simulate(g, null, OSC, new SplittableRandom(3));
        assertThat(p.disqualified()).isFalse();
    }

    @Test
    void frequencyCheckCountsOnlySimulatedMuscles() {
        LabConfig hybrid = OSC.toBuilder().set("neural_mode", "hybrid").build();
        List<NodeGene> nodes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nodes.add(node(0.4, i * 0.5, 1.0, 0));
        }
        // the fast muscle hangs on dropped node 9 (spec 2.4): not simulated, so not checked
        MuscleGene fast = muscle(8, 9, 0.5, 3.5, 0.3, 0);
        CreatureGenome dropped = creature(nodes, List.of(muscle(0, 1, 0.5, 1.0, 0.3, 0), fast));
        CreatureSimulator sim = load(dropped, null, hybrid);
        assertThat(sim.muscleCount()).isEqualTo(1);
        assertThat(sim.disqualified()).isFalse();
        // beyond the 20 simulated slots: not checked either
        List<MuscleGene> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(muscle(i % 7, i % 7 + 1, 0.5, 1.0, 0.3, 0));
        }
        many.add(muscle(0, 2, 0.5, 3.5, 0.3, 0));
        CreatureSimulator capped = load(creature(nodes, many), null, hybrid);
        assertThat(capped.muscleCount()).isEqualTo(20);
        assertThat(capped.disqualified()).isFalse();
        // the same fast muscle between simulated nodes disqualifies
        many.set(19, muscle(0, 2, 0.5, 3.5, 0.3, 0));
        assertThat(load(creature(nodes, many), null, hybrid).disqualified()).isTrue();
        // exactly at the limit (3.0, strict '>') passes
        many.set(19, muscle(0, 2, 0.5, 3.0, 0.3, 0));
        assertThat(load(creature(nodes, many), null, hybrid).disqualified()).isFalse();
    }

    @Test
    void oscillatorDirectionsAreZeroAtOrBelowTheReferenceBounds() {
        double[] out = new double[3];
        // pellet direction: zero at exactly 0.01 (strict '>'), a unit vector just above
        assertThat(CreatureSimulator.unitOrZero(0.01, 0, 0, CreatureSimulator.MIN_PELLET_DISTANCE, out))
                .isEqualTo(0.01);
        assertThat(out).containsExactly(0.0, 0.0, 0.0);
        CreatureSimulator.unitOrZero(0, -0.0101, 0, CreatureSimulator.MIN_PELLET_DISTANCE, out);
        assertThat(out).containsExactly(0.0, -1.0, 0.0);
        // COM displacement per step: zero at exactly 0.001, a unit vector just above
        CreatureSimulator.unitOrZero(0, 0, 0.001, CreatureSimulator.MIN_COM_DISPLACEMENT, out);
        assertThat(out).containsExactly(0.0, 0.0, 0.0);
        CreatureSimulator.unitOrZero(0.0006, 0, 0.0008, CreatureSimulator.MIN_COM_DISPLACEMENT, out);
        assertThat(out).containsExactly(0.0, 0.0, 0.0); // length 0.001 up to rounding
        CreatureSimulator.unitOrZero(0.0009, 0, 0.0012, CreatureSimulator.MIN_COM_DISPLACEMENT, out);
        assertThat(out[0]).isCloseTo(0.6, within(1e-12));
        assertThat(out[2]).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void oscillatorVelocityDirectionUsesTheStepDisplacementNotTheSpeed() {
        // a bar falling at 1/120 s: at step 1 the COM moved g*dt^2 ~ 0.0007 (speed ~ 0.08, above the 0.001 the
        // speed bound would use), so the reference sees no direction and the velocity bias has no effect; from
        // step 2 on it moved more than 0.001 and the bias counts
        MuscleGene biased = new MuscleGene(0, 1, 1.0, 100.0, 3.0, 1.0, 0.3, 0.7, 1, 0, 0, 0.0, 0, 1, 0, 1.0, 0.0, 0.0);
        MuscleGene plain = muscle(0, 1, 1.0, 1.0, 0.3, 0.7);
        assertThat(restLengthAfter(biased, 2)).isEqualTo(restLengthAfter(plain, 2));
        assertThat(restLengthAfter(biased, 4)).isNotEqualTo(restLengthAfter(plain, 4));
    }

    private static double restLengthAfter(MuscleGene m, int steps) {
        LabConfig c = OSC.toBuilder().set("time_step", 1.0 / 120).build();
        CreatureSimulator sim = load(creature(List.of(node(0.5, 0, 1.25, 0), node(0.5, 1, 1.25, 0)), List.of(m)),
                null, c);
        for (int i = 0; i < steps; i++) {
            sim.step();
        }
        return sim.restLength(0);
    }

    @Test
    void nodesBeyondEightAreDroppedAndOutputsFollowTheirMuscles() {
        List<NodeGene> nodes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nodes.add(node(0.4, i * 0.5, 1.0, 0));
        }
        List<MuscleGene> muscles = List.of(muscle(0, 1, 0.5), muscle(8, 9, 0.5), muscle(1, 2, 0.5));
        CreatureGenome g = creature(nodes, muscles);
        ScriptedNetwork net = new ScriptedNetwork(7, new double[] {0.2, 0.9, -0.4});
        CreatureSimulator sim = load(g, net, PURE);
        assertThat(sim.nodeCount()).isEqualTo(8);
        assertThat(sim.muscleCount()).isEqualTo(2);
        sim.step();
        assertThat(sim.smoothedOutput(1)).isEqualTo(-0.4); // genome muscle 2's output
        LabConfig compat = PURE.toBuilder().set("compat_output_misrouting", true).build();
        CreatureSimulator ref = load(g, new ScriptedNetwork(7, new double[] {0.2, 0.9, -0.4}), compat);
        ref.step();
        assertThat(ref.smoothedOutput(1)).isEqualTo(0.9); // the reference sends output 1 to slot 1
    }

    @Test
    void sensorInputsFollowTheLayoutOfSpec53() {
        LabConfig c = PURE.toBuilder().set("time_encoding", "cyclic").set("use_proprioception", true)
                .set("proprioception_inputs", "all").build();
        ScriptedNetwork net = new ScriptedNetwork(7 + 2 + 52, new double[] {0.0});
        CreatureGenome g = creature(List.of(node(0.5, 0, -0.75, 0), node(0.5, 2, -0.75, 0)), List.of(muscle(0, 1, 1.0)));
        CreatureSimulator sim = load(g, net, c);
        sim.placePellet(sim.comX() + 3.0, sim.comY() + 4.0, sim.comZ());
        sim.step();
        double[] in = sim.lastInputs();
        assertThat(in).hasSize(61);
        assertThat(in[0]).isCloseTo(0.6, within(1e-12));
        assertThat(in[1]).isCloseTo(0.8, within(1e-12));
        assertThat(in[3]).isZero(); // first update: no velocity
        assertThat(in[6]).isCloseTo(5.0 / 20, within(1e-12));
        assertThat(in[7]).isCloseTo(-1.0, within(1e-12)); // -cos(0)
        assertThat(in[8]).isCloseTo(0.0, within(1e-12));
        assertThat(in[9]).isCloseTo(1.0, within(1e-12)); // strain (2 - 1) / 1, clamped to 1
        assertThat(in[10]).isZero(); // padding muscle
        assertThat(in[9 + 20 + 24]).isEqualTo(1.0); // ground contact: y - size <= 0.01
        assertThat(in[9 + 20 + 24 + 2]).isZero(); // padding node
    }
}
