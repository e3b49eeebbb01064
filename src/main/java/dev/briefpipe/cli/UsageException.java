package dev.briefpipe.cli;

import java.util.List;

/** A command used wrongly; the message is a bundle key with arguments. Exit code 2. */
final class UsageException extends RuntimeException {
  private final String key;
  private final List<Object> args;

  UsageException(String key, Object... args) {
    super(key);
    this.key = key;
    this.args = List.of(args);
  }

  String key() {
    return key;
  }

  Object[] args() {
    return args.toArray();
  }
}
