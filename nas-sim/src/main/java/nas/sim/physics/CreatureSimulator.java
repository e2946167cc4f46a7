package nas.sim.physics;

import java.util.List;
import java.util.random.RandomGenerator;
import nas.sim.config.LabConfig;
import nas.sim.config.NeuralMode;
import nas.sim.config.ProprioceptionInputs;
import nas.sim.config.TimeEncoding;
import nas.sim.control.NeuralNetwork;
import nas.sim.control.SensorLayout;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.MuscleGene;
import nas.sim.genome.NodeGene;

/**
 * Simulates one creature at a time in its private world (spec 3, 4, 6) on flat per-creature arrays sized
 * to the simulator limits (8 nodes, 20 muscles). One instance is a reusable workspace for one thread:
 * {@link #reset} loads a creature (may allocate a little), {@link #step} advances one physics step
 * without allocating, {@link #result} computes the fitness.
 *
 * <p>Numbers are doubles (the reference uses float32 tensors; the spec asks for statistical parity).
 */
public final class CreatureSimulator {

    private static final int N = LabConfig.SIM_MAX_NODES;
    private static final int M = LabConfig.SIM_MAX_MUSCLES;
    /**
     * Oscillator sensing (spec 3.6) as the reference computes it: the pellet direction is zero at this
     * distance or closer (spec 3.6 says "below 0.01"; the reference also zeroes it at exactly 0.01).
     */
    static final double MIN_PELLET_DISTANCE = 0.01;
    /**
     * The velocity direction is zero when the COM moved this much or less in one step; spec 3.6 words it
     * as a speed below 0.001, the reference bounds the step's displacement.
     */
    static final double MIN_COM_DISPLACEMENT = 0.001;
    private static final int MAX_INPUTS = SensorLayout.BASE_INPUTS + 2
            + SensorLayout.STRAIN_INPUTS + SensorLayout.VELOCITY_INPUTS + SensorLayout.GROUND_INPUTS;

    // nodes
    private final double[] px = new double[N];
    private final double[] py = new double[N];
    private final double[] pz = new double[N];
    private final double[] vx = new double[N];
    private final double[] vy = new double[N];
    private final double[] vz = new double[N];
    private final double[] fx = new double[N];
    private final double[] fy = new double[N];
    private final double[] fz = new double[N];
    private final double[] mass = new double[N];
    private final double[] invMass = new double[N];
    private final double[] size = new double[N];
    private final double[] radius = new double[N];
    private final double[] collect2 = new double[N];
    private int nodes;

    // muscles (simulated slots, compacted after truncation)
    private final int[] ma = new int[M];
    private final int[] mb = new int[M];
    private final int[] slotSource = new int[M];
    // oscillator sensing scratch (spec 3.6), kept to stay allocation-free per step
    private final double[] pelletDir = new double[3];
    private final double[] velocityDir = new double[3];
    private final double[] baseLength = new double[M];
    private final double[] prevLength = new double[M];
    private final double[] restLength = new double[M];
    private final double[] stiffness = new double[M];
    private final double[] damping = new double[M];
    private final double[] amplitude = new double[M];
    private final double[] sinPhase = new double[M];
    private final double[] cosPhase = new double[M];
    private final double[] sinStep = new double[M];
    private final double[] cosStep = new double[M];
    private final double[] smoothed = new double[M];
    // oscillator-mode modulation genes
    private final double[] dirBias = new double[3 * M];
    private final double[] velBias = new double[3 * M];
    private final double[] biasStrength = new double[M];
    private final double[] velStrength = new double[M];
    private final double[] distBias = new double[M];
    private final double[] distStrength = new double[M];
    private int muscles;

    // controller
    private final double[] inputs = new double[MAX_INPUTS];
    private double[] raw = new double[M];
    private NeuralNetwork network;
    private boolean neuralControl;
    private boolean hybrid;
    private boolean deadZoneOn;
    private boolean firstUpdate;
    private int inputCount;

    // configuration, unpacked
    private LabConfig config;
    private double dt;
    private int steps;
    private int interval;
    private double alpha;
    private double deadZone;
    private double capPerStep;
    private double extensionRatio;
    private double velocityDamping;
    private double frictionLoss;
    private double positionThreshold2;
    private double heightThreshold;
    private TimeEncoding timeEncoding;
    private boolean proprioception;
    private ProprioceptionInputs proprioceptionInputs;

    // world state
    private int step;
    private double comX;
    private double comY;
    private double comZ;
    private double lastNnX;
    private double lastNnY;
    private double lastNnZ;
    private double prevComX;
    private double prevComY;
    private double prevComZ;
    private double stableRadius;
    private final double[] pellet = new double[4];
    private int pelletIndex;
    private boolean disqualified;
    private RandomGenerator rng;
    private final FitnessTracker tracker = new FitnessTracker();

    /**
     * Simulates a whole run and returns its result.
     *
     * @param network the creature's network, or null for the oscillator controller
     * @param rng     the creature's private stream for pellet spawns
     */
    public EvaluationResult simulate(CreatureGenome genome, NeuralNetwork network, LabConfig config,
            RandomGenerator rng) {
        reset(genome, network, config, rng);
        if (!disqualified) {
            for (int s = 0; s < steps; s++) {
                step();
            }
        }
        return result();
    }

    /** Loads a creature: spec 2.4 truncation, spec 3.3 initial state, the first pellet (spec 4.2). */
    public void reset(CreatureGenome genome, NeuralNetwork network, LabConfig config, RandomGenerator rng) {
        this.config = config;
        this.rng = rng;
        this.dt = config.timeStep();
        this.steps = config.numSteps();
        this.interval = config.neuralUpdateInterval();
        this.alpha = config.outputSmoothingAlpha();
        this.deadZone = config.neuralDeadZone();
        this.capPerStep = config.muscleVelocityCap() * dt;
        this.extensionRatio = config.maxExtensionRatio();
        this.velocityDamping = Math.pow(1.0 - PhysicsConstants.LINEAR_DAMPING, dt);
        this.frictionLoss = PhysicsConstants.GROUND_FRICTION * 9.8 * dt;
        this.positionThreshold2 = config.positionThreshold() * config.positionThreshold();
        this.heightThreshold = config.heightThreshold();
        this.timeEncoding = config.timeEncoding();
        this.proprioception = config.useProprioception();
        this.proprioceptionInputs = config.proprioceptionInputs();
        this.hybrid = config.neuralMode() == NeuralMode.HYBRID;
        this.deadZoneOn = !hybrid;
        this.step = 0;
        this.disqualified = false;
        this.firstUpdate = true;

        // spec 2.4: only the first 8 nodes are simulated
        List<NodeGene> nodeGenes = genome.nodes();
        nodes = Math.min(nodeGenes.size(), N);
        for (int i = 0; i < nodes; i++) {
            NodeGene g = nodeGenes.get(i);
            px[i] = g.x();
            py[i] = g.y() + PhysicsConstants.SPAWN_Y_OFFSET; // spec 3.3: spawn y + 1
            pz[i] = g.z();
            vx[i] = 0.0;
            vy[i] = 0.0;
            vz[i] = 0.0;
            mass[i] = g.mass();
            invMass[i] = 1.0 / Math.max(mass[i], 1e-6);
            size[i] = g.size();
            radius[i] = g.size() * 0.5;
            double cr = PhysicsConstants.collectionRadius(g.size());
            collect2[i] = cr * cr;
        }

        // spec 2.4: muscles on dropped nodes are skipped and the rest compacted. Output j belongs to genome
        // muscle j; the reference sends it to slot j instead (compat_output_misrouting).
        List<MuscleGene> muscleGenes = genome.muscles();
        double gfm = genome.globalFrequencyMultiplier();
        muscles = 0;
        boolean frequencyExceeded = false;
        for (int j = 0; j < muscleGenes.size() && muscles < M; j++) {
            MuscleGene g = muscleGenes.get(j);
            if (g.nodeA() >= nodes || g.nodeB() >= nodes) {
                continue;
            }
            int s = muscles++;
            ma[s] = g.nodeA();
            mb[s] = g.nodeB();
            slotSource[s] = config.compatOutputMisrouting() ? s : j;
            baseLength[s] = g.restLength();
            prevLength[s] = g.restLength();
            restLength[s] = g.restLength();
            stiffness[s] = g.stiffness();
            damping[s] = g.damping() * config.muscleDampingMultiplier();
            amplitude[s] = g.amplitude();
            double omega = 2.0 * Math.PI * g.frequency() * gfm;
            frequencyExceeded |= g.frequency() * gfm > config.maxAllowedFrequency();
            // sin(omega*t + phase) advanced by rotation: exact up to rounding, no sin() per step
            sinPhase[s] = Math.sin(g.phase());
            cosPhase[s] = Math.cos(g.phase());
            sinStep[s] = Math.sin(omega * dt);
            cosStep[s] = Math.cos(omega * dt);
            smoothed[s] = 0.0;
            dirBias[3 * s] = g.directionBiasX();
            dirBias[3 * s + 1] = g.directionBiasY();
            dirBias[3 * s + 2] = g.directionBiasZ();
            velBias[3 * s] = g.velocityBiasX();
            velBias[3 * s + 1] = g.velocityBiasY();
            velBias[3 * s + 2] = g.velocityBiasZ();
            biasStrength[s] = g.biasStrength();
            velStrength[s] = g.velocityStrength();
            distBias[s] = g.distanceBias();
            distStrength[s] = g.distanceStrength();
        }

        this.network = network;
        this.neuralControl = network != null && config.useNeuralNet();
        if (neuralControl) {
            inputCount = SensorLayout.inputCount(config);
            if (network.inputCount() != inputCount) {
                throw new IllegalArgumentException("the network reads " + network.inputCount()
                        + " inputs but the configuration provides " + inputCount);
            }
            int outs = Math.max(network.outputCount(), muscleGenes.size());
            if (raw.length < outs) {
                raw = new double[outs];
            }
        }

        computeCom();
        lastNnX = comX;
        lastNnY = comY;
        lastNnZ = comZ;
        prevComX = comX;
        prevComY = comY;
        prevComZ = comZ;
        stableRadius = PelletSpawner.stableRadius(px, pz, size, nodes);
        tracker.reset(stableRadius, comX, comZ);
        pelletIndex = 0;
        PelletSpawner.spawn(0, Double.NaN, comX, comZ, stableRadius, config.arenaSize(), rng, pellet);
        tracker.startPellet(pellet[0], pellet[2], comX, comZ);

        // spec 6.3: frequency check, decided by neural_mode (not by the controller in use). The reference
        // simulates such a creature and zeroes its fitness at the end; disqualifying it now gives the same
        // fitness 0 sooner. Like the reference, only simulated muscles count (not those dropped by spec 2.4).
        disqualified = hybrid && frequencyExceeded;
    }

    /** One physics step in the order of spec 3.4 (neural modes) or 3.6 (oscillator). */
    public void step() {
        final double t = step * dt;
        if (neuralControl) {
            // 1. network update every `interval` steps; outputs are held in between
            if (step % interval == 0) {
                updateNetwork(t);
            }
            // 2-5. target rest length, velocity cap, extension limit
            for (int s = 0; s < muscles; s++) {
                double l0 = baseLength[s];
                double o = smoothed[s];
                double target;
                if (hybrid) {
                    target = l0 * (1.0 - sinPhase[s] * amplitude[s] * (1.0 + 0.5 * o));
                } else {
                    target = l0 * (1.0 - o);
                }
                if (target < PhysicsConstants.MIN_REST_LENGTH) {
                    target = PhysicsConstants.MIN_REST_LENGTH;
                }
                double prev = prevLength[s];
                double delta = target - prev;
                if (delta > capPerStep) {
                    delta = capPerStep;
                } else if (delta < -capPerStep) {
                    delta = -capPerStep;
                }
                target = prev + delta;
                double l0s = Math.max(l0, PhysicsConstants.MIN_REST_LENGTH);
                double lo = Math.max(PhysicsConstants.MIN_REST_LENGTH, l0s / extensionRatio);
                double hi = Math.max(l0s * extensionRatio, lo);
                if (target < lo) {
                    target = lo;
                } else if (target > hi) {
                    target = hi;
                }
                restLength[s] = target;
                prevLength[s] = target;
            }
        } else {
            oscillatorRestLengths();
        }

        integrate();

        // 10. activation of this step: sum of |smoothed output| over valid muscles
        double activation = 0.0;
        if (neuralControl) {
            for (int s = 0; s < muscles; s++) {
                activation += Math.abs(smoothed[s]);
            }
        }

        // 11. fitness bookkeeping and disqualification (spec 6.3), freezing a disqualified creature
        prevComX = comX;
        prevComY = comY;
        prevComZ = comZ;
        computeCom();
        tracker.recordCom(comX, comZ);
        if (!disqualified) {
            disqualified = outOfBounds();
        }
        if (disqualified) {
            for (int i = 0; i < nodes; i++) {
                vx[i] = 0.0;
                vy[i] = 0.0;
                vz[i] = 0.0;
            }
        }
        // 12.
        tracker.addActivation(activation);
        // 13. pellet collision: any node centre within size/2 + 0.35 (strictly)
        for (int i = 0; i < nodes; i++) {
            double dx = px[i] - pellet[0];
            double dy = py[i] - pellet[1];
            double dz = pz[i] - pellet[2];
            if (dx * dx + dy * dy + dz * dz < collect2[i]) {
                tracker.collect();
                pelletIndex++;
                PelletSpawner.spawn(pelletIndex, pellet[3], comX, comZ, stableRadius, config.arenaSize(), rng, pellet);
                tracker.startPellet(pellet[0], pellet[2], comX, comZ);
                break;
            }
        }
        // 14. advance the oscillators by one step (t += dt)
        for (int s = 0; s < muscles; s++) {
            double sn = sinPhase[s];
            double cs = cosPhase[s];
            sinPhase[s] = sn * cosStep[s] + cs * sinStep[s];
            cosPhase[s] = cs * cosStep[s] - sn * sinStep[s];
        }
        step++;
    }

    /** Springs with axial damping, gravity, semi-implicit Euler, ground contact (spec 3.4 steps 6-9). */
    private void integrate() {
        for (int i = 0; i < nodes; i++) {
            fx[i] = 0.0;
            fy[i] = mass[i] * PhysicsConstants.GRAVITY; // 7. gravity
            fz[i] = 0.0;
        }
        // 6. F = -k (len - L) - c ((vB - vA) . u); a gets -F u, b gets +F u
        for (int s = 0; s < muscles; s++) {
            int a = ma[s];
            int b = mb[s];
            double dx = px[b] - px[a];
            double dy = py[b] - py[a];
            double dz = pz[b] - pz[a];
            double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (len < 1e-6) {
                len = 1e-6;
            }
            double ux = dx / len;
            double uy = dy / len;
            double uz = dz / len;
            double relV = (vx[b] - vx[a]) * ux + (vy[b] - vy[a]) * uy + (vz[b] - vz[a]) * uz;
            double f = -stiffness[s] * (len - restLength[s]) - damping[s] * relV;
            double fxs = f * ux;
            double fys = f * uy;
            double fzs = f * uz;
            fx[a] -= fxs;
            fy[a] -= fys;
            fz[a] -= fzs;
            fx[b] += fxs;
            fy[b] += fys;
            fz[b] += fzs;
        }
        for (int i = 0; i < nodes; i++) {
            // 8. v += a dt; v *= 0.9^dt; x += v dt
            double im = invMass[i];
            double nvx = (vx[i] + fx[i] * im * dt) * velocityDamping;
            double nvy = (vy[i] + fy[i] * im * dt) * velocityDamping;
            double nvz = (vz[i] + fz[i] * im * dt) * velocityDamping;
            px[i] += nvx * dt;
            py[i] += nvy * dt;
            pz[i] += nvz * dt;
            // 9. ground: clamp, bounce 0.2, friction with constant mu = 0.7 on penetrating nodes
            double r = radius[i];
            if (py[i] < r) {
                py[i] = r;
                if (nvy < 0.0) {
                    nvy = -PhysicsConstants.GROUND_RESTITUTION * nvy;
                }
                double speed = Math.sqrt(nvx * nvx + nvz * nvz + 1e-8);
                double ratio = frictionLoss / speed;
                if (ratio > 1.0) {
                    ratio = 1.0;
                }
                nvx *= 1.0 - ratio;
                nvz *= 1.0 - ratio;
            }
            vx[i] = nvx;
            vy[i] = nvy;
            vz[i] = nvz;
        }
    }

    private void updateNetwork(double t) {
        final double[] in = inputs;
        // base inputs (spec 5.3): pellet direction (3D unit), COM velocity since last update, distance
        double dx = pellet[0] - comX;
        double dy = pellet[1] - comY;
        double dz = pellet[2] - comZ;
        double dist = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double norm = Math.max(dist, 1e-8);
        in[0] = dx / norm;
        in[1] = dy / norm;
        in[2] = dz / norm;
        in[3] = clamp((comX - lastNnX) / 0.1, -1.0, 1.0);
        in[4] = clamp((comY - lastNnY) / 0.1, -1.0, 1.0);
        in[5] = clamp((comZ - lastNnZ) / 0.1, -1.0, 1.0);
        in[6] = clamp(dist / PhysicsConstants.MAX_PELLET_DISTANCE, 0.0, 1.0);
        lastNnX = comX;
        lastNnY = comY;
        lastNnZ = comZ;
        int k = SensorLayout.BASE_INPUTS;
        // time encodings, period 2 s; raw is 2*min(t/T, 1) - 1
        switch (timeEncoding) {
            case NONE -> { }
            case SIN -> in[k++] = -Math.cos(Math.PI * t);
            case RAW -> in[k++] = rawTime(t);
            case CYCLIC -> {
                in[k++] = -Math.cos(Math.PI * t);
                in[k++] = Math.sin(Math.PI * t);
            }
            case SIN_RAW -> {
                in[k++] = -Math.cos(Math.PI * t);
                in[k++] = rawTime(t);
            }
        }
        if (proprioception) {
            ProprioceptionInputs p = proprioceptionInputs;
            if (p == ProprioceptionInputs.STRAIN || p == ProprioceptionInputs.ALL) {
                for (int s = 0; s < M; s++) {
                    if (s < muscles) {
                        int a = ma[s];
                        int b = mb[s];
                        double ex = px[b] - px[a];
                        double ey = py[b] - py[a];
                        double ez = pz[b] - pz[a];
                        double len = Math.sqrt(ex * ex + ey * ey + ez * ez);
                        in[k++] = clamp((len - baseLength[s]) / baseLength[s], -1.0, 1.0);
                    } else {
                        in[k++] = 0.0;
                    }
                }
            }
            if (p == ProprioceptionInputs.VELOCITY || p == ProprioceptionInputs.ALL) {
                for (int i = 0; i < N; i++) {
                    if (i < nodes) {
                        in[k++] = clamp(vx[i] / 10.0, -1.0, 1.0);
                        in[k++] = clamp(vy[i] / 10.0, -1.0, 1.0);
                        in[k++] = clamp(vz[i] / 10.0, -1.0, 1.0);
                    } else {
                        in[k++] = 0.0;
                        in[k++] = 0.0;
                        in[k++] = 0.0;
                    }
                }
            }
            if (p == ProprioceptionInputs.GROUND || p == ProprioceptionInputs.ALL) {
                for (int i = 0; i < N; i++) {
                    // the reference compares y - size (not the radius), so a resting node reads 1
                    in[k++] = i < nodes && py[i] - size[i] <= 0.01 ? 1.0 : 0.0;
                }
            }
        }
        int outs = network.outputCount();
        network.forward(in, raw);
        if (deadZoneOn) {
            for (int o = 0; o < outs; o++) {
                if (Math.abs(raw[o]) < deadZone) {
                    raw[o] = 0.0;
                }
            }
        }
        // EMA smoothing per simulated muscle; the first update takes the raw value
        for (int s = 0; s < muscles; s++) {
            int src = slotSource[s];
            double r = src < outs ? raw[src] : 0.0;
            smoothed[s] = firstUpdate ? r : alpha * r + (1.0 - alpha) * smoothed[s];
        }
        firstUpdate = false;
    }

    private double rawTime(double t) {
        return 2.0 * Math.min(t / config.simulationDuration(), 1.0) - 1.0;
    }

    /**
     * Writes the unit vector of (x, y, z) into {@code out}, or zero when its length is at most {@code minLength}
     * (the reference's bound is strict: exactly minLength gives zero).
     *
     * @return the length of (x, y, z)
     */
    static double unitOrZero(double x, double y, double z, double minLength, double[] out) {
        double length = Math.sqrt(x * x + y * y + z * z);
        if (length > minLength) {
            out[0] = x / length;
            out[1] = y / length;
            out[2] = z / length;
        } else {
            out[0] = 0.0;
            out[1] = 0.0;
            out[2] = 0.0;
        }
        return length;
    }

    /** Spec 3.6: modulated oscillator, no velocity cap and no extension limit. */
    private void oscillatorRestLengths() {
        double dx = pellet[0] - comX;
        double dy = pellet[1] - comY;
        double dz = pellet[2] - comZ;
        double dist = unitOrZero(dx, dy, dz, MIN_PELLET_DISTANCE, pelletDir);
        double pdx = pelletDir[0];
        double pdy = pelletDir[1];
        double pdz = pelletDir[2];
        // the direction of the COM's displacement over the last step (the reference bounds the displacement,
        // not the speed)
        unitOrZero(comX - prevComX, comY - prevComY, comZ - prevComZ, MIN_COM_DISPLACEMENT, velocityDir);
        double cvx = velocityDir[0];
        double cvy = velocityDir[1];
        double cvz = velocityDir[2];
        double nearness = 1.0 - clamp(dist / PhysicsConstants.MAX_PELLET_DISTANCE, 0.0, 1.0);
        for (int s = 0; s < muscles; s++) {
            double mod = 1.0
                    + (pdx * dirBias[3 * s] + pdy * dirBias[3 * s + 1] + pdz * dirBias[3 * s + 2]) * biasStrength[s]
                    + (cvx * velBias[3 * s] + cvy * velBias[3 * s + 1] + cvz * velBias[3 * s + 2]) * velStrength[s]
                    + distBias[s] * nearness * distStrength[s];
            mod = clamp(mod, 0.1, 2.5);
            double l = baseLength[s] * (1.0 - sinPhase[s] * amplitude[s] * mod);
            restLength[s] = Math.max(PhysicsConstants.MIN_OSCILLATOR_REST_LENGTH, l);
        }
    }

    private void computeCom() {
        double sx = 0.0;
        double sy = 0.0;
        double sz = 0.0;
        double sm = 0.0;
        for (int i = 0; i < nodes; i++) {
            double m = mass[i];
            sx += m * px[i];
            sy += m * py[i];
            sz += m * pz[i];
            sm += m;
        }
        comX = sx / sm;
        comY = sy / sm;
        comZ = sz / sm;
    }

    /** Spec 6.3: NaN/Inf position, XZ distance from the origin above the threshold, or too high. */
    private boolean outOfBounds() {
        for (int i = 0; i < nodes; i++) {
            double x = px[i];
            double y = py[i];
            double z = pz[i];
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
                return true;
            }
            if (x * x + z * z > positionThreshold2 || y > heightThreshold) {
                return true;
            }
        }
        return false;
    }

    /** The fitness and summary of the run so far (spec 6.1, evaluated at the end of the run). */
    public EvaluationResult result() {
        double duration = steps * dt;
        double f = tracker.fitness(config, comX, comZ, duration, muscles, disqualified);
        return new EvaluationResult(f, tracker.collected(), disqualified, comX, comZ, tracker.distanceTraveled());
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    // ---- state accessors (tests, diagnostics) ----

    public int nodeCount() {
        return nodes;
    }

    public int muscleCount() {
        return muscles;
    }

    public double nodeX(int i) {
        return px[i];
    }

    public double nodeY(int i) {
        return py[i];
    }

    public double nodeZ(int i) {
        return pz[i];
    }

    public double nodeVx(int i) {
        return vx[i];
    }

    public double nodeVy(int i) {
        return vy[i];
    }

    public double nodeVz(int i) {
        return vz[i];
    }

    /** The node at one end of simulated muscle slot s. */
    public int muscleNodeA(int s) {
        return ma[s];
    }

    /** The node at the other end of simulated muscle slot s. */
    public int muscleNodeB(int s) {
        return mb[s];
    }

    /** The collision radius of node i. */
    public double nodeRadius(int i) {
        return radius[i];
    }

    /** Current spring rest length of simulated muscle slot s. */
    public double restLength(int s) {
        return restLength[s];
    }

    /** Smoothed output held for muscle slot s. */
    public double smoothedOutput(int s) {
        return smoothed[s];
    }

    /** Genome muscle index whose network output drives slot s. */
    public int slotSource(int s) {
        return slotSource[s];
    }

    public int stepIndex() {
        return step;
    }

    public double time() {
        return step * dt;
    }

    public boolean disqualified() {
        return disqualified;
    }

    public double comX() {
        return comX;
    }

    public double comY() {
        return comY;
    }

    public double comZ() {
        return comZ;
    }

    public double stableRadius() {
        return stableRadius;
    }

    /** Coordinate {@code axis} (0 x, 1 y, 2 z) of the current pellet, without allocating. */
    public double pelletCoordinate(int axis) {
        return pellet[axis];
    }

    /** Number of physics steps of a whole run. */
    public int steps() {
        return steps;
    }

    /** Current pellet {x, y, z}. */
    public double[] pellet() {
        return new double[] {pellet[0], pellet[1], pellet[2]};
    }

    public int pelletsCollected() {
        return tracker.collected();
    }

    /** A copy of the last input vector given to the network. */
    public double[] lastInputs() {
        return java.util.Arrays.copyOf(inputs, inputCount);
    }

    public FitnessTracker tracker() {
        return tracker;
    }

    /** Test hook: overrides a node's velocity. */
    public void setNodeVelocity(int i, double x, double y, double z) {
        vx[i] = x;
        vy[i] = y;
        vz[i] = z;
    }

    /** Test hook: moves a node. */
    public void setNodePosition(int i, double x, double y, double z) {
        px[i] = x;
        py[i] = y;
        pz[i] = z;
    }

    /** Test hook: places the current pellet (as if spawned) and restarts its distance bookkeeping. */
    public void placePellet(double x, double y, double z) {
        pellet[0] = x;
        pellet[1] = y;
        pellet[2] = z;
        tracker.startPellet(x, z, comX, comZ);
    }
}
