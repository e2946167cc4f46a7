package nas.api.objective.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nas.api.StudyDirection;
import nas.api.Trial;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.objective.ObjectiveDefinition;
import nas.api.objective.ObjectiveOptions;
import nas.api.objective.ObjectivePlugin;

/**
 * The built-in test functions as objective plugins. Parameters are named {@code x0, x1, ...};
 * single-objective functions search the box [-5, 5]^dim (default dim 10), the multi-objective ones
 * [0, 1]^dim with their customary dimensions (ZDT 30, DTLZ2 12 with 3 objectives).
 */
public abstract class TestFunctionPlugin implements ObjectivePlugin {

    private final String name;
    private final String description;
    private final int defaultDim;
    private final double low;
    private final double high;
    private final int objectives;
    private final Function<double[], double[]> function;

    TestFunctionPlugin(String name, String description, int defaultDim, double low, double high, int objectives,
            Function<double[], double[]> function) {
        this.name = name;
        this.description = description;
        this.defaultDim = defaultDim;
        this.low = low;
        this.high = high;
        this.objectives = objectives;
        this.function = function;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Map<String, String> options() {
        return Map.of("dim", "number of variables x0..x{dim-1} (default " + defaultDim + ")");
    }

    @Override
    public ObjectiveDefinition create(ObjectiveOptions options) {
        options.requireOnly(name, options().keySet());
        int dim = options.getInt("dim", defaultDim);
        int minDim = objectives > 1 ? objectives : 1;
        if (dim < minDim || dim > 10_000) {
            throw new IllegalArgumentException("option 'dim' of objective '" + name + "' must lie in [" + minDim
                    + ", 10000], but got " + dim);
        }
        List<String> names = new ArrayList<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (int i = 0; i < dim; i++) {
            names.add("x" + i);
            defaults.put("x" + i, (low + high) / 2);
        }
        List<String> objectiveNames = new ArrayList<>();
        List<StudyDirection> directions = new ArrayList<>();
        for (int k = 0; k < objectives; k++) {
            objectiveNames.add(objectives == 1 ? name : "f" + (k + 1));
            directions.add(StudyDirection.MINIMIZE);
        }
        List<String> params = Collections.unmodifiableList(names);
        Map<String, Distribution> space = new LinkedHashMap<>();
        for (String p : params) {
            space.put(p, new FloatDistribution(low, high, false, 0));
        }
        return new ObjectiveDefinition(directions, objectiveNames, (Trial trial) -> {
            double[] x = new double[params.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = trial.suggestFloat(params.get(i), low, high);
            }
            return function.apply(x);
        }, defaults, space);
    }

    /** Σ xᵢ² on [-5, 5]^dim. */
    public static final class Sphere extends TestFunctionPlugin {
        /** The {@code sphere} objective. */
        public Sphere() {
            super("sphere", "sum of squares on [-5, 5]^dim (minimum 0 at the origin)", 10, -5, 5, 1,
                    x -> new double[] {TestFunctions.sphere(x)});
        }
    }

    /** Rosenbrock's valley on [-5, 5]^dim. */
    public static final class Rosenbrock extends TestFunctionPlugin {
        /** The {@code rosenbrock} objective. */
        public Rosenbrock() {
            super("rosenbrock", "Rosenbrock's curved valley on [-5, 5]^dim (minimum 0 at (1, ..., 1))", 10, -5, 5, 1,
                    x -> new double[] {TestFunctions.rosenbrock(x)});
        }
    }

    /** Rastrigin's multimodal function on [-5, 5]^dim. */
    public static final class Rastrigin extends TestFunctionPlugin {
        /** The {@code rastrigin} objective. */
        public Rastrigin() {
            super("rastrigin", "Rastrigin's many local minima on [-5, 5]^dim (minimum 0 at the origin)", 10, -5, 5, 1,
                    x -> new double[] {TestFunctions.rastrigin(x)});
        }
    }

    /** Ill-conditioned ellipsoid on [-5, 5]^dim. */
    public static final class Ellipsoid extends TestFunctionPlugin {
        /** The {@code ellipsoid} objective. */
        public Ellipsoid() {
            super("ellipsoid", "ellipsoid with condition number 1e6 on [-5, 5]^dim (minimum 0 at the origin)", 10, -5, 5,
                    1, x -> new double[] {TestFunctions.ellipsoid(x)});
        }
    }

    /** ZDT1, two objectives. */
    public static final class Zdt1 extends TestFunctionPlugin {
        /** The {@code zdt1} objective. */
        public Zdt1() {
            super("zdt1", "ZDT1, 2 objectives, convex front, [0, 1]^30", 30, 0, 1, 2, TestFunctions::zdt1);
        }
    }

    /** ZDT2, two objectives. */
    public static final class Zdt2 extends TestFunctionPlugin {
        /** The {@code zdt2} objective. */
        public Zdt2() {
            super("zdt2", "ZDT2, 2 objectives, concave front, [0, 1]^30", 30, 0, 1, 2, TestFunctions::zdt2);
        }
    }

    /** ZDT3, two objectives. */
    public static final class Zdt3 extends TestFunctionPlugin {
        /** The {@code zdt3} objective. */
        public Zdt3() {
            super("zdt3", "ZDT3, 2 objectives, disconnected front, [0, 1]^30", 30, 0, 1, 2, TestFunctions::zdt3);
        }
    }

    /** DTLZ2, three objectives. */
    public static final class Dtlz2 extends TestFunctionPlugin {
        /** The {@code dtlz2} objective. */
        public Dtlz2() {
            super("dtlz2", "DTLZ2, 3 objectives, spherical front, [0, 1]^12", 12, 0, 1, 3,
                    x -> TestFunctions.dtlz2(x, 3));
        }
    }
}
