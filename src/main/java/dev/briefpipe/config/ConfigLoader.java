package dev.briefpipe.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.briefpipe.failure.ConfigException;
import dev.briefpipe.failure.ConfigProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads {@code <config>/briefpipe.yaml} and every {@code <config>/<briefs>/*.yaml}, binds them to
 * records and checks them. Any mistake fails the whole load with a {@link ConfigException} that
 * names file, line, what is wrong and how to fix it; all problems of the semantic checks are
 * reported together.
 */
public final class ConfigLoader {
    public static final String APP_FILE = "briefpipe.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A key written twice: YAML would keep the later value without a word.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // An empty entry in a list or map ("-" with nothing after it, "~"): a problem at its line.
            .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));

    private final List<BriefCheck> checks;

    /** A loader with the config package's own checks only. */
    public ConfigLoader() {
        this(List.of());
    }

    /** @param checks more checks of each brief, by the packages that own what they check */
    public ConfigLoader(List<BriefCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public Settings load(Path configDir) {
        Path dir = configDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(new ConfigProblem(dir, 0, "dir-missing", List.of(dir)));
        }
        Path appFile = dir.resolve(APP_FILE);
        AppConfig app = Files.exists(appFile) ? bind(appFile, AppConfig.class).value : AppConfig.defaults();
        Path briefsDir = dir.resolve(app.briefs()).normalize();
        Map<String, BriefConfig> briefs = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        List<Path> briefFiles = briefFiles(briefsDir);
        for (Path f : briefFiles) {
            Bound<BriefConfig> b = bind(f, BriefConfig.class);
            problems.addAll(new BriefConfigChecker(f, b.lines, checks).check(b.value));
            if (b.value.id() != null) {
                briefs.put(b.value.id(), b.value);
                files.put(b.value.id(), f);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Settings(
                dir,
                dir.getParent() == null ? dir : dir.getParent(),
                app,
                briefs,
                files,
                ConfigFiles.of(appFile, briefsDir, briefFiles));
    }

    private static List<Path> briefFiles(Path briefsDir) {
        if (!Files.isDirectory(briefsDir)) {
            throw new ConfigException(new ConfigProblem(briefsDir, 0, "briefs-missing", List.of(briefsDir)));
        }
        try (Stream<Path> s = Files.list(briefsDir)) {
            List<Path> files = s.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .collect(Collectors.toList());
            if (files.isEmpty()) {
                throw new ConfigException(new ConfigProblem(briefsDir, 0, "briefs-missing", List.of(briefsDir)));
            }
            return files;
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(briefsDir, 0, "unreadable", List.of(e.getMessage())));
        }
    }

    private record Bound<T>(T value, YamlLineIndex lines) {}

    private <T> Bound<T> bind(Path file, Class<T> type) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(
                    new ConfigProblem(file, 0, "unreadable", List.of(String.valueOf(e.getMessage()))));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // Saved in another encoding (EUC-KR by an older Windows editor, say): named by its first line.
            throw new ConfigException(
                    new ConfigProblem(file, YamlLineIndex.firstNonUtf8Line(bytes), "not-utf8", List.of()));
        }
        try {
            T value = YAML.readValue(text, type);
            if (value == null) {
                throw new ConfigException(new ConfigProblem(file, 1, "empty", List.of()));
            }
            return new Bound<>(value, new YamlLineIndex(text));
        } catch (JacksonException e) {
            throw new ConfigException(translate(file, e, text));
        } catch (IOException e) {
            throw new ConfigException(
                    new ConfigProblem(file, 0, "unreadable", List.of(String.valueOf(e.getMessage()))));
        }
    }

    /**
     * Turns Jackson's exception into a problem an operator can act on, at the line of the key it is
     * about (Jackson reports a record's unknown key where the record ends).
     */
    static ConfigProblem translate(Path file, JacksonException e, String text) {
        // A tab in an indentation is the likely cause, whatever the parser made of the lines after it.
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String indent = lines[i].substring(
                    0, lines[i].length() - lines[i].stripLeading().length());
            if (indent.indexOf('\t') >= 0) {
                return new ConfigProblem(file, i + 1, "yaml-tab", List.of(indent.indexOf('\t') + 1));
            }
        }
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        String path = e instanceof JsonMappingException m ? path(m) : "";
        // A record that checks a key of its own (mail's security) names it: the problem is at that key.
        String key = e.getCause() instanceof BadSetting b && b.key() != null ? b.key() : null;
        if (key != null) {
            path = (path.isEmpty() ? "" : path + ".") + key.replace('/', '.');
        }
        if (e instanceof JsonMappingException m && (!m.getPath().isEmpty() || key != null)) {
            try {
                int at = new YamlLineIndex(text)
                        .lineOf(m.getPath().stream()
                                        .map(r -> "/"
                                                + (r.getFieldName() != null
                                                        ? r.getFieldName()
                                                                .replace("~", "~0")
                                                                .replace("/", "~1")
                                                        : String.valueOf(r.getIndex())))
                                        .collect(Collectors.joining())
                                + (key == null ? "" : "/" + key));
                line = at > 0 ? at : line;
            } catch (IOException notYaml) {
                // the text parsed a moment ago; keep Jackson's line
            }
        }
        // Data binding wraps the parser's exception; the parser knows where it was.
        Throwable parsing = e instanceof JsonMappingException && e.getCause() != null ? e.getCause() : e;
        if (parsing instanceof StreamReadException r
                && r.getProcessor() != null
                && String.valueOf(r.getOriginalMessage()).startsWith("Duplicate field")) {
            String twice = r.getProcessor().getParsingContext().pathAsPointer().toString();
            int at = r.getLocation() == null ? line : r.getLocation().getLineNr();
            return new ConfigProblem(
                    file, at, "duplicate-key", List.of(twice.substring(1).replace('/', '.')));
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null
                    ? ""
                    : u.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", "));
            int cut = path.lastIndexOf('.');
            return cut < 0
                    ? new ConfigProblem(file, line, "unknown-top-key", List.of(u.getPropertyName(), "", known))
                    : new ConfigProblem(
                            file, line, "unknown-key", List.of(u.getPropertyName(), path.substring(0, cut), known));
        }
        if (e instanceof InvalidTypeIdException t) {
            return new ConfigProblem(
                    file,
                    line,
                    "unknown-block",
                    List.of(
                            String.valueOf(t.getTypeId()),
                            path,
                            "title, section, narrative, chart, table, list, key-figures, page-break, corrections"));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType().isEnum()) {
            String known = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> YAML.convertValue(c, String.class)) // the word config uses (its @JsonValue)
                    .collect(Collectors.joining(", "));
            return new ConfigProblem(file, line, "not-one-of", List.of(String.valueOf(f.getValue()), path, known));
        }
        String kind = e instanceof InvalidFormatException f ? kindOf(f.getTargetType()) : null;
        if (e instanceof InvalidFormatException f && kind != null) {
            return new ConfigProblem(file, line, kind, List.of(String.valueOf(f.getValue()), path));
        }
        if (e instanceof InvalidFormatException f) {
            return new ConfigProblem(
                    file,
                    line,
                    "bad-value",
                    List.of(
                            String.valueOf(f.getValue()),
                            path,
                            f.getTargetType().getSimpleName()));
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof BadSetting b) {
            return new ConfigProblem(file, line, b.problem(), b.args(path));
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return new ConfigProblem(
                    file, line, "invalid", List.of(path, v.getCause().getMessage()));
        }
        if (e instanceof InvalidNullException) {
            return new ConfigProblem(file, line, "empty-entry", List.of(path));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> t = m.getTargetType();
            String shape = java.util.Collection.class.isAssignableFrom(t) || t.isArray()
                    ? "list"
                    : Map.class.isAssignableFrom(t) || t.isRecord() ? "map" : "value";
            return new ConfigProblem(file, line, "bad-shape-" + shape, List.of(path));
        }
        if (e instanceof JsonMappingException && !(parsing instanceof StreamReadException)) {
            return new ConfigProblem(file, line, "unreadable-value", List.of(path));
        }
        // The YAML parser's own words stay in the --debug trace; the reader gets where, and what to check:
        // where the parser found the problem, not where the construct it was reading began.
        int column = loc == null ? 0 : loc.getColumnNr();
        // (a line indented wrongly inside a block is the parser's, found while binding that block)
        String said = String.valueOf(
                parsing instanceof StreamReadException r ? r.getOriginalMessage() : e.getOriginalMessage());
        // SnakeYAML names the problem's place last ("line 16, column 1"), one-based.
        Matcher at = PROBLEM_MARK.matcher(said);
        while (at.find()) {
            line = Integer.parseInt(at.group(1));
            column = Integer.parseInt(at.group(2));
        }
        boolean tab = said.contains("'\\t");
        return new ConfigProblem(file, line, tab ? "yaml-tab" : "yaml-syntax", List.of(column));
    }

    /** The problem of a value that is not a whole number, a number or true/false; null for other types. */
    private static String kindOf(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "bad-integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "bad-number";
        }
        return type == Boolean.class || type == boolean.class ? "bad-boolean" : null;
    }

    private static final Pattern PROBLEM_MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
