package nas.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Point(int x, double y) {
    }

    @Test
    void exposesOnlyImmutableReadersAndWriters() {
        List<Class<?>> publicFieldTypes = Arrays.stream(Json.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()))
                .<Class<?>>map(Field::getType).toList();
        assertThat(publicFieldTypes).containsExactlyInAnyOrder(ObjectReader.class, ObjectWriter.class);
    }

    @Test
    void readerIgnoresUnknownPropertiesAndWriterWritesRecords() throws Exception {
        Point p = Json.READER.forType(Point.class).readValue("{\"x\": 3, \"y\": 0.5, \"z\": true}");
        assertThat(p).isEqualTo(new Point(3, 0.5));
        assertThat(Json.WRITER.writeValueAsString(p)).isEqualTo("{\"x\":3,\"y\":0.5}");
        assertThat(Json.read("{\"x\": 3, \"extra\": 1}", Point.class)).isEqualTo(new Point(3, 0.0));
    }

    @Test
    void writePrettyIndentsAndEndsInANewline() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", 1);
        doc.put("b", List.of(2, 3));
        assertThat(Json.writePretty(doc)).isEqualTo("{\n  \"a\" : 1,\n  \"b\" : [ 2, 3 ]\n}\n");
    }
}
