package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of schema version 6 (before the parameter-read index of version 7), with trials written as
 * NAS wrote them then, is migrated when opened, and its trials read back the same: parameters in the
 * order they were suggested, each with its distribution.
 */
class SchemaMigrationTest {

    private static final int BEFORE = 6;
    private static final Distribution X = FloatDistribution.of(-5, 5);
    private static final Distribution Y = IntDistribution.of(1, 9);
    /** Only in the trial's own row: a name its study's table lacks (no NAS writer leaves one; read all the same). */
    private static final Distribution Z = FloatDistribution.of(0, 1);

    @TempDir
    Path dir;

    @Test
    void anH2DatabaseOfVersion6IsMigratedAndReadsItsTrialsBack() throws SQLException {
        assertMigratesAndReadsBack("jdbc:h2:" + dir.resolve("old").toAbsolutePath(), Dialect.H2);
    }

    @Test
    void aPostgresqlDatabaseOfVersion6IsMigratedAndReadsItsTrialsBack() throws SQLException {
        assertMigratesAndReadsBack(PostgresTestServer.freshUrl("migration"), Dialect.POSTGRESQL);
    }

    private static void assertMigratesAndReadsBack(String url, Dialect dialect) throws SQLException {
        long study;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            Migrations.migrate(c, dialect, BEFORE);
            assertThat(Migrations.appliedVersion(c)).isEqualTo(BEFORE);
            assertThat(readIndexColumns(c)).isEmpty();
            study = storeOldStudy(c);
        }
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            checkTrials(storage, study);
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            assertThat(Migrations.appliedVersion(c)).isEqualTo(Migrations.CURRENT);
            assertThat(readIndexColumns(c)).containsExactly("trial_id", "param_seq", "param_name", "param_value");
            // idempotent: version 7 applied once more over itself (as a twin process migrating at once would)
            update(c, "DELETE FROM nas_schema_version WHERE version > ?", BEFORE);
            c.commit();
        }
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            checkTrials(storage, study);
        }
    }

    @Test
    void anH2DatabaseOfVersion8KeepsItsRunsWhichAProcessThenHolds() throws SQLException {
        assertRunsMigrate("jdbc:h2:" + dir.resolve("runs8").toAbsolutePath(), Dialect.H2);
    }

    @Test
    void aPostgresqlDatabaseOfVersion8KeepsItsRunsWhichAProcessThenHolds() throws SQLException {
        assertRunsMigrate(PostgresTestServer.freshUrl("migration"), Dialect.POSTGRESQL);
    }

    /**
     * A run stored by the NAS of version 8 (no heartbeat columns), killed while RUNNING: after the migration to
     * version 9 it reads back the same, has no heartbeat (no process holds it), and a process can take it and write.
     */
    private static void assertRunsMigrate(String url, Dialect dialect) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            Migrations.migrate(c, dialect, 8);
            assertThat(Migrations.appliedVersion(c)).isEqualTo(8);
            update(c, "INSERT INTO evolution_runs (run_id, config_name, config_json, seed, target_generations, "
                    + "frames_mode, frame_rate, checkpoint_every, code_version, status, created_at, updated_at, "
                    + "generations_done, best_fitness, best_generation, seconds) VALUES ('old', 'pure_baseline', '{}', "
                    + "42, 10, 'selective:3,2,1', 15, 2, 'v8', 'RUNNING', ?, ?, 0, NULL, -1, 0.0)",
                    new java.sql.Timestamp(1_000_000L), new java.sql.Timestamp(2_000_000L));
            c.commit();
        }
        RunStore.Owner owner = new RunStore.Owner("host-a", 4242, 99);
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            RunStore.Run old = storage.runs().run("old").orElseThrow();
            assertThat(old.status()).isEqualTo(RunStore.RUNNING);
            assertThat(old.framesMode()).isEqualTo("selective:3,2,1");
            assertThat(old.updatedMillis()).isEqualTo(2_000_000L);
            assertThat(storage.runs().heartbeat("old")).isEmpty();
            assertThat(storage.runs().claim("old", owner, 0)).isTrue();
            storage.runs().appendGeneration("old", RunStoreContractTest.batch(0, 3.0, true), owner);
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            assertThat(Migrations.appliedVersion(c)).isEqualTo(Migrations.CURRENT);
            // idempotent: version 9 applied once more over itself (as a twin process migrating at once would)
            update(c, "DELETE FROM nas_schema_version WHERE version > 8");
            c.commit();
        }
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            assertThat(storage.runs().run("old").orElseThrow().generationsDone()).isEqualTo(1);
            assertThat(storage.runs().heartbeat("old").orElseThrow().owner()).isEqualTo(owner);
        }
    }

    @Test
    void anH2DatabaseOfVersion9KeepsItsRowsAndARunResumedFromThemGoesOnInBlocks() throws SQLException {
        assertRowsRead("jdbc:h2:" + dir.resolve("runs9").toAbsolutePath(), Dialect.H2);
    }

    @Test
    void aPostgresqlDatabaseOfVersion9KeepsItsRowsAndARunResumedFromThemGoesOnInBlocks() throws SQLException {
        assertRowsRead(PostgresTestServer.freshUrl("migration"), Dialect.POSTGRESQL);
    }

    /**
     * A run stored by the NAS of version 9 (a row per creature, genome and recording), killed after generation 3
     * with its last checkpoint before generation 2: after the migration to version 10 it reads back as it was
     * stored; resumed (rewound to the checkpoint, generations 2 and 3 stored again, now as blocks) its survivor
     * still finds the genome stored as a row in generation 0, and deleting it leaves no row of either layout.
     */
    private static void assertRowsRead(String url, Dialect dialect) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            Migrations.migrate(c, dialect, 9);
            assertThat(Migrations.appliedVersion(c)).isEqualTo(9);
            update(c, "INSERT INTO evolution_runs (run_id, config_name, config_json, seed, target_generations, "
                    + "frames_mode, frame_rate, checkpoint_every, code_version, status, created_at, updated_at, "
                    + "generations_done, best_fitness, best_generation, seconds) VALUES ('old', 'pure_baseline', "
                    + "'{\"population_size\":3}', 42, 10, 'selective', 15, 2, 'test-1', 'RUNNING', ?, ?, 4, 12.0, 3, "
                    + "6.0)", new java.sql.Timestamp(1_000_000L), new java.sql.Timestamp(1_000_000L));
            for (int g = 0; g < 4; g++) {
                storeRows(c, RunStoreContractTest.batch(g, 3.0 * (g + 1), g == 1));
            }
            c.commit();
        }
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            RunStore runs = storage.runs();
            for (int g = 0; g < 4; g++) {
                assertCreatures(runs.creatures("old", g), RunStoreContractTest.batch(g, 3.0 * (g + 1), false));
                assertThat(runs.framedCreatures("old", g)).containsExactly(1);
                assertThat(runs.frames("old", g, 1).orElseThrow().data()).containsExactly(9, 8, 7);
                assertThat(runs.frames("old", g, 0)).isEmpty();
            }
            RunStore.Checkpoint cp = runs.lastCheckpoint("old").orElseThrow();
            assertThat(cp.generation()).isEqualTo(2);
            runs.rewind("old", cp.generation(), RunStore.RUNNING, "test-2");
            assertThat(runs.creatures("old", 2)).isEmpty();
            assertThat(runs.framedCreatures("old", 3)).isEmpty();
            assertThat(runs.run("old").orElseThrow().generationsDone()).isEqualTo(2);
            for (int g = 2; g < 5; g++) {
                runs.appendGeneration("old", RunStoreContractTest.batch(g, 3.0 * (g + 1), false));
            }
            for (int g = 0; g < 5; g++) {
                assertCreatures(runs.creatures("old", g), RunStoreContractTest.batch(g, 3.0 * (g + 1), false));
                assertThat(runs.frames("old", g, 1).orElseThrow().data()).containsExactly(9, 8, 7);
            }
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            assertThat(Migrations.appliedVersion(c)).isEqualTo(Migrations.CURRENT);
            // generations 0 and 1 as rows, 2 to 4 as blocks
            assertThat(longOf(c, "SELECT COUNT(*) FROM evolution_creatures")).isEqualTo(4);
            assertThat(longOf(c, "SELECT COUNT(*) FROM evolution_generation_blocks")).isEqualTo(3);
            // idempotent: version 10 applied once more over itself (as a twin process migrating at once would)
            update(c, "DELETE FROM nas_schema_version WHERE version > 9");
            c.commit();
        }
        try (JdbcStorage storage = JdbcStorage.open(url)) {
            assertCreatures(storage.runs().creatures("old", 4), RunStoreContractTest.batch(4, 15.0, false));
            assertThat(storage.runs().deleteRun("old")).isTrue();
        }
        try (Connection c = DriverManager.getConnection(url)) {
            for (String table : List.of("evolution_creatures", "evolution_genomes", "evolution_frames",
                    "evolution_generation_blocks", "evolution_generations", "evolution_checkpoints")) {
                assertThat(longOf(c, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
            }
        }
    }

    /** A generation's rows as the NAS of version 9 wrote them. */
    private static void storeRows(Connection c, RunStore.GenerationBatch b) throws SQLException {
        RunStore.Generation g = b.generation();
        update(c, "INSERT INTO evolution_generations (run_id, generation, best_fitness, mean_fitness, median_fitness, "
                + "worst_fitness, best_ever, pellets, species, creature_types, diversity, seconds) VALUES ('old', ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?)", g.generation(), g.best(), g.mean(), g.median(), g.worst(), g.bestEver(),
                g.pellets(), g.species(), g.creatureTypes(), g.diversity(), g.seconds());
        for (RunStore.Creature k : b.creatures()) {
            update(c, "INSERT INTO evolution_creatures (run_id, generation, creature_index, fitness, pellets, distance, "
                    + "disqualified, pellet_seed, nodes, muscles, genome_id, parent_1, parent_2, survival_streak) "
                    + "VALUES ('old', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", k.generation(), k.index(), k.fitness(),
                    k.pellets(), k.distance(), k.disqualified(), k.pelletSeed(), k.nodes(), k.muscles(), k.genomeId(),
                    k.parents().length > 0 ? k.parents()[0] : null, k.parents().length > 1 ? k.parents()[1] : null,
                    k.survivalStreak());
            if (k.genome() != null) {
                update(c, "INSERT INTO evolution_genomes (run_id, genome_id, genome) VALUES ('old', ?, ?)",
                        k.genomeId(), k.genome());
            }
        }
        for (RunStore.Frames f : b.frames()) {
            update(c, "INSERT INTO evolution_frames (run_id, generation, creature_index, frames) VALUES ('old', ?, ?, ?)",
                    f.generation(), f.index(), f.data());
        }
        if (b.checkpoint() != null) {
            update(c, "INSERT INTO evolution_checkpoints (run_id, generation, created_at, state) VALUES ('old', ?, ?, ?)",
                    b.checkpoint().generation(), new java.sql.Timestamp(b.checkpoint().createdMillis()),
                    b.checkpoint().state());
        }
    }

    /** The creatures read back are those stored, each with its genome (a survivor's from generation 0). */
    private static void assertCreatures(List<RunStore.Creature> back, RunStore.GenerationBatch stored) {
        assertThat(back).hasSize(stored.creatures().size());
        for (int i = 0; i < back.size(); i++) {
            RunStore.Creature in = stored.creatures().get(i);
            assertThat(back.get(i)).usingRecursiveComparison().ignoringFields("genome", "parents").isEqualTo(in);
            assertThat(back.get(i).parents()).containsExactly(in.parents());
        }
        int g = stored.generation().generation();
        assertThat(Deflate.toText(back.get(0).genome())).isEqualTo("{\"g\":" + g + "}");
        assertThat(back.get(1).genome()).containsExactly(0, 255 - 256, 1);
    }

    /** A study of two trials in the tables of version 6, written by SQL as the NAS of that version wrote them. */
    private static long storeOldStudy(Connection c) throws SQLException {
        update(c, "INSERT INTO studies (study_name) VALUES ('old')");
        long study = longOf(c, "SELECT study_id FROM studies WHERE study_name = 'old'");
        update(c, "INSERT INTO study_directions (study_id, objective, direction) VALUES (?, 0, 'MINIMIZE')", study);
        update(c, "INSERT INTO study_param_distributions (study_id, param_name, distribution_json) VALUES (?, 'x', ?), "
                + "(?, 'y', ?)", study, Distributions.toJson(X), study, Distributions.toJson(Y));
        for (int number = 0; number < 2; number++) {
            update(c, "INSERT INTO trials (study_id, trial_number, state) VALUES (?, ?, 'COMPLETE')", study, number);
            long trial = longOf(c, "SELECT trial_id FROM trials WHERE trial_number = " + number);
            update(c, "INSERT INTO trial_values (trial_id, objective, objective_value) VALUES (?, 0, ?)", trial,
                    10.0 + number);
            // suggested y first, then x (the table's key would put x first)
            param(c, trial, "y", 3 + number, Y);
            param(c, trial, "x", -1.5 + 2 * number, X);
            if (number == 1) {
                param(c, trial, "z", 0.25, Z);
            }
        }
        update(c, "UPDATE studies SET next_trial_number = 2 WHERE study_id = ?", study);
        c.commit();
        return study;
    }

    private static void checkTrials(JdbcStorage storage, long study) {
        List<FrozenTrial> trials = storage.trialsFrom(study, Set.of(), 0, 10);
        assertThat(trials).extracting(FrozenTrial::number).containsExactly(0, 1);
        assertThat(List.copyOf(trials.get(0).internalParams().entrySet()))
                .containsExactly(Map.entry("y", 3.0), Map.entry("x", -1.5));
        assertThat(trials.get(0).distributions()).isEqualTo(Map.of("y", Y, "x", X));
        assertThat(List.copyOf(trials.get(1).internalParams().entrySet()))
                .containsExactly(Map.entry("y", 4.0), Map.entry("x", 0.5), Map.entry("z", 0.25));
        assertThat(trials.get(1).distributions()).isEqualTo(Map.of("y", Y, "x", X, "z", Z));
        assertThat(trials.get(1).values()).containsExactly(11.0);
        // one trial by id reads the same
        assertThat(storage.trial(trials.get(1).id())).isEqualTo(trials.get(1));
    }

    private static void param(Connection c, long trial, String name, double value, Distribution d) throws SQLException {
        update(c, "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES (?, ?, ?, ?)",
                trial, name, value, Distributions.toJson(d));
    }

    /** The columns of the index trial_params_read, in order (lower case); empty when there is none. */
    private static List<String> readIndexColumns(Connection c) throws SQLException {
        String table = c.getMetaData().storesUpperCaseIdentifiers() ? "TRIAL_PARAMS" : "trial_params";
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet r = c.getMetaData().getIndexInfo(null, c.getSchema(), table, false, false)) {
            while (r.next()) {
                if ("trial_params_read".equalsIgnoreCase(r.getString("INDEX_NAME"))) {
                    columns.put(r.getShort("ORDINAL_POSITION"), r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(columns.values());
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }

    private static long longOf(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
