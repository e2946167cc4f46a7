package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.Studies;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.Distributions;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import nas.api.export.Csv;
import nas.api.export.TrialTable;
import nas.api.storage.Storage;
import nas.storage.JdbcStorage;
import nas.storage.PostgresTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas trials --format csv|json} writes the same bytes whichever process reads the storage:
 * the server of an H2 file (streamed to the CLI), the storage in this process, and PostgreSQL; and
 * the same bytes as every trial read first, then written row by row (what the CLI did before it
 * streamed). A large study is exported by processes whose heap is far smaller than the study.
 */
class TrialExportTest {

    /** More than two pages of 2,000 trials (TrialTable's reads), so the read-ahead and the page boundaries are crossed. */
    private static final int TRIALS = 2 * 2_000 + 321;

    @TempDir
    Path dir;

    /** Trials of every kind of cell: categorical, int and log parameters, text that needs quoting, lists, FAIL reasons, constraints. */
    private static List<FrozenTrial> trials() {
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        distributions.put("lr", FloatDistribution.logOf(1e-5, 1));
        distributions.put("layers", IntDistribution.of(1, 8));
        distributions.put("act", CategoricalDistribution.of("relu", "tanh, scaled", "say \"hi\""));
        List<FrozenTrial> out = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-01T10:00:00.123456Z");
        for (int i = 0; i < TRIALS; i++) {
            TrialState state = i % 97 == 5 ? TrialState.FAIL : i % 13 == 4 ? TrialState.PRUNED : TrialState.COMPLETE;
            Map<String, Double> params = new LinkedHashMap<>();
            params.put("lr", Math.pow(10, -5 + (i % 50) / 10.0));
            params.put("layers", (double) (1 + i % 8));
            if (i % 3 != 0) {
                params.put("act", (double) (i % 3));
            }
            Map<String, Distribution> used = new LinkedHashMap<>(distributions);
            used.keySet().retainAll(params.keySet());
            TreeMap<Integer, Double> intermediate = new TreeMap<>();
            if (state == TrialState.PRUNED) {
                intermediate.put(0, 1.0 / (i + 1));
                intermediate.put(i % 5 + 1, 0.5);
            }
            Map<String, Object> user = new LinkedHashMap<>();
            if (i % 4 == 0) {
                user.put("note", "run " + i + (i % 8 == 0 ? ", with a comma\nand a line" : ""));
            }
            if (i % 10 == 0) {
                user.put("shape", List.of(i, 2));
            }
            Map<String, Object> system = new LinkedHashMap<>();
            if (state == TrialState.FAIL) {
                system.put(FrozenTrial.FAIL_REASON, "objective said \"no\", trial " + i);
            }
            if (i % 7 == 0) {
                system.put(FrozenTrial.CONSTRAINTS, List.of(i * 0.25 - 3, -1.5));
            }
            List<Double> values = state == TrialState.COMPLETE ? List.of(Math.sin(i) * 1e-3 + i) : List.of();
            Instant start = t0.plusMillis(i * 1_001L);
            out.add(new FrozenTrial(0, i, state, values, start, start.plusNanos(i * 7_000_003L), params, used,
                    intermediate, user, system));
        }
        return out;
    }

    private static long fill(Storage storage) {
        long id = storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
        for (FrozenTrial t : trials()) {
            storage.createTrial(id, t);
        }
        return id;
    }

    /** The CSV as the CLI wrote it before it streamed: every trial read, the columns of those trials, then each row. */
    private static String readThenWritten(Storage storage, long id) {
        List<FrozenTrial> all = storage.trials(id, Set.of());
        TrialTable table = TrialTable.of(all, 1);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        Csv.row(out, table.columns());
        for (FrozenTrial t : all) {
            Csv.row(out, new ArrayList<>(table.row(t).values()));
        }
        out.flush();
        return text.toString();
    }

    private static String exported(Storage storage, Set<TrialState> states, OutputFormat format) {
        StringWriter text = new StringWriter();
        TrialExport.export(Studies.builder("s").storage(storage).load(), states, format, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void theServerThisProcessAndPostgresqlWriteTheSameBytes() throws Exception {
        String file = dir.resolve("h2").toString();
        String csv;
        String json;
        String failed;
        try (JdbcStorage h2 = JdbcStorage.open(file)) {
            long id = fill(h2);
            csv = exported(h2, Set.of(), OutputFormat.CSV);
            assertThat(csv).isEqualTo(readThenWritten(h2, id));
            json = exported(h2, Set.of(), OutputFormat.JSON);
            failed = exported(h2, EnumSet.of(TrialState.FAIL), OutputFormat.CSV);
        }
        assertThat(csv.lines()).first().isEqualTo("number,state,value,datetime_start,datetime_complete,duration,"
                + "last_step,constraints_0,constraints_1,params_act,params_layers,params_lr,user_attrs_note,"
                + "user_attrs_shape,system_attrs_fail_reason");
        assertThat(csv).contains("\"say \"\"hi\"\"\"").contains("\"tanh, scaled\"")
                .contains("\"run 8, with a comma\nand a line\"").contains("\"[0,2]\"");
        // trials 5, 102, 199, ...: FAIL rows only (some span two lines: a quoted line break)
        assertThat(failed.split("\n[0-9]+,FAIL,", -1)).hasSize((TRIALS - 5 + 96) / 97 + 1);
        assertThat(failed).doesNotContain(",COMPLETE,").doesNotContain(",PRUNED,");

        // through the file's server, in a CLI process of its own
        CliProcess.Result served = CliProcess.run(dir, "trials", "--study", "s", "--format", "csv", "--storage", file);
        assertThat(served.exitCode()).as(served.err()).isZero();
        assertThat(served.out()).isEqualTo(csv);
        CliRunner.Result servedJson = CliRunner.run("trials", "--study", "s", "--format", "json", "--storage", file);
        assertThat(servedJson.out()).isEqualTo(json);
        CliRunner.Result servedFailed = CliRunner.run("trials", "--study", "s", "--format", "csv", "--state", "FAIL",
                "--storage", file);
        assertThat(servedFailed.out()).isEqualTo(failed);

        // PostgreSQL, read by the CLI itself
        String pg = PostgresTestServer.freshUrl("export");
        try (JdbcStorage postgres = JdbcStorage.open(pg)) {
            fill(postgres);
        }
        CliRunner.Result fromPostgres = CliRunner.run("trials", "--study", "s", "--format", "csv", "--storage", pg);
        assertThat(fromPostgres.exitCode()).as(fromPostgres.err()).isZero();
        assertThat(fromPostgres.out()).isEqualTo(csv);
    }

    @Test
    void aStudyFarLargerThanTheHeapIsExportedWithFlatMemory() throws Exception {
        int trials = 40_000;
        Path file = dir.resolve("big");
        long study;
        try (JdbcStorage storage = JdbcStorage.open(file.toString())) {
            study = storage.createStudy("big", List.of(StudyDirection.MINIMIZE));
        }
        // bulk SQL: 40,000 trials of 10 parameters, each with a 200-character note (about 3 KB a trial held in memory)
        String distribution = Distributions.toJson(FloatDistribution.of(-5, 5));
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            sql(c, "INSERT INTO trials (study_id, trial_number, state, datetime_start, datetime_complete) SELECT ?, X, "
                    + "'COMPLETE', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE "
                    + "'2026-01-01 00:00:01+00' FROM SYSTEM_RANGE(0, ?)", study, trials - 1);
            sql(c, "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) SELECT t.trial_id, "
                    + "'x' || p.X, MOD(t.trial_number * 7 + p.X, 10) - 4.5, ? FROM trials t CROSS JOIN SYSTEM_RANGE(0, 9) p "
                    + "WHERE t.study_id = ? ORDER BY t.trial_id, p.X", distribution, study);
            sql(c, "INSERT INTO trial_values (trial_id, objective, objective_value) SELECT trial_id, 0, trial_number "
                    + "FROM trials WHERE study_id = ?", study);
            sql(c, "INSERT INTO trial_user_attributes (trial_id, attr_key, value_json) SELECT trial_id, 'note', "
                    + "'\"' || REPEAT('n', 200) || '\"' FROM trials WHERE study_id = ?", study);
            sql(c, "INSERT INTO study_param_distributions (study_id, param_name, distribution_json) SELECT ?, 'x' || X, ? "
                    + "FROM SYSTEM_RANGE(0, 9)", study, distribution);
            sql(c, "UPDATE studies SET next_trial_number = ? WHERE study_id = ?", trials, study);
            c.commit();
        }
        // both the CLI and the server it starts get a 48 MB heap; the study read whole would need over 100 MB
        CliProcess.Result r = CliProcess.start(Map.of("JAVA_TOOL_OPTIONS", "-Xmx48m"), dir, "trials", "--study", "big",
                "--format", "csv", "--storage", file.toString()).await(600);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("OutOfMemoryError");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(trials + 1);
        assertThat(lines.get(0)).startsWith("number,state,value,").endsWith(",params_x9,user_attrs_note");
        assertThat(lines.get(trials)).startsWith((trials - 1) + ",COMPLETE," + (trials - 1) + ".0,");
    }

    private static void sql(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }
}
