package dev.briefpipe.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps JSON-pointer paths ("/sheets/patents/columns/families/type") of a YAML document to the
 * one-based line where they appear, so checks made after binding can still name the line; and finds
 * the first line of a file that is not UTF-8.
 */
final class YamlLineIndex {
    private final Map<String, Integer> lines = new HashMap<>();

    YamlLineIndex(String yaml) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t.isScalarValue() || t.isStructStart()) {
                    String pointer = p.getParsingContext().pathAsPointer().toString();
                    lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
                }
            }
        }
    }

    /** The line of {@code pointer}, or of its nearest ancestor that has one; 0 when none. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = p.lastIndexOf('/');
            if (cut <= 0) {
                return lines.getOrDefault("", 0);
            }
            p = p.substring(0, cut);
        }
    }

    /** The line, from 1, holding the first bytes that are not UTF-8. */
    static int firstNonUtf8Line(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }
}
