package nas.sim.genome;

import java.util.Map;

/** JSON form of one kind of brain genome, for {@link GenomeJson}. Values are JSON-compatible. */
public interface BrainJsonCodec {

    /** The {@code type} tag written into the brain's JSON object. */
    String type();

    boolean supports(BrainGenome brain);

    Map<String, Object> encode(BrainGenome brain);

    BrainGenome decode(Map<String, Object> json);
}
