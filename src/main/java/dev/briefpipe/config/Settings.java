package dev.briefpipe.config;

import dev.briefpipe.failure.ConfigException;
import dev.briefpipe.failure.ConfigProblem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded, checked configuration: the app settings and every brief, with the folders that relative
 * paths are resolved against. Immutable.
 *
 * @param configDir the config folder (holds briefpipe.yaml and the briefs folder)
 * @param projectDir the folder that workbook and output paths are relative to (the config folder's parent)
 * @param files the files read, to tell when they have changed since
 */
public record Settings(
        Path configDir,
        Path projectDir,
        AppConfig app,
        Map<String, BriefConfig> briefs,
        Map<String, Path> briefFiles,
        ConfigFiles files) {

    public Settings {
        briefs = new LinkedHashMap<>(briefs);
        briefFiles = new LinkedHashMap<>(briefFiles);
    }

    public Optional<BriefConfig> findBrief(String id) {
        return Optional.ofNullable(briefs.get(id));
    }

    public List<String> briefIds() {
        return List.copyOf(briefs.keySet());
    }

    public Path workbookOf(BriefConfig brief) {
        return projectDir.resolve(brief.workbook()).normalize();
    }

    public Path outputDir() {
        return projectDir.resolve(app.output()).normalize();
    }

    public Path resolve(String path) {
        return projectDir.resolve(path).normalize();
    }

    /** A mistake in a brief's config that shows only when it is used, told with the brief's file. */
    public ConfigException mistake(BriefConfig brief, String key, Object... args) {
        Path file = briefFiles.getOrDefault(brief.id(), configDir);
        return new ConfigException(new ConfigProblem(file, 0, key, List.of(args)));
    }
}
