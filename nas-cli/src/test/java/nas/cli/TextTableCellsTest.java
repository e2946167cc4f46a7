package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A value with a line break or tab keeps its row on one line (seen with a categorical choice "multi\nline"). */
class TextTableCellsTest {

    @Test
    void lineBreaksAndTabsInACellAreShownEscapedOnTheRowsLine() {
        StringWriter out = new StringWriter();
        new TextTable(List.of("number", "act", "x")).row(List.of("0", "multi\nline", "0.5"))
                .row(List.of("1", "a\tb\r\nc", "0.25")).print(new PrintWriter(out));
        assertThat(out.toString().lines().toList()).containsExactly(
                "number  act             x",
                "------  -----------  ----",
                "     0  multi\\nline   0.5",
                "     1  a\\tb\\r\\nc    0.25");
        assertThat(TextTable.oneLine("plain")).isEqualTo("plain");
    }
}
