package nas.ga;

import java.util.List;

/** How a flat parameter vector splits into tensors and layers. Tensors are contiguous and in order. */
public record Layout(List<Tensor> tensors) {

    /**
     * Copies the tensors and checks that they are contiguous and their layers numbered in order.
     *
     * @param tensors the tensors, in parameter order
     */
    public Layout {
        tensors = List.copyOf(tensors);
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one tensor");
        }
        int at = 0;
        int layer = 0;
        for (Tensor t : tensors) {
            if (t.offset() != at || t.layer() < layer || t.layer() > layer + 1) {
                throw new IllegalArgumentException("tensors must be contiguous and layers numbered 0, 1, ... in order; "
                        + t.name() + " breaks it");
            }
            at = t.end();
            layer = t.layer();
        }
        if (tensors.get(0).layer() != 0) {
            throw new IllegalArgumentException("layers are numbered from 0");
        }
    }

    /**
     * Number of parameters.
     *
     * @return the number of parameters
     */
    public int size() {
        return tensors.get(tensors.size() - 1).end();
    }

    /**
     * Number of weight layers.
     *
     * @return the count
     */
    public int layers() {
        return tensors.get(tensors.size() - 1).layer() + 1;
    }

    /**
     * First parameter index of a layer.
     *
     * @param layer the layer's index
     * @return the index
     */
    public int layerStart(int layer) {
        for (Tensor t : tensors) {
            if (t.layer() == layer) {
                return t.offset();
            }
        }
        throw new IllegalArgumentException("no layer " + layer);
    }

    /**
     * One past the last parameter index of a layer.
     *
     * @param layer the layer's index
     * @return the index
     */
    public int layerEnd(int layer) {
        int end = -1;
        for (Tensor t : tensors) {
            if (t.layer() == layer) {
                end = t.end();
            }
        }
        if (end < 0) {
            throw new IllegalArgumentException("no layer " + layer);
        }
        return end;
    }

    /**
     * Each tensor's norm, in order.
     *
     * @param params all parameters
     * @return one norm per tensor
     */
    public double[] norms(double[] params) {
        double[] out = new double[tensors.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tensors.get(i).norm(params);
        }
        return out;
    }
}
