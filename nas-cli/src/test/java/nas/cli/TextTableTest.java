package nas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers for people: one number of decimals a column, from the digits its largest value needs. */
class TextTableTest {

    @Test
    void decimalsGiveTheLargestValueItsSignificantDigitsWithinTheBounds() {
        // 5 significant digits: 98.182, 123.46, 1234.6, 12346, and at most 4 decimals for small values
        assertThat(TextTable.decimals(List.of(98.182226348755, 7.98, 0.0), 5, 4)).isEqualTo(3);
        assertThat(TextTable.decimals(List.of(123.456789), 5, 4)).isEqualTo(2);
        assertThat(TextTable.decimals(List.of(-1234.5678, 3.0), 5, 4)).as("magnitude, not sign").isEqualTo(1);
        assertThat(TextTable.decimals(List.of(12345.6), 5, 4)).isZero();
        assertThat(TextTable.decimals(List.of(9_876_543.0), 5, 4)).isZero();
        assertThat(TextTable.decimals(List.of(0.0444534), 5, 4)).isEqualTo(4);
        assertThat(TextTable.decimals(List.of(1.0), 4, 4)).isEqualTo(3);
        assertThat(TextTable.decimals(List.of(0.999), 4, 4)).isEqualTo(4);
        // nothing to measure: nulls, NaN, infinities, zeros and an empty column
        assertThat(TextTable.decimals(Arrays.asList(null, Double.NaN, Double.POSITIVE_INFINITY, 0.0), 5, 4)).isZero();
        assertThat(TextTable.decimals(List.of(), 5, 4)).isZero();
    }

    @Test
    void fixedRoundsToTheDecimalsAndWritesNoNegativeZero() {
        assertThat(TextTable.fixed(123.456789, 2)).isEqualTo("123.46");
        assertThat(TextTable.fixed(0.0444534, 3)).isEqualTo("0.044");
        assertThat(TextTable.fixed(98.182226348755, 3)).isEqualTo("98.182");
        assertThat(TextTable.fixed(12345.6, 0)).isEqualTo("12346");
        assertThat(TextTable.fixed(7, 2)).isEqualTo("7.00");
        assertThat(TextTable.fixed(-0.0001, 2)).isEqualTo("0.00");
        assertThat(TextTable.fixed(-0.006, 2)).isEqualTo("-0.01");
        assertThat(TextTable.fixed(null, 2)).isEmpty();
        assertThat(TextTable.fixed(Double.NaN, 2)).isEqualTo("NaN");
    }

    @Test
    void aColumnOfFixedNumbersIsRightAlignedOnItsDecimalPoint() {
        int d = TextTable.decimals(List.of(98.182226348755, 1.5), 5, 4);
        TextTable t = new TextTable(List.of("gen", "best"));
        t.row(List.of("1", TextTable.fixed(1.5, d))).row(List.of("12", TextTable.fixed(98.182226348755, d)));
        StringWriter s = new StringWriter();
        t.print(new PrintWriter(s));
        assertThat(s.toString().lines().toList()).containsExactly("gen    best", "---  ------", "  1   1.500",
                " 12  98.182");
    }
}
