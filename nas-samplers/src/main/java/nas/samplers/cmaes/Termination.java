package nas.samplers.cmaes;

/**
 * Why a CMA-ES run stopped. The criteria are those of Hansen's tutorial (arXiv:1604.00772,
 * Appendix B.3) and of the reference implementations.
 */
public enum Termination {
    /** The range of the best and worst values of the last 10 + ⌈30n/λ⌉ generations is below tolFun. */
    TOL_FUN,
    /** σ·sqrt(C_ii) and σ·|p_c,i| are below tolX·σ0 in every coordinate. */
    TOL_X,
    /** σ·max(D) grew beyond tolXUp·σ0: σ0 was far too small, or the function is unbounded. */
    TOL_X_UP,
    /** Adding 0.1 σ along a principal axis of C does not change the mean. */
    NO_EFFECT_AXIS,
    /** Adding 0.2 σ sqrt(C_ii) to a coordinate does not change the mean. */
    NO_EFFECT_COORD,
    /** The condition number of C exceeds tolCondition. */
    CONDITION_COV,
    /** The medians of recent best and median values are no better than older ones. */
    STAGNATION,
    /**
     * A BIPOP small-population run: its next generation would take its evaluations beyond half of
     * those spent in all large-population runs so far (Hansen 2009, as pycma's {@code fmin} caps
     * it). Never met by other runs.
     */
    SMALL_RUN_BUDGET
}
