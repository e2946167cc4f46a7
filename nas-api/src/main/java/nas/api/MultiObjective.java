package nas.api;

/** A function of a trial returning one value per study direction. */
@FunctionalInterface
public interface MultiObjective {

    /**
     * Evaluates one trial; the result must have one finite value per direction, otherwise the
     * trial fails. Throwing {@link nas.api.exception.TrialPrunedException} prunes it.
     */
    double[] evaluate(Trial trial) throws Exception;
}
