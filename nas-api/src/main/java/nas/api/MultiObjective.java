package nas.api;

/** A function of a trial returning one value per study direction. */
@FunctionalInterface
public interface MultiObjective {

    /**
     * Evaluates one trial; the result must have one finite value per direction, otherwise the
     * trial fails. Throwing {@link nas.api.exception.TrialPrunedException} prunes it.
     *
     * @param trial the trial to suggest parameters from and report to
     * @return one value per direction
     * @throws Exception any failure of the objective (the trial fails; the study goes on)
     */
    double[] evaluate(Trial trial) throws Exception;
}
