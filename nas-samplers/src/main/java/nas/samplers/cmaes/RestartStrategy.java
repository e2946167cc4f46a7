package nas.samplers.cmaes;

/** What to do when a CMA-ES run meets a termination criterion. */
public enum RestartStrategy {
    /** Keep the stopped run (sampling goes on from its final distribution). */
    NONE,
    /**
     * IPOP-CMA-ES (Auger and Hansen, CEC 2005): restart from a random point with the population
     * size doubled.
     */
    IPOP,
    /**
     * BIPOP-CMA-ES (Hansen, GECCO 2009 workshop): alternate large-population restarts (doubling as
     * in IPOP) with small-population runs of random size and step size and a capped budget,
     * choosing the regime that has used fewer evaluations so far (the first run counts as small).
     */
    BIPOP
}
