package dev.briefpipe.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The config files as this process read them. A daemon ({@code schedule}, {@code serve}) reads its
 * config once, at start: {@link #changed} names the files edited, added or removed on disk since, so
 * that it can say a restart is needed to apply them.
 *
 * @param briefsDir the folder of the briefs' files
 * @param read each file read, with its bytes
 */
public record ConfigFiles(Path briefsDir, Map<Path, byte[]> read) {

    static ConfigFiles of(Path appFile, Path briefsDir, List<Path> briefFiles) {
        Map<Path, byte[]> read = new TreeMap<>();
        for (Path f : Stream.concat(Stream.of(appFile), briefFiles.stream()).toList()) {
            read.put(f, bytes(f));
        }
        return new ConfigFiles(briefsDir, read);
    }

    /** The files whose bytes differ from those read, those gone, and brief files added since. */
    public List<Path> changed() {
        List<Path> changed = new ArrayList<>();
        read.forEach((f, bytes) -> {
            if (!Arrays.equals(bytes, bytes(f))) {
                changed.add(f);
            }
        });
        try (Stream<Path> now = Files.list(briefsDir)) {
            now.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !read.containsKey(f))
                    .sorted()
                    .forEach(changed::add);
        } catch (IOException e) {
            changed.add(briefsDir);
        }
        return changed;
    }

    /** A file's bytes, or none for a file that is not there (or cannot be read). */
    private static byte[] bytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
