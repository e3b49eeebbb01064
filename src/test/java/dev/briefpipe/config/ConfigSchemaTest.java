package dev.briefpipe.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas shipped in {@code config/schema/} (which the YAML files name, so editors complete and
 * check keys) are the config records' own: made from them here, and compared; the shipped files must be
 * valid by them. After changing a config record, write them again with {@link #main} (from the project
 * folder, on the test classpath).
 */
class ConfigSchemaTest {
    static final Map<String, Class<?>> SCHEMAS =
            Map.of("briefpipe.schema.json", AppConfig.class, "brief.schema.json", BriefConfig.class);
    static final Path DIR = Path.of("config", "schema");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theShippedSchemasAreTheConfigRecords() throws IOException {
        for (Map.Entry<String, Class<?>> e : SCHEMAS.entrySet()) {
            Path file = DIR.resolve(e.getKey());
            assertThat(file)
                    .as("%s (write it: see ConfigSchemaTest.main)", file)
                    .exists();
            assertThat(JSON.readTree(file.toFile()))
                    .as("%s is out of step with %s: write it again (ConfigSchemaTest.main)", file, e.getValue())
                    .isEqualTo(schema(e.getValue()));
        }
    }

    @Test
    void theShippedFilesNameTheirSchema() throws IOException {
        assertThat(Files.readString(Path.of("config", "briefpipe.yaml")))
                .contains("# yaml-language-server: $schema=schema/briefpipe.schema.json");
        try (var briefs = Files.list(Path.of("config", "briefs"))) {
            briefs.forEach(f -> {
                try {
                    assertThat(Files.readString(f))
                            .as(f.toString())
                            .contains("# yaml-language-server: $schema=../schema/brief.schema.json");
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
        }
    }

    @Test
    void theShippedFilesAreValidByTheirSchemas() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        var registry = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.dialect.Dialects.getDraft202012());
        var app = registry.getSchema(schema(AppConfig.class));
        assertThat(app.validate(
                        yaml.readTree(Path.of("config", "briefpipe.yaml").toFile())))
                .isEmpty();
        var brief = registry.getSchema(schema(BriefConfig.class));
        try (var briefs = Files.list(Path.of("config", "briefs"))) {
            for (Path f : briefs.toList()) {
                assertThat(brief.validate(yaml.readTree(f.toFile())))
                        .as(f.toString())
                        .isEmpty();
            }
        }
    }

    static JsonNode schema(Class<?> type) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(
                        JacksonOption.RESPECT_JSONPROPERTY_REQUIRED, JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .with(Option.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT);
        // The words a string setting takes, so an editor flags `security: tls` as it is typed.
        config.forFields()
                .withEnumResolver(f -> f.getDeclaringType().getErasedType() == AppConfig.class
                                && f.getName().equals("lang")
                        ? AppConfig.LANGS
                        : f.getDeclaringType().getErasedType() == AppConfig.Mail.class
                                        && f.getName().equals("security")
                                ? AppConfig.SECURITIES
                                : null);
        JsonNode schema = new SchemaGenerator(config.build()).generateSchema(type);
        return schema;
    }

    /** Writes the schemas from the records: run from the project folder with the test classpath. */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        for (Map.Entry<String, Class<?>> e : SCHEMAS.entrySet()) {
            Files.writeString(DIR.resolve(e.getKey()), JSON.writeValueAsString(schema(e.getValue())) + "\n");
        }
    }
}
