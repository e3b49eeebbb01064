package dev.briefpipe.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.console.ConsoleServer;
import dev.briefpipe.model.Role;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.schedule.BriefScheduler;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The sample project served by a real console on a free port, with a real SMTP server (GreenMail) and
 * one user per role, each with the password {@link #PASSWORD}.
 */
public final class ConsoleHarness implements AutoCloseable {
    public static final String PASSWORD = "password-1234";
    private static final String HASH = new BCryptPasswordEncoder(12).encode(PASSWORD);
    public final SampleProject project;
    public final GreenMail mail;
    public final BriefService service;
    public final Settings settings;
    public final BriefScheduler scheduler;
    private final ConsoleServer server;
    public final int port;

    /** @param approval the brief's {@code delivery.approval} */
    public ConsoleHarness(Path dir, String approval) throws Exception {
        this(dir, approval, p -> {});
    }

    /** @param edit changes to the sample's config before the console loads it */
    public ConsoleHarness(Path dir, String approval, Edit edit) throws Exception {
        int smtp = freePort();
        mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        project = ScheduledProject.create(dir, smtp, "0 0 9 1W * ?");
        project.editConfig("oversize: fail", "oversize: fail\n  approval: " + approval);
        // Where its users reach it, as an operator behind a proxy sets it (the slash is dropped).
        Files.writeString(
                project.config().resolve("briefpipe.yaml"),
                "\nconsoleUrl: https://briefs.example.test/\n",
                java.nio.file.StandardOpenOption.APPEND);
        edit.apply(project);
        settings = new ConfigLoader().load(project.config());
        service = BriefService.open(settings, ProgressListener.NONE);
        // One user per role, stored as Users.add stores them, with the password hashed once per JVM
        // (bcrypt at cost 12 takes a quarter of a second each time); logging in still checks it.
        try (Connection c = service.database().connection();
                PreparedStatement st =
                        c.prepareStatement("INSERT INTO bp_users (name, role, hash, created) VALUES (?,?,?,?)")) {
            for (Role r : Role.values()) {
                st.setString(1, r.id());
                st.setString(2, r.id());
                st.setString(3, HASH);
                st.setTimestamp(4, Timestamp.from(Instant.now()));
                st.executeUpdate();
            }
        }
        scheduler = new BriefScheduler(settings, service);
        scheduler.sync();
        server = new ConsoleServer(settings, service, scheduler);
        port = server.start("127.0.0.1", 0);
    }

    /** A change to the sample project's files. */
    public interface Edit {
        void apply(SampleProject p) throws IOException;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
        scheduler.shutdown(false);
        service.close();
        mail.stop();
    }
}
