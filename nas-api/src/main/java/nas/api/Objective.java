package nas.api;

/** A single-objective function of a trial: suggests parameters, returns the value. */
@FunctionalInterface
public interface Objective {

    /**
     * Evaluates one trial. Throwing {@link nas.api.exception.TrialPrunedException} prunes it;
     * any other exception, or a NaN or infinite result, fails it (the study goes on).
     *
     * @param trial the trial to suggest parameters from and report to
     * @return the objective value
     * @throws Exception any failure of the objective (the trial fails; the study goes on)
     */
    double evaluate(Trial trial) throws Exception;
}
