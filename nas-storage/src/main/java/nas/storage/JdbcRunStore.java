package nas.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RunStore} in the tables of schemas V5, V6, V9 and V10 ({@code evolution_*}), through the storage's transactions.
 * A generation's creatures and their new genomes are stored as one block (V10, {@link GenerationBlocks}) in a few rows,
 * its recorded frames a row each; generations stored as a row per creature and genome (V9 and before) read as they did, and a run
 * resumed from them goes on in blocks.
 * Heartbeats are the database's {@code CURRENT_TIMESTAMP}, and their age is measured against it: the processes
 * writing and reading a run may run on hosts whose clocks differ.
 */
final class JdbcRunStore implements RunStore {

    private static final String RUN_COLUMNS = "run_id, config_name, config_json, seed, target_generations, frames_mode, "
            + "frame_rate, checkpoint_every, code_version, status, created_at, updated_at, generations_done, best_fitness, "
            + "best_generation, seconds";
    private static final String GENERATION_COLUMNS = "generation, best_fitness, mean_fitness, median_fitness, "
            + "worst_fitness, best_ever, pellets, species, creature_types, diversity, seconds";
    /**
     * The most bytes of a generation's block in one row. H2 writes a table's newest page again when the next row
     * joins it: a whole generation in one row (260 KB at population 200) left the file of a 1,000-generation run
     * 580 MB instead of 436 MB before H2 reclaimed the space, for the same CPU.
     */
    static final int PART_BYTES = 32 * 1024;
    /** Checkpoints kept per run: the newest, and the one before in case the newest is unreadable. */
    private static final int CHECKPOINTS_KEPT = 2;

    private final Transactions tx;

    JdbcRunStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void createRun(Run r, Owner owner) {
        Objects.requireNonNull(r.id(), "id");
        if (r.id().isBlank() || r.id().length() > 200) {
            throw new IllegalArgumentException("a run id has 1 to 200 characters, but got " + (r.id().length() > 200
                    ? r.id().length() + " characters" : "'" + r.id() + "'"));
        }
        tx.durable(c -> {
            if (find(c, r.id()).isPresent()) {
                throw new IllegalArgumentException("run '" + r.id() + "' exists already");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO evolution_runs (" + RUN_COLUMNS
                    + (owner == null ? "" : ", owner_host, owner_pid, owner_lease, heartbeat_at")
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                    + (owner == null ? "" : ", ?, ?, ?, CURRENT_TIMESTAMP") + ")")) {
                p.setString(1, r.id());
                p.setString(2, r.configName());
                p.setString(3, r.configJson());
                p.setLong(4, r.seed());
                p.setInt(5, r.targetGenerations());
                p.setString(6, r.framesMode());
                p.setInt(7, r.frameRate());
                p.setInt(8, r.checkpointEvery());
                p.setString(9, r.codeVersion());
                p.setString(10, r.status());
                p.setTimestamp(11, new Timestamp(r.createdMillis()));
                p.setTimestamp(12, new Timestamp(r.updatedMillis()));
                p.setInt(13, r.generationsDone());
                setDouble(p, 14, r.bestFitness());
                p.setInt(15, r.bestGeneration());
                p.setDouble(16, r.seconds());
                if (owner != null) {
                    requireLease(owner);
                    p.setString(17, owner.host());
                    p.setLong(18, owner.pid());
                    p.setLong(19, owner.lease());
                }
                p.executeUpdate();
            } catch (SQLException e) {
                if (JdbcErrors.isUniqueViolation(e)) {
                    throw new IllegalArgumentException("run '" + r.id() + "' exists already");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<Run> run(String id) {
        return tx.inTx(c -> find(c, id));
    }

    private static Optional<Run> find(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM evolution_runs WHERE run_id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(run(r)) : Optional.empty();
            }
        }
    }

    @Override
    public List<Run> runs() {
        return tx.inTx(c -> {
            List<Run> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + RUN_COLUMNS
                    + " FROM evolution_runs ORDER BY created_at, run_id"); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(run(r));
                }
            }
            return out;
        });
    }

    private static Run run(ResultSet r) throws SQLException {
        double best = r.getDouble(14);
        Double bestFitness = r.wasNull() ? null : best;
        return new Run(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getInt(5), r.getString(6),
                r.getInt(7), r.getInt(8), r.getString(9), r.getString(10), r.getTimestamp(11).getTime(),
                r.getTimestamp(12).getTime(), r.getInt(13), bestFitness, r.getInt(15), r.getDouble(16));
    }

    @Override
    public void appendGeneration(String runId, GenerationBatch b, Owner owner) {
        Generation g = b.generation();
        tx.durable(c -> {
            if (find(c, runId).isEmpty()) {
                throw new IllegalArgumentException("no run '" + runId + "'");
            }
            if (owner != null) {
                requireHeld(c, runId, owner); // before any row, whose key the new holder may have stored already
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO evolution_generations (run_id, "
                    + GENERATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, runId);
                p.setInt(2, g.generation());
                p.setDouble(3, g.best());
                p.setDouble(4, g.mean());
                p.setDouble(5, g.median());
                p.setDouble(6, g.worst());
                p.setDouble(7, g.bestEver());
                p.setInt(8, g.pellets());
                if (g.species() == null) {
                    p.setNull(9, Types.INTEGER);
                } else {
                    p.setInt(9, g.species());
                }
                p.setString(10, g.creatureTypes());
                p.setDouble(11, g.diversity());
                p.setDouble(12, g.seconds());
                p.executeUpdate();
            }
            insertCreatures(c, runId, g.generation(), b.creatures());
            insertFrames(c, runId, b.frames());
            if (b.checkpoint() != null) {
                insertCheckpoint(c, runId, b.checkpoint());
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE evolution_runs SET generations_done = ?, best_fitness = ?, "
                    + "best_generation = ?, seconds = seconds + ?, status = ?, updated_at = ?"
                    + (owner == null ? " WHERE run_id = ?" : ", heartbeat_at = CURRENT_TIMESTAMP WHERE run_id = ? "
                            + "AND owner_lease = ?"))) {
                p.setInt(1, g.generation() + 1);
                p.setDouble(2, g.bestEver());
                p.setInt(3, b.bestGeneration());
                p.setDouble(4, g.seconds());
                p.setString(5, b.status());
                p.setTimestamp(6, new Timestamp(System.currentTimeMillis()));
                p.setString(7, runId);
                if (owner != null) {
                    p.setLong(8, owner.lease());
                }
                if (p.executeUpdate() == 0) {
                    // taken over while this generation was written: the exception rolls it back
                    requireHeld(c, runId, owner);
                    throw new IllegalStateException("run '" + runId + "' changed hands while a generation was stored");
                }
            }
            return null;
        });
    }

    /**
     * The generation's creatures, with their new genomes, as one block ({@link GenerationBlocks}) in rows of at most
     * {@link #PART_BYTES} each (a generation of population 200 takes 9). A generation with no creatures (no NAS writer
     * stores one) gets its row too, so that its layout is known.
     */
    private static void insertCreatures(Connection c, String runId, int generation, List<Creature> creatures)
            throws SQLException {
        byte[] block = GenerationBlocks.creatures(generation, creatures);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO evolution_generation_blocks (run_id, generation, "
                + "part, creatures) VALUES (?, ?, ?, ?)")) {
            for (int part = 0, from = 0; from < block.length; part++, from += PART_BYTES) {
                p.setString(1, runId);
                p.setInt(2, generation);
                p.setInt(3, part);
                p.setBytes(4, java.util.Arrays.copyOfRange(block, from, Math.min(block.length, from + PART_BYTES)));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * A row per recording, as before V10: readers ask for one creature's frames at a time (export and the dashboard
     * for every creature of a generation), which a generation's block of 25 would make them read 25 times over.
     */
    private static void insertFrames(Connection c, String runId, List<Frames> frames) throws SQLException {
        if (frames.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO evolution_frames (run_id, generation, creature_index, frames) VALUES (?, ?, ?, ?)")) {
            for (Frames f : frames) {
                p.setString(1, runId);
                p.setInt(2, f.generation());
                p.setInt(3, f.index());
                p.setBytes(4, f.data());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void insertCheckpoint(Connection c, String runId, Checkpoint k) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO evolution_checkpoints (run_id, generation, created_at, state) VALUES (?, ?, ?, ?)")) {
            p.setString(1, runId);
            p.setInt(2, k.generation());
            p.setTimestamp(3, new Timestamp(k.createdMillis()));
            p.setBytes(4, k.state());
            p.executeUpdate();
        }
        List<Integer> kept = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT generation FROM evolution_checkpoints WHERE run_id = ? ORDER BY generation DESC")) {
            p.setString(1, runId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    kept.add(r.getInt(1));
                }
            }
        }
        if (kept.size() > CHECKPOINTS_KEPT) {
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM evolution_checkpoints WHERE run_id = ? AND generation < ?")) {
                p.setString(1, runId);
                p.setInt(2, kept.get(CHECKPOINTS_KEPT - 1));
                p.executeUpdate();
            }
        }
    }

    @Override
    public List<Generation> generations(String runId, int from) {
        return tx.inTx(c -> {
            List<Generation> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + GENERATION_COLUMNS
                    + " FROM evolution_generations WHERE run_id = ? AND generation >= ? ORDER BY generation")) {
                p.setString(1, runId);
                p.setInt(2, from);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        int species = r.getInt(8);
                        Integer s = r.wasNull() ? null : species;
                        out.add(new Generation(r.getInt(1), r.getDouble(2), r.getDouble(3), r.getDouble(4),
                                r.getDouble(5), r.getDouble(6), r.getInt(7), s, r.getString(9), r.getDouble(10),
                                r.getDouble(11)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Creature> creatures(String runId, int generation) {
        return tx.inTx(c -> {
            byte[] block = creatureBlock(c, runId, generation);
            if (block == null) {
                return rowCreatures(c, runId, generation);
            }
            List<Creature> stored = GenerationBlocks.readCreatures(block, generation, shown(runId, generation));
            // survivors' genomes, stored with the creature each survived from: in this block, another generation's
            // block, or (a run resumed from the rows of schema V9 and before) a genome row
            Map<Long, byte[]> genomes = new java.util.HashMap<>();
            for (Creature k : stored) {
                if (k.genome() != null) {
                    genomes.put(k.genomeId(), k.genome());
                }
            }
            java.util.Set<Integer> read = new java.util.HashSet<>();
            read.add(generation);
            List<Creature> out = new ArrayList<>(stored.size());
            for (Creature k : stored) {
                byte[] genome = k.genome();
                if (genome == null) {
                    int from = (int) (k.genomeId() >>> 32);
                    if (!genomes.containsKey(k.genomeId()) && read.add(from)) {
                        byte[] other = creatureBlock(c, runId, from);
                        if (other != null) {
                            for (Creature o : GenerationBlocks.readCreatures(other, from, shown(runId, from))) {
                                if (o.genome() != null) {
                                    genomes.put(o.genomeId(), o.genome());
                                }
                            }
                        }
                    }
                    genome = genomes.get(k.genomeId());
                    if (genome == null) {
                        genome = genomeRow(c, runId, k.genomeId());
                        genomes.put(k.genomeId(), genome);
                    }
                }
                out.add(new Creature(k.generation(), k.index(), k.fitness(), k.pellets(), k.distance(),
                        k.disqualified(), k.pelletSeed(), k.nodes(), k.muscles(), k.genomeId(), genome, k.parents(),
                        k.survivalStreak()));
            }
            out.sort(java.util.Comparator.comparingInt(Creature::index));
            return out;
        });
    }

    private static String shown(String runId, int generation) {
        return "run '" + runId + "' generation " + generation;
    }

    /**
     * The creatures block of a generation, its rows joined, or null when it has none (not stored, or stored as rows
     * before V10). Rows missing or out of place make a block whose checksum does not match.
     */
    private static byte[] creatureBlock(Connection c, String runId, int generation) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT creatures FROM evolution_generation_blocks "
                + "WHERE run_id = ? AND generation = ? ORDER BY part")) {
            p.setString(1, runId);
            p.setInt(2, generation);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                byte[] first = r.getBytes(1);
                if (!r.next()) {
                    return first;
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(first.length * 9);
                out.writeBytes(first);
                do {
                    out.writeBytes(r.getBytes(1));
                } while (r.next());
                return out.toByteArray();
            }
        }
    }

    /**
     * A genome stored as a row before schema V10: in evolution_genomes (V6 to V9), or inline in its creature's row
     * (before V6); null when there is none.
     */
    private static byte[] genomeRow(Connection c, String runId, long genomeId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT genome FROM evolution_genomes WHERE run_id = ? AND genome_id = ?")) {
            p.setString(1, runId);
            p.setLong(2, genomeId);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return r.getBytes(1);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT genome FROM evolution_creatures WHERE run_id = ? AND "
                + "generation = ? AND creature_index = ? AND genome_id IS NULL")) {
            p.setString(1, runId);
            p.setInt(2, (int) (genomeId >>> 32));
            p.setInt(3, (int) genomeId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }

    /** The creatures of a generation stored as rows (schema V9 and before). */
    private static List<Creature> rowCreatures(Connection c, String runId, int generation) throws SQLException {
        List<Creature> out = new ArrayList<>();
        // rows from before schema V6 hold their genome inline and no genome id
        try (PreparedStatement p = c.prepareStatement("SELECT c.generation, c.creature_index, c.fitness, c.pellets, "
                + "c.distance, c.disqualified, c.pellet_seed, c.nodes, c.muscles, c.genome_id, c.parent_1, "
                + "c.parent_2, c.survival_streak, COALESCE(c.genome, g.genome) FROM evolution_creatures c "
                + "LEFT JOIN evolution_genomes g ON g.run_id = c.run_id AND g.genome_id = c.genome_id "
                + "WHERE c.run_id = ? AND c.generation = ? ORDER BY c.creature_index")) {
            p.setString(1, runId);
            p.setInt(2, generation);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(10);
                    if (r.wasNull()) {
                        id = RunStore.genomeId(r.getInt(1), r.getInt(2));
                    }
                    int[] parents = new int[2];
                    int n = 0;
                    for (int j = 0; j < 2; j++) {
                        int parent = r.getInt(11 + j);
                        if (!r.wasNull()) {
                            parents[n++] = parent;
                        }
                    }
                    out.add(new Creature(r.getInt(1), r.getInt(2), r.getDouble(3), r.getInt(4), r.getDouble(5),
                            r.getBoolean(6), r.getLong(7), r.getInt(8), r.getInt(9), id, r.getBytes(14),
                            java.util.Arrays.copyOf(parents, n), r.getInt(13)));
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Frames> frames(String runId, int generation, int index) {
        return tx.inTx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT frames FROM evolution_frames WHERE run_id = ? "
                    + "AND generation = ? AND creature_index = ?")) {
                p.setString(1, runId);
                p.setInt(2, generation);
                p.setInt(3, index);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Frames(generation, index, r.getBytes(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Integer> framedCreatures(String runId, int generation) {
        return tx.inTx(c -> {
            List<Integer> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT creature_index FROM evolution_frames WHERE run_id = ? "
                    + "AND generation = ? ORDER BY creature_index")) {
                p.setString(1, runId);
                p.setInt(2, generation);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getInt(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Checkpoint> lastCheckpoint(String runId) {
        return tx.inTx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT generation, created_at, state FROM evolution_checkpoints "
                    + "WHERE run_id = ? ORDER BY generation DESC")) {
                p.setMaxRows(1);
                p.setString(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Checkpoint(r.getInt(1), r.getTimestamp(2).getTime(), r.getBytes(3)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean claim(String runId, Owner owner, long expectedLease) {
        requireLease(owner);
        return tx.durable(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE evolution_runs SET owner_host = ?, owner_pid = ?, "
                    + "owner_lease = ?, heartbeat_at = CURRENT_TIMESTAMP WHERE run_id = ? AND "
                    + (expectedLease == 0 ? "owner_lease IS NULL" : "owner_lease = ?"))) {
                p.setString(1, owner.host());
                p.setLong(2, owner.pid());
                p.setLong(3, owner.lease());
                p.setString(4, runId);
                if (expectedLease != 0) {
                    p.setLong(5, expectedLease);
                }
                if (p.executeUpdate() > 0) {
                    return true;
                }
            }
            if (find(c, runId).isEmpty()) {
                throw new IllegalArgumentException("no run '" + runId + "'");
            }
            return false;
        });
    }

    @Override
    public boolean beat(String runId, Owner owner) {
        requireLease(owner);
        // not forced to disk: a heartbeat lost with the process that sent it tells the truth
        return tx.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE evolution_runs SET heartbeat_at = CURRENT_TIMESTAMP "
                    + "WHERE run_id = ? AND owner_lease = ?")) {
                p.setString(1, runId);
                p.setLong(2, owner.lease());
                return p.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void release(String runId, Owner owner) {
        requireLease(owner);
        tx.durable(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE evolution_runs SET owner_lease = NULL WHERE run_id = ? AND owner_lease = ?")) {
                p.setString(1, runId);
                p.setLong(2, owner.lease());
                p.executeUpdate();
            }
            return null;
        });
    }

    private static final String HEARTBEAT_COLUMNS = "run_id, owner_host, owner_pid, owner_lease, heartbeat_at, "
            + "CURRENT_TIMESTAMP";

    @Override
    public Optional<Heartbeat> heartbeat(String runId) {
        return tx.inTx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + HEARTBEAT_COLUMNS
                    + " FROM evolution_runs WHERE run_id = ? AND heartbeat_at IS NOT NULL")) {
                p.setString(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(heartbeat(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Map<String, Heartbeat> heartbeats() {
        return tx.inTx(c -> {
            Map<String, Heartbeat> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + HEARTBEAT_COLUMNS
                    + " FROM evolution_runs WHERE heartbeat_at IS NOT NULL ORDER BY run_id"); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), heartbeat(r));
                }
            }
            return out;
        });
    }

    /** A row of {@link #HEARTBEAT_COLUMNS}: its age by the database's clock, never below 0. */
    private static Heartbeat heartbeat(ResultSet r) throws SQLException {
        long lease = r.getLong(4);
        if (r.wasNull()) {
            lease = 0;
        }
        long silent = Math.max(0, r.getTimestamp(6).getTime() - r.getTimestamp(5).getTime());
        return new Heartbeat(new Owner(r.getString(2), r.getLong(3), lease), silent);
    }

    /** Refuses a write of {@code owner} to a run another process holds now (or none does). */
    private static void requireHeld(Connection c, String runId, Owner owner) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + HEARTBEAT_COLUMNS
                + " FROM evolution_runs WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalArgumentException("no run '" + runId + "'");
                }
                long lease = r.getLong(4);
                if (r.wasNull()) {
                    throw new IllegalStateException("run '" + runId + "' is no longer held by this process (" + owner
                            .describe() + "): it was given up, and nothing more is written to it");
                }
                if (lease != owner.lease()) {
                    Heartbeat other = heartbeat(r);
                    throw new IllegalStateException("run '" + runId + "' was taken over by " + other.owner().describe()
                            + " while this process (" + owner.describe() + ") sent no heartbeat: it stops writing the "
                            + "run, which goes on there");
                }
            }
        }
    }

    private static void requireLease(Owner owner) {
        if (owner.lease() == 0) {
            throw new IllegalArgumentException("a run owner's lease is not 0");
        }
    }

    @Override
    public void rewind(String runId, int nextGeneration, String status, String codeVersion) {
        tx.durable(c -> {
            for (String table : List.of("evolution_generations", "evolution_generation_blocks", "evolution_creatures",
                    "evolution_frames", "evolution_checkpoints")) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table
                        + " WHERE run_id = ? AND generation " + (table.equals("evolution_checkpoints") ? ">" : ">=") + " ?")) {
                    p.setString(1, runId);
                    p.setInt(2, nextGeneration);
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM evolution_genomes WHERE run_id = ? AND genome_id >= ?")) {
                p.setString(1, runId);
                p.setLong(2, RunStore.genomeId(nextGeneration, 0));
                p.executeUpdate();
            }
            // the run's summary from what is left
            double seconds = 0;
            double best = Double.NEGATIVE_INFINITY;
            int bestGeneration = -1;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT generation, best_fitness, seconds FROM evolution_generations WHERE run_id = ? ORDER BY generation")) {
                p.setString(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        seconds += r.getDouble(3);
                        if (r.getDouble(2) > best) {
                            best = r.getDouble(2);
                            bestGeneration = r.getInt(1);
                        }
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE evolution_runs SET generations_done = ?, best_fitness = ?, "
                    + "best_generation = ?, seconds = ?, status = ?, code_version = ?, updated_at = ? WHERE run_id = ?")) {
                p.setInt(1, nextGeneration);
                setDouble(p, 2, bestGeneration < 0 ? null : best);
                p.setInt(3, bestGeneration);
                p.setDouble(4, seconds);
                p.setString(5, status);
                p.setString(6, codeVersion);
                p.setTimestamp(7, new Timestamp(System.currentTimeMillis()));
                p.setString(8, runId);
                if (p.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no run '" + runId + "'");
                }
            }
            return null;
        });
    }

    @Override
    public void setStatus(String runId, String status) {
        tx.durable(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE evolution_runs SET status = ?, updated_at = ? WHERE run_id = ?")) {
                p.setString(1, status);
                p.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
                p.setString(3, runId);
                if (p.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no run '" + runId + "'");
                }
            }
            return null;
        });
    }

    @Override
    public boolean deleteRun(String runId) {
        return tx.durable(c -> {
            // children first: PostgreSQL and H2 cascade, but explicit deletes keep large runs' work visible
            for (String table : List.of("evolution_generation_blocks", "evolution_frames", "evolution_creatures",
                    "evolution_genomes", "evolution_generations", "evolution_checkpoints")) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    p.setString(1, runId);
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM evolution_runs WHERE run_id = ?")) {
                p.setString(1, runId);
                return p.executeUpdate() > 0;
            }
        });
    }

    private static void setDouble(PreparedStatement p, int i, Double v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.DOUBLE);
        } else {
            p.setDouble(i, v);
        }
    }
}
