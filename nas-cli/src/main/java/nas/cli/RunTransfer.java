package nas.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import nas.dashboard.StoredRuns;
import nas.sim.genome.GenomeBinary;
import nas.sim.genome.GenomeJson;
import nas.storage.RunStore;

/**
 * An evolution run as one JSON document ({@code nas export RUN}, {@code nas import}), written and read a
 * generation at a time so that runs of any length pass in constant memory. Layout: {@code format}, {@code run}
 * (the run's row), then {@code generations}: each with its statistics, its {@code creatures} (parents as
 * indices in the generation before, survival streak, the id the genome is stored under (a survivor shares its
 * parent's), genome as JSON, frames as base64 of the stored compressed form, or null) and, on the generation it was taken with, the
 * run's newest {@code checkpoint} (its state as JSON), so an unfinished run can be resumed after import.
 */
final class RunTransfer {

    /** The value of the document's first field. */
    static final String FORMAT = "nas-evolution-run";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final GenomeBinary GENOMES = GenomeBinary.standard();

    private RunTransfer() {
    }

    /** Whether {@code head} (the start of a file) is a run export rather than a study export. */
    static boolean isRunExport(byte[] head) {
        String s = new String(head, StandardCharsets.UTF_8).replaceAll("\\s", "");
        return s.startsWith("{\"format\":\"" + FORMAT + "\"");
    }

    /**
     * Writes a run, or one generation of it ({@code generation} >= 0), or one creature of that generation
     * ({@code creature} >= 0).
     */
    static void write(RunStore runs, RunStore.Run run, int generation, int creature, Writer out) throws IOException {
        Optional<RunStore.Checkpoint> checkpoint = generation < 0 ? runs.lastCheckpoint(run.id()) : Optional.empty();
        try (JsonGenerator g = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeFieldName("run");
            MAPPER.writeValue(g, MAPPER.valueToTree(run));
            g.writeBooleanField("complete", generation < 0);
            g.writeArrayFieldStart("generations");
            int from = Math.max(0, generation);
            for (RunStore.Generation gen : runs.generations(run.id(), from)) {
                if (generation >= 0 && gen.generation() != generation) {
                    break;
                }
                writeGeneration(g, runs, run.id(), gen, creature, checkpoint);
                g.flush();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeGeneration(JsonGenerator g, RunStore runs, String id, RunStore.Generation gen, int creature,
            Optional<RunStore.Checkpoint> checkpoint) throws IOException {
        ObjectNode stats = MAPPER.valueToTree(gen);
        stats.set("creatureTypes", MAPPER.readTree(gen.creatureTypes()));
        g.writeStartObject();
        stats.fields().forEachRemaining(e -> {
            try {
                g.writeFieldName(e.getKey());
                MAPPER.writeTree(g, e.getValue());
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        });
        g.writeArrayFieldStart("creatures");
        for (RunStore.Creature c : runs.creatures(id, gen.generation())) {
            if (creature >= 0 && c.index() != creature) {
                continue;
            }
            g.writeStartObject();
            g.writeNumberField("index", c.index());
            g.writeNumberField("fitness", c.fitness());
            g.writeNumberField("pellets", c.pellets());
            g.writeNumberField("distance", c.distance());
            g.writeBooleanField("disqualified", c.disqualified());
            g.writeNumberField("pelletSeed", c.pelletSeed());
            g.writeNumberField("nodes", c.nodes());
            g.writeNumberField("muscles", c.muscles());
            g.writeArrayFieldStart("parents");
            for (int parent : c.parents()) {
                g.writeNumber(parent);
            }
            g.writeEndArray();
            g.writeNumberField("survivalStreak", c.survivalStreak());
            g.writeNumberField("genomeId", c.genomeId());
            g.writeFieldName("genome");
            MAPPER.writeValue(g, StoredRuns.genome(c));
            Optional<RunStore.Frames> f = runs.frames(id, gen.generation(), c.index());
            if (f.isPresent()) {
                g.writeStringField("frames", Base64.getEncoder().encodeToString(f.get().data()));
            } else {
                g.writeNullField("frames");
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (checkpoint.isPresent() && checkpoint.get().generation() == gen.generation() + 1) {
            g.writeObjectFieldStart("checkpoint");
            g.writeNumberField("generation", checkpoint.get().generation());
            g.writeNumberField("createdMillis", checkpoint.get().createdMillis());
            g.writeFieldName("state");
            MAPPER.writeTree(g, MAPPER.readTree(Checkpoints.toJson(checkpoint.get().state())));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * Reads a whole-run export into a new run named {@code id} (null: the file's); returns the name. A file
     * that fails part-way leaves no run behind.
     */
    static String read(RunStore runs, InputStream in, String id) throws IOException {
        // the run is held while it is imported: listed as RUNNING, neither resumed nor deleted by another process
        RunLease[] created = {null};
        try {
            return read(runs, in, id, created);
        } catch (IOException | RuntimeException e) {
            if (created[0] != null) {
                runs.deleteRun(created[0].runId());
            }
            throw e;
        } finally {
            if (created[0] != null) {
                created[0].close();
            }
        }
    }

    private static String read(RunStore runs, InputStream in, String id, RunLease[] created) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            RunStore.Run run = null;
            String name = id;
            int bestGeneration = -1;
            double best = Double.NEGATIVE_INFINITY;
            boolean complete = false;
            int stored = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> expect(FORMAT.equals(p.getText()), "not a run export");
                    case "run" -> run = MAPPER.treeToValue(MAPPER.readTree(p), RunStore.Run.class);
                    case "complete" -> complete = p.getBooleanValue();
                    case "generations" -> {
                        expect(run != null && complete, "only whole-run exports (no --generation) can be imported");
                        name = name == null ? run.id() : name;
                        if (runs.run(name).isPresent()) {
                            throw new Nas.BadInputException("run '" + name + "' exists already: "
                                    + (id == null ? "import it under another name with --run-id NAME"
                                    : "give another name with --run-id"));
                        }
                        long now = System.currentTimeMillis();
                        created[0] = RunLease.create(runs, new RunStore.Run(name, run.configName(), run.configJson(),
                                run.seed(), run.targetGenerations(), run.framesMode(), run.frameRate(),
                                run.checkpointEvery(), run.codeVersion(), RunStore.RUNNING, now, now, 0, null, -1, 0.0));
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode gen = MAPPER.readTree(p);
                            int g = gen.get("generation").asInt();
                            expect(g == stored, "generation " + stored + " expected, found " + g);
                            if (gen.get("best").asDouble() > best) {
                                best = gen.get("best").asDouble();
                                bestGeneration = g;
                            }
                            stored++;
                            boolean last = stored == run.generationsDone();
                            runs.appendGeneration(name, batch(gen, last ? run.status() : RunStore.RUNNING,
                                    bestGeneration), created[0].owner());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            expect(run != null && stored == run.generationsDone(), "the file holds " + stored + " of "
                    + (run == null ? "?" : run.generationsDone()) + " generations");
            return name;
        }
    }

    private static RunStore.GenerationBatch batch(JsonNode gen, String status, int bestGeneration) throws IOException {
        int g = gen.get("generation").asInt();
        List<RunStore.Creature> creatures = new ArrayList<>();
        List<RunStore.Frames> frames = new ArrayList<>();
        for (JsonNode c : gen.get("creatures")) {
            int index = c.get("index").asInt();
            // a genome first stored with an earlier creature (a survivor's) is in the database already: the file
            // holds the whole run, in order
            long genomeId = c.has("genomeId") ? c.get("genomeId").asLong() : RunStore.genomeId(g, index);
            // stored in the binary form nas evolve stores (doubles read back from JSON bit for bit)
            byte[] genome = genomeId == RunStore.genomeId(g, index)
                    ? GENOMES.encode(GenomeJson.standard().fromJson(MAPPER.writeValueAsString(c.get("genome")))) : null;
            int[] parents = new int[c.has("parents") ? c.get("parents").size() : 0];
            for (int k = 0; k < parents.length; k++) {
                parents[k] = c.get("parents").get(k).asInt();
            }
            creatures.add(new RunStore.Creature(g, index, c.get("fitness").asDouble(), c.get("pellets").asInt(),
                    c.get("distance").asDouble(), c.get("disqualified").asBoolean(), c.get("pelletSeed").asLong(),
                    c.get("nodes").asInt(), c.get("muscles").asInt(), genomeId, genome, parents,
                    c.has("survivalStreak") ? c.get("survivalStreak").asInt() : 0));
            if (c.hasNonNull("frames")) {
                frames.add(new RunStore.Frames(g, index, Base64.getDecoder().decode(c.get("frames").asText())));
            }
        }
        RunStore.Checkpoint checkpoint = null;
        if (gen.hasNonNull("checkpoint")) {
            JsonNode cp = gen.get("checkpoint");
            checkpoint = new RunStore.Checkpoint(cp.get("generation").asInt(), cp.get("createdMillis").asLong(),
                    Checkpoints.fromJson(MAPPER.writeValueAsString(cp.get("state"))));
        }
        JsonNode species = gen.get("species");
        RunStore.Generation stats = new RunStore.Generation(g, gen.get("best").asDouble(), gen.get("mean").asDouble(),
                gen.get("median").asDouble(), gen.get("worst").asDouble(), gen.get("bestEver").asDouble(),
                gen.get("pellets").asInt(), species == null || species.isNull() ? null : species.asInt(),
                MAPPER.writeValueAsString(gen.get("creatureTypes")), gen.get("diversity").asDouble(),
                gen.get("seconds").asDouble());
        return new RunStore.GenerationBatch(stats, creatures, frames, checkpoint, status, bestGeneration);
    }

    private static void expect(boolean ok, String why) {
        if (!ok) {
            throw new IllegalArgumentException("cannot import the run: " + why);
        }
    }
}
