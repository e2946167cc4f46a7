package nas.samplers.cmaes;

/** How {@link Cma} keeps samples inside box bounds. */
public enum BoundaryHandling {
    /**
     * Draw again until the sample is feasible (at most 100 times, then clip): the distribution seen
     * by the update is the truncated Gaussian, which is what the cmaes library does.
     */
    RESAMPLE,
    /**
     * Reflect the sample at the violated bounds, repeatedly, until it lies inside (the "mirroring"
     * of Hansen's boundary handling notes); one draw per sample.
     */
    MIRROR
}
