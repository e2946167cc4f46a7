package nas.ga;

/**
 * One tensor of a flat parameter vector: {@code rows × cols} values from {@code offset}, row-major.
 * A row is a unit (an output neuron): its incoming weights, or its bias ({@code cols == 1}).
 *
 * @param name   for records, e.g. {@code w0} or {@code b0}
 * @param layer  the layer it belongs to (mutated together when one layer at a time is mutated)
 * @param offset first index in the parameter vector
 * @param rows   units
 * @param cols   values per unit
 * @param weight true for a weight matrix, false for a bias (norm-preserving mutation keeps only
 *               weight matrices' norms: a zero bias has no norm to keep)
 */
public record Tensor(String name, int layer, int offset, int rows, int cols, boolean weight) {

    /**
     * Checks the shape.
     *
     * @param name   for records
     * @param layer  its layer
     * @param offset first index in the parameter vector
     * @param rows   units
     * @param cols   values per unit
     * @param weight a weight matrix rather than a bias
     */
    public Tensor {
        if (offset < 0 || rows < 1 || cols < 1 || layer < 0) {
            throw new IllegalArgumentException("invalid tensor " + name + ": offset " + offset + ", " + rows + "x"
                    + cols + ", layer " + layer);
        }
    }

    /**
     * Number of values.
     *
     * @return rows × cols
     */
    public int size() {
        return rows * cols;
    }

    /**
     * One past its last parameter index.
     *
     * @return the index
     */
    public int end() {
        return offset + size();
    }

    /**
     * Euclidean norm of this tensor's values in {@code params}.
     *
     * @param params all parameters
     * @return the norm
     */
    public double norm(double[] params) {
        double s = 0;
        for (int i = offset, e = end(); i < e; i++) {
            s += params[i] * params[i];
        }
        return Math.sqrt(s);
    }
}
