package nas.sim.physics;

import java.util.List;
import nas.sim.control.NeuralNetwork;
import nas.sim.genome.CreatureGenome;
import nas.sim.genome.MuscleGene;
import nas.sim.genome.NodeGene;

/** Hand-built creatures and scripted networks for the physics tests. */
final class SimTestSupport {

    private SimTestSupport() {
    }

    static NodeGene node(double size, double x, double y, double z) {
        return new NodeGene(size, 0.5, x, y, z);
    }

    static MuscleGene muscle(int a, int b, double rest) {
        return muscle(a, b, rest, 1.0, 0.3, 0.0);
    }

    static MuscleGene muscle(int a, int b, double rest, double frequency, double amplitude, double phase) {
        return new MuscleGene(a, b, rest, 100.0, 3.0, frequency, amplitude, phase, 1, 0, 0, 0.0, 0, 1, 0, 0.0, 0.0, 0.0);
    }

    static CreatureGenome creature(List<NodeGene> nodes, List<MuscleGene> muscles) {
        return new CreatureGenome(nodes, muscles, 1.0, null, 0, 0);
    }

    /** A network that returns scripted outputs: row k at the k-th call (the last row repeats). */
    static final class ScriptedNetwork implements NeuralNetwork {
        final int inputs;
        final double[][] rows;
        int calls;

        ScriptedNetwork(int inputs, double[]... rows) {
            this.inputs = inputs;
            this.rows = rows;
        }

        @Override
        public int inputCount() {
            return inputs;
        }

        @Override
        public int outputCount() {
            return rows[0].length;
        }

        @Override
        public void forward(double[] in, double[] out) {
            double[] r = rows[Math.min(calls, rows.length - 1)];
            System.arraycopy(r, 0, out, 0, r.length);
            calls++;
        }
    }
}
