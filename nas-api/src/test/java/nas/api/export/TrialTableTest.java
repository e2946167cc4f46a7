package nas.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nas.api.FrozenTrial;
import nas.api.Studies;
import nas.api.Study;
import nas.api.Trial;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import org.junit.jupiter.api.Test;

class TrialTableTest {

    private static final Map<String, Distribution> SPACE = Map.of("x", FloatDistribution.of(0, 1));
    private static final String NL = System.lineSeparator();

    @Test
    void constraintsGetOneColumnEach() {
        Study study = Studies.builder().create();
        study.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(1.0), Map.of("x", 0.5), SPACE).withConstraints(0.25, -1));
        study.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(2.0), Map.of("x", 0.5), SPACE));
        List<FrozenTrial> trials = study.trials();
        TrialTable table = TrialTable.of(trials, 1);
        assertThat(table.columns()).containsSubsequence("last_step", "constraints_0", "constraints_1", "params_x");
        assertThat(table.row(trials.get(0))).containsEntry("constraints_0", 0.25).containsEntry("constraints_1", -1.0);
        assertThat(table.row(trials.get(1))).containsEntry("constraints_0", null).containsEntry("constraints_1", null);
        // no constraints anywhere: no such columns
        assertThat(TrialTable.of(List.of(trials.get(1)), 1).columns()).noneMatch(c -> c.startsWith("constraints_"));
    }

    @Test
    void csvOfAStudyHasTheHeaderThenOneRowPerTrialWithTextQuoted() {
        Study study = Studies.builder().create();
        Trial first = study.ask();
        first.suggestInt("n", 1, 9);
        first.setUserAttr("note", "a, \"b\"");
        first.report(0.3, 4);
        study.tell(first, 0.1);
        Trial second = study.ask();
        second.suggestInt("n", 1, 9);
        study.tell(second, TrialState.PRUNED);
        FrozenTrial a = study.trials().get(0);
        FrozenTrial b = study.trials().get(1);

        StringWriter out = new StringWriter();
        TrialTable.writeCsv(study, Set.of(), out);
        assertThat(out.toString()).isEqualTo(
                "number,state,value,datetime_start,datetime_complete,duration,last_step,params_n,user_attrs_note" + NL
                        + "0,COMPLETE,0.1," + times(a) + ",4," + a.param("n") + ",\"a, \"\"b\"\"\"" + NL
                        + "1,PRUNED,," + times(b) + ",," + b.param("n") + "," + NL);

        StringWriter pruned = new StringWriter();
        TrialTable.writeCsv(study, EnumSet.of(TrialState.PRUNED), pruned);
        assertThat(pruned.toString()).isEqualTo("number,state,value,datetime_start,datetime_complete,duration,"
                + "last_step,params_n" + NL + "1,PRUNED,," + times(b) + ",," + b.param("n") + NL);
    }

    @Test
    void jsonOfAStudyIsOneArrayOfTheTrialRecords() {
        Study study = Studies.builder().create();
        study.addTrial(FrozenTrial.of(TrialState.COMPLETE, List.of(0.5), Map.of("x", 0.25), SPACE));
        FrozenTrial t = study.trials().get(0);
        StringWriter out = new StringWriter();
        TrialTable.writeJson(study, Set.of(), out);
        assertThat(out.toString()).isEqualTo("[{\"number\":0,\"state\":\"COMPLETE\",\"values\":[0.5],"
                + "\"params\":{\"x\":0.25},\"datetime_start\":\"" + t.datetimeStart() + "\",\"datetime_complete\":\""
                + t.datetimeComplete() + "\",\"duration\":" + t.duration().toNanos() / 1e9
                + ",\"last_step\":null,\"user_attrs\":{}}]" + NL);
    }

    private static String times(FrozenTrial t) {
        return t.datetimeStart() + "," + t.datetimeComplete() + "," + t.duration().toNanos() / 1e9;
    }
}
