package dev.briefpipe.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP client that behaves as a browser does with the console's pages: it keeps cookies, does not
 * follow redirects (so tests see them), and reads the form token out of the page it was given.
 */
public final class Browserless {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private final HttpClient http;
    private final String base;
    private String csrf = "";
    private String[] headers = {};

    public Browserless(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends these headers (name, value, …) with every next request, as a proxy in front would. */
    public Browserless with(String... headers) {
        this.headers = headers;
        return this;
    }

    /** Logs in through the form, as a person would; returns the status of the login post. */
    public int login(String user, String password) throws Exception {
        get("/login");
        return postForm("/login", Map.of("user", user, "password", password)).statusCode();
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** A download, as bytes. */
    public HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form with the page's token (unless the fields already say otherwise). */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", csrf);
        all.putAll(fields);
        StringJoiner body = new StringJoiner("&");
        all.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        return http.send(
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart post of one file (field {@code workbook}) and the form's token. */
    public HttpResponse<String> upload(String path, Path file, Map<String, String> fields, String basicAuth)
            throws Exception {
        String boundary = "bp" + UUID.randomUUID();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        if (basicAuth == null) {
            all.put("_csrf", csrf);
        }
        all.putAll(fields);
        for (Map.Entry<String, String> e : all.entrySet()) {
            write(
                    b,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                            + e.getValue() + "\r\n");
        }
        write(
                b,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"workbook\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        b.write(Files.readAllBytes(file));
        write(b, "\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray()));
        if (basicAuth != null) {
            req.header("Authorization", basicAuth);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the JSON API with HTTP Basic. */
    public HttpResponse<String> api(String method, String path, String user, String password) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", basic(user, password))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ByteArrayOutputStream b, String s) throws IOException {
        b.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
