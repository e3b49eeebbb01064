package dev.briefpipe.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A scripted SMTP server for replies a real one will not give on demand: RCPT TO can be answered
 * with any code per recipient (e.g. 550 for one, 451 once for another). Records the envelope
 * recipients of every message it accepted. Plain SMTP, no TLS; for tests only.
 */
public final class SmtpStub implements AutoCloseable {
    private final ServerSocket server;
    private final Function<String, String> rcptReply;
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> rcptSeen = new ConcurrentHashMap<>();
    private final Thread thread;
    private final long acceptDelayMillis;
    private final List<String> inFlight = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger transactions =
            new java.util.concurrent.atomic.AtomicInteger();

    /** @param rcptReply the reply to RCPT TO for (recipient, nth attempt) as "550 ..."; null = "250 OK" */
    public SmtpStub(RcptScript rcptReply) throws IOException {
        this(rcptReply, 0);
    }

    /**
     * @param acceptDelayMillis how long the server waits, once it has a message, before it says so
     *     ("250"): the window in which a client that dies cannot know the message went
     */
    public SmtpStub(RcptScript rcptReply, long acceptDelayMillis) throws IOException {
        this.acceptDelayMillis = acceptDelayMillis;
        this.server = new ServerSocket(0);
        this.rcptReply = r -> rcptReply.reply(r, rcptSeen.merge(r, 1, Integer::sum));
        this.thread = new Thread(this::serve, "smtp-stub");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The reply for a recipient's nth RCPT TO (n from 1). */
    public interface RcptScript {
        String reply(String recipient, int attempt);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many messages' DATA has begun, accepted or not. */
    public int transactions() {
        return transactions.get();
    }

    /** The recipients of the message whose transaction is open now (between DATA and the reply). */
    public List<String> inFlight() {
        return List.copyOf(inFlight);
    }

    /** Envelope recipients of accepted messages, one entry per accepted delivery. */
    public List<String> delivered() {
        return List.copyOf(delivered);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s);
            } catch (IOException e) {
                // next connection
            }
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
        reply(out, "220 stub ESMTP");
        List<String> rcpts = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("EHLO")) {
                reply(out, "250-stub\r\n250 8BITMIME");
            } else if (upper.startsWith("HELO")
                    || upper.startsWith("MAIL FROM")
                    || upper.startsWith("RSET")
                    || upper.startsWith("NOOP")) {
                if (upper.startsWith("RSET") || upper.startsWith("MAIL FROM")) {
                    rcpts.clear();
                }
                reply(out, "250 OK");
            } else if (upper.startsWith("RCPT TO")) {
                String r = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                String answer = rcptReply.apply(r);
                if (answer == null) {
                    rcpts.add(r);
                    reply(out, "250 OK");
                } else {
                    reply(out, answer);
                }
            } else if (upper.startsWith("DATA")) {
                inFlight.addAll(rcpts);
                transactions.incrementAndGet();
                reply(out, "354 go ahead");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message body is not kept
                }
                if (line == null) {
                    inFlight.clear();
                    return; // the client went away mid-message: nothing was accepted
                }
                delivered.addAll(rcpts);
                rcpts.clear();
                sleep(acceptDelayMillis);
                inFlight.clear();
                reply(out, "250 queued");
            } else if (upper.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "502 not implemented");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
