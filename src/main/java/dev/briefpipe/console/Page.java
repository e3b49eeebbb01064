package dev.briefpipe.console;

import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Role;

/**
 * What every page knows: who is looking (null on the login page), the form token their posts carry,
 * the words in their language, and a one-line notice after an action ({@code trouble} when it says the
 * action did not happen), and {@code here}: the page's query to keep when its language is switched
 * ({@code period=2025-03&}, say, so the same period is shown in the other language). {@code title} is
 * the page's own name (null: none), which its browser tab shows before the console's; {@code root} the
 * path the console is served under ("" at a host's root), which every link and form starts with.
 */
public record Page(
        String title,
        String user,
        Role role,
        String csrf,
        Messages words,
        String notice,
        boolean trouble,
        String here,
        String root) {

    /** A word of the console in the reader's language ({@code console.<key>}). */
    public String t(String key, Object... args) {
        return words.get("console." + key, args);
    }

    /** A stored id in the reader's words ({@link Messages#word}). */
    public String word(String kind, String id) {
        return words.word(kind, id);
    }

    public boolean may(Role r) {
        return role != null && role.may(r);
    }

    public String lang() {
        return words.lang() == Messages.Lang.EN ? "en" : "ko";
    }

    /** The browser tab's title: the page's own name first, so tabs and history tell pages apart. */
    public String tabTitle() {
        return title == null ? "briefpipe" : title.contains("briefpipe") ? title : title + " · briefpipe";
    }

    public Page titled(String name) {
        return new Page(name, user, role, csrf, words, notice, trouble, here, root);
    }

    public Page withNotice(String text, boolean trouble) {
        return new Page(title, user, role, csrf, words, text, trouble, here, root);
    }
}
