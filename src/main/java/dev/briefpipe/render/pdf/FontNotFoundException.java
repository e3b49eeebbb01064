package dev.briefpipe.render.pdf;

import java.nio.file.Path;
import java.util.List;

/** No usable Korean font: either none of the searched names is installed or a named file is unusable. */
public class FontNotFoundException extends RuntimeException {
  private final List<String> searched;
  private final Path file;

  public FontNotFoundException(List<String> searched, Path file, String detail) {
    super(file == null ? "no Korean font among " + searched : file + ": " + detail);
    this.searched = List.copyOf(searched);
    this.file = file;
  }

  public List<String> searched() {
    return searched;
  }

  /** The configured file that could not be used, or null when the search found nothing. */
  public Path file() {
    return file;
  }
}
