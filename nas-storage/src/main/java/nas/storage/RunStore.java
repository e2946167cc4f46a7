package nas.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evolution runs kept in the same database as studies ({@code nas evolve}): a row per run, the statistics
 * and creatures of every generation, the recorded frames of chosen creatures, and checkpoints of the whole
 * evolutionary state. One generation is stored in one transaction with its checkpoint, so a run killed at
 * any moment keeps every generation it reported and a usable checkpoint. Implemented over JDBC
 * ({@link JdbcStorage#runs()}) and, for an H2 file owned by a storage server, by that server.
 *
 * <p>One process at a time writes a run: it holds the run's lease ({@link Owner}), taken when it creates the run
 * or {@link #claim claims} it, and keeps a heartbeat on it ({@link #beat}); a generation appended with a lease
 * that is no longer the run's is refused. Whether a silent holder is dead is for the caller to judge
 * ({@link #heartbeat}: how long it has been silent, by the database's clock).
 *
 * <p>Generations are numbered from 0, as {@code nas run-status}, {@code nas replay --generation} and
 * {@code nas export} show them. Times are epoch milliseconds or seconds, as each name says. Reads of a run id that
 * is not stored return empty results; writes to one throw {@link IllegalArgumentException}. Every method throws
 * {@link nas.api.exception.StorageException} when the database fails.
 */
public interface RunStore {

    /** A run a process is evolving, or one whose process died before it ended (see {@link #heartbeat}). */
    String RUNNING = "RUNNING";
    /** A run that reached its target generations, or stopped early for lack of progress. */
    String COMPLETE = "COMPLETE";
    /** A run its process gave up on after an error. */
    String FAILED = "FAILED";
    /**
     * A run a signal stopped ({@code nas evolve} after Ctrl-C, SIGTERM or SIGHUP): its last stored generation has a
     * checkpoint; {@code nas evolve --resume} goes on from there.
     */
    String INTERRUPTED = "INTERRUPTED";
    /** A run of a pruned trial ({@code nas search --store-runs}), stopped before its end. */
    String PRUNED = "PRUNED";

    /**
     * One run.
     *
     * @param id                its name, unique in the database
     * @param configName        the preset it started from
     * @param configJson        the full configuration (every key) as JSON
     * @param seed              the run seed
     * @param targetGenerations generations asked for
     * @param framesMode        which creatures get frames: none, all, selective (the plan's top 10, random 10 and
     *                          bottom 5) or selective:TOP,RANDOM,BOTTOM
     * @param frameRate         frames per simulated second recorded
     * @param checkpointEvery   generations between checkpoints (0: none)
     * @param codeVersion       the version of the code that ran it; a resume with another version needs --force
     * @param status            {@link #RUNNING}, {@link #COMPLETE}, {@link #FAILED}, {@link #PRUNED} or
     *                          {@link #INTERRUPTED}
     * @param createdMillis     creation time, epoch milliseconds
     * @param updatedMillis     time of the last stored generation, epoch milliseconds
     * @param generationsDone   generations stored
     * @param bestFitness       best fitness so far, or null before the first generation
     * @param bestGeneration    the generation it was reached in, or -1
     * @param seconds           wall time of the stored generations, summed
     */
    record Run(String id, String configName, String configJson, long seed, int targetGenerations, String framesMode,
            int frameRate, int checkpointEvery, String codeVersion, String status, long createdMillis,
            long updatedMillis, int generationsDone, Double bestFitness, int bestGeneration, double seconds) {
    }

    /**
     * Statistics of one generation.
     *
     * @param generation    its number, from 0
     * @param best          the best fitness in it
     * @param mean          the mean fitness of its creatures
     * @param median        the median fitness of its creatures
     * @param worst         the worst fitness in it
     * @param bestEver      the best fitness of the run up to and including it
     * @param pellets       pellets its creatures collected, all together
     * @param species       species in it (speciation selection), or null
     * @param creatureTypes JSON object: node count to number of creatures with it
     * @param diversity     mean pairwise genome distance (the distance selection uses)
     * @param seconds       wall time the generation took to evaluate and breed, in seconds
     */
    record Generation(int generation, double best, double mean, double median, double worst, double bestEver,
            int pellets, Integer species, String creatureTypes, double diversity, double seconds) {
    }

    /**
     * One evaluated creature. Each genome is stored once per run: a survivor passes its genome on unchanged, so
     * its {@code genomeId} is that of the creature it survived from and its {@code genome} is null when it is
     * stored; read back, {@code genome} always holds the bytes.
     *
     * @param generation     the generation it was evaluated in, from 0
     * @param index          its place in the generation's population
     * @param fitness        its fitness
     * @param pellets        pellets it collected
     * @param distance       distance it travelled, in simulation units
     * @param disqualified   whether the simulation disqualified it (its fitness is then 0)
     * @param pelletSeed     its pellet stream: re-simulating the genome with it reproduces the fitness exactly
     * @param genomeId       the stored genome: {@link #genomeId(int, int)} of the creature it was stored with
     * @param genome         the genome in its binary form (runs stored before it, and imports before it, hold the
     *                       JSON deflated with {@link Deflate}), or null (when storing) for a genome stored already
     *                       under {@code genomeId}. Its survival streak is the one it had when stored;
     *                       {@code survivalStreak} is this creature's
     * @param parents        indices of its parents in the generation before: one for a survivor or a clone, two
     *                       for a crossover, none in the first generation or when they are unknown
     * @param nodes          its node count
     * @param muscles        its muscle count
     * @param survivalStreak generations it survived unchanged
     */
    record Creature(int generation, int index, double fitness, int pellets, double distance, boolean disqualified,
            long pelletSeed, int nodes, int muscles, long genomeId, byte[] genome, int[] parents,
            int survivalStreak) {

        /**
         * A creature whose genome is stored with it (under its own id), with no parents known.
         *
         * @param generation   the generation it was evaluated in, from 0
         * @param index        its place in the generation's population
         * @param fitness      its fitness
         * @param pellets      pellets it collected
         * @param distance     distance it travelled, in simulation units
         * @param disqualified whether the simulation disqualified it
         * @param pelletSeed   its pellet stream
         * @param nodes        its node count
         * @param muscles      its muscle count
         * @param genome       the genome in its binary form
         * @return the creature, with survival streak 0
         */
        public static Creature withGenome(int generation, int index, double fitness, int pellets, double distance,
                boolean disqualified, long pelletSeed, int nodes, int muscles, byte[] genome) {
            return new Creature(generation, index, fitness, pellets, distance, disqualified, pelletSeed, nodes,
                    muscles, RunStore.genomeId(generation, index), genome, new int[0], 0);
        }
    }

    /**
     * The id of a genome first stored with creature {@code index} of {@code generation}.
     *
     * @param generation the generation, from 0
     * @param index      the creature's place in it
     * @return the generation in the high 32 bits, the index in the low 32
     */
    static long genomeId(int generation, int index) {
        return ((long) generation << 32) | index;
    }

    /**
     * The compressed frames recorded for one creature.
     *
     * @param generation the creature's generation, from 0
     * @param index      the creature's place in it
     * @param data       the frames in their compressed binary form (positions to the millimetre)
     */
    record Frames(int generation, int index, byte[] data) {
    }

    /**
     * A checkpoint taken before {@code generation} runs: the evolutionary state in the form its writer chose
     * ({@code nas evolve}: binary genomes and a JSON rest; runs stored before it: deflated JSON).
     *
     * @param generation    the generation a resume runs first (the state is the one after {@code generation - 1})
     * @param createdMillis when it was stored, epoch milliseconds
     * @param state         the evolutionary state
     */
    record Checkpoint(int generation, long createdMillis, byte[] state) {
    }

    /**
     * What one generation adds, stored at once.
     *
     * @param generation     its statistics
     * @param creatures      its creatures, by index
     * @param frames         the frames recorded for some of them (none: empty)
     * @param checkpoint     the state after breeding from it, or null
     * @param status         the run's status afterwards
     * @param bestGeneration the generation of the best fitness so far
     */
    record GenerationBatch(Generation generation, List<Creature> creatures, List<Frames> frames, Checkpoint checkpoint,
            String status, int bestGeneration) {
    }

    /**
     * A process writing a run.
     *
     * @param host  where it runs: the host's name, followed, where the writer could tell, by a space and the pid
     *              space its pid belongs to ({@link RunLiveness#PID_SPACE}: "host-a pid:[4026531836]@&lt;boot id&gt;");
     *              readers look at its pid only when their own pid space is that one
     * @param pid   its process id, in that pid space
     * @param lease a random number other than 0, only this process's: the run's writes check it
     */
    record Owner(String host, long pid, long lease) {

        private static final Pattern PID_SPACE = Pattern.compile("(.*) (" + RunLiveness.PID_SPACE_FORM + ")");

        /**
         * The owner as messages name it.
         *
         * @return "pid 4242 on host-a"
         */
        public String describe() {
            return "pid " + pid + " on " + hostName();
        }

        /**
         * The host's name, without the pid space.
         *
         * @return the host's name
         */
        public String hostName() {
            Matcher m = PID_SPACE.matcher(host);
            return m.matches() ? m.group(1) : host;
        }

        /**
         * The pid space its pid belongs to, when its writer recorded one (writers before it did not).
         *
         * @return the pid space, or empty
         */
        public Optional<String> pidSpace() {
            Matcher m = PID_SPACE.matcher(host);
            return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
        }
    }

    /**
     * The last process that held a run, as last heard of.
     *
     * @param owner        that process; its lease is 0 once it gave the run up (it ended)
     * @param silentMillis how long ago its last heartbeat was, by the database's clock
     */
    record Heartbeat(Owner owner, long silentMillis) {

        /**
         * Whether the process still holds the run (it has not given it up; it may have died).
         *
         * @return true while its lease is not 0
         */
        public boolean held() {
            return owner.lease() != 0;
        }
    }

    /**
     * Creates a run with no generations, held by no process.
     *
     * @param run the run; its id has 1 to 200 characters
     * @throws IllegalArgumentException when the id is taken or too long
     */
    default void createRun(Run run) {
        createRun(run, null);
    }

    /**
     * Creates a run with no generations, held by {@code owner} (its first heartbeat now), or by no process (null).
     *
     * @param run   the run; its id has 1 to 200 characters
     * @param owner the process that will write it, or null
     * @throws IllegalArgumentException when the id is taken or too long
     */
    void createRun(Run run, Owner owner);

    /**
     * Makes {@code owner} the run's holder, with a heartbeat now, if its lease is still {@code expectedLease} (0: held
     * by no process), the one the caller judged dead or absent from {@link #heartbeat}; false when another process
     * has changed it since (then nothing changed).
     *
     * @param runId         the run
     * @param owner         the process taking it over
     * @param expectedLease the lease the caller saw, 0 for none
     * @return whether {@code owner} holds the run now
     * @throws IllegalArgumentException when there is no such run, or the owner's lease is 0
     */
    boolean claim(String runId, Owner owner, long expectedLease);

    /**
     * Records a heartbeat of {@code owner} on the run, by the database's clock.
     *
     * @param runId the run
     * @param owner the process holding it
     * @return false when it no longer holds it, or there is no such run (nothing changed then)
     */
    boolean beat(String runId, Owner owner);

    /**
     * Gives the run up, if {@code owner} holds it: its host, pid and last heartbeat stay for messages. Nothing
     * changes when another process holds it, or there is no such run.
     *
     * @param runId the run
     * @param owner the process giving it up
     */
    void release(String runId, Owner owner);

    /**
     * The last process that held the run, if any did (runs stored before heartbeats have none).
     *
     * @param runId the run
     * @return that process and how long it has been silent, or empty
     */
    Optional<Heartbeat> heartbeat(String runId);

    /**
     * {@link #heartbeat} of every run that has one.
     *
     * @return the heartbeats by run id
     */
    Map<String, Heartbeat> heartbeats();

    /**
     * One run as stored now.
     *
     * @param id the run's id
     * @return the run, or empty when there is none of that id
     */
    Optional<Run> run(String id);

    /**
     * Every run.
     *
     * @return the runs, oldest first
     */
    List<Run> runs();

    /**
     * Stores a generation, its creatures, frames and checkpoint, and updates the run, in one transaction,
     * whoever holds the run (for tools and tests). Only the two newest checkpoints are kept.
     *
     * @param runId the run
     * @param batch what the generation adds
     * @throws IllegalArgumentException when there is no such run
     */
    default void appendGeneration(String runId, GenerationBatch batch) {
        appendGeneration(runId, batch, null);
    }

    /**
     * Stores a generation as {@link #appendGeneration(String, GenerationBatch)} does, and records a heartbeat of
     * {@code owner}, if it holds the run (null: whoever does).
     *
     * @param runId the run
     * @param batch what the generation adds
     * @param owner the process that holds the run, or null
     * @throws IllegalArgumentException when there is no such run
     * @throws IllegalStateException when {@code owner} no longer holds the run (another process took it over); then
     *                               nothing is stored
     */
    void appendGeneration(String runId, GenerationBatch batch, Owner owner);

    /**
     * The statistics of generations {@code from} (inclusive) on.
     *
     * @param runId the run
     * @param from  the first generation, from 0
     * @return the generations in order; empty when there are none (or no such run)
     */
    List<Generation> generations(String runId, int from);

    /**
     * The creatures of one generation, each with its genome's bytes.
     *
     * @param runId      the run
     * @param generation the generation, from 0
     * @return the creatures by index; empty when the generation is not stored (or no such run)
     */
    List<Creature> creatures(String runId, int generation);

    /**
     * The recorded frames of one creature, if any were.
     *
     * @param runId      the run
     * @param generation the creature's generation, from 0
     * @param index      its place in the generation
     * @return the frames, or empty
     */
    Optional<Frames> frames(String runId, int generation, int index);

    /**
     * The creatures of a generation with recorded frames.
     *
     * @param runId      the run
     * @param generation the generation, from 0
     * @return their indices, ascending
     */
    List<Integer> framedCreatures(String runId, int generation);

    /**
     * The newest checkpoint of a run: where a resume goes on from.
     *
     * @param runId the run
     * @return the checkpoint, or empty when none is stored (or no such run)
     */
    Optional<Checkpoint> lastCheckpoint(String runId);

    /**
     * Prepares a resume: forgets the generations from {@code nextGeneration} on (a killed run stored them
     * after its last checkpoint; they will be run again, identically), and sets the status and code version.
     *
     * @param runId          the run
     * @param nextGeneration the generation the resume runs first: its checkpoint's
     * @param status         the run's status afterwards, one of the constants above
     * @param codeVersion    the version of the code that goes on
     * @throws IllegalArgumentException when there is no such run
     */
    void rewind(String runId, int nextGeneration, String status, String codeVersion);

    /**
     * Sets a run's status (and its update time to now).
     *
     * @param runId  the run
     * @param status one of the constants above
     * @throws IllegalArgumentException when there is no such run
     */
    void setStatus(String runId, String status);

    /**
     * Deletes a run and everything stored for it.
     *
     * @param runId the run
     * @return false when there was none
     */
    boolean deleteRun(String runId);
}
