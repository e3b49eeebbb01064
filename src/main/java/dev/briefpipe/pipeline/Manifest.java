package dev.briefpipe.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.io.FileHashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The build's record, written last as manifest.json: what went in and came out (paths, sizes,
 * sha256), how long each stage took, the validation summary and the key figures.
 */
final class Manifest {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectNode root = JSON.createObjectNode();
  private final ArrayNode inputs;
  private final ArrayNode outputs;
  private final Map<String, Long> durations = new LinkedHashMap<>();

  Manifest(String brief, String title, String period, Instant started) {
    root.put("brief", brief);
    root.put("title", title);
    root.put("period", period);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "briefpipe");
    tool.put("version", Version.get());
    root.put("startedAt", started.toString());
    inputs = root.putArray("inputs");
    outputs = root.putArray("outputs");
  }

  void input(String kind, Path file) throws IOException {
    ObjectNode o = inputs.addObject();
    o.put("kind", kind);
    o.put("path", file.toString());
    o.put("sha256", FileHashes.sha256(file));
    o.put("size", Files.size(file));
  }

  /** Records an output file by its path relative to the build folder. */
  ObjectNode output(String kind, Path dir, Path file) throws IOException {
    ObjectNode o = outputs.addObject();
    o.put("kind", kind);
    o.put("path", dir.relativize(file).toString().replace('\\', '/'));
    o.put("sha256", FileHashes.sha256(file));
    o.put("size", Files.size(file));
    return o;
  }

  synchronized void duration(String stage, long millis) {
    durations.merge(stage, millis, Long::sum);
  }

  void validation(boolean valid, long errors, long warnings) {
    ObjectNode v = root.putObject("validation");
    v.put("valid", valid);
    v.put("errors", errors);
    v.put("warnings", warnings);
  }

  void figures(Iterable<KeyFigure> figures) {
    ArrayNode a = root.putArray("figures");
    for (KeyFigure f : figures) {
      ObjectNode o = a.addObject();
      o.put("id", f.id());
      o.put("label", f.label());
      if (f.value() == null) {
        o.putNull("value");
      } else {
        o.put("value", f.value());
      }
      o.put("unit", f.unit());
    }
  }

  synchronized ObjectNode finish(Instant finished) {
    root.put("finishedAt", finished.toString());
    ObjectNode d = root.putObject("durationsMs");
    durations.forEach(d::put);
    return root;
  }

  void write(Path file, ObjectNode node) throws IOException {
    Files.write(file, JSON.writeValueAsBytes(node));
  }
}
