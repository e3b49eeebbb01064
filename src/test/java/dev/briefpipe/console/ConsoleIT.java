package dev.briefpipe.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.schedule.BriefJob;
import dev.briefpipe.store.Approvals;
import dev.briefpipe.store.Users;
import dev.briefpipe.testing.Browserless;
import dev.briefpipe.testing.ConsoleHarness;
import dev.briefpipe.testing.MailParts;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.ScheduledProject;
import dev.briefpipe.testing.SmtpStub;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/** The console over real HTTP: logins, roles, form tokens, uploads, approval, the JSON API. */
class ConsoleIT {
    private static final String BRIEF = "/briefs/ai-hegemony";
    private static final String PW = ConsoleHarness.PASSWORD;

    @TempDir
    Path dir;

    private ConsoleHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void healthIsOpenAndEverythingElseNeedsALogin() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Browserless anyone = new Browserless(h.url(""));
        assertThat(anyone.get("/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> home = anyone.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue("/login");
        assertThat(anyone.get("/api/briefs").statusCode()).isEqualTo(401);
        assertThat(anyone.api("GET", "/api/briefs", "operator", "wrong-password")
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> api = anyone.api("GET", "/api/briefs", "operator", PW);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"id\":\"ai-hegemony\"", "\"valid\":true");

        // A page asked for is where the login leads back; another site never is.
        HttpResponse<String> page = anyone.get(BRIEF + "?period=2025-03");
        assertThat(page.headers().firstValue("Location"))
                .hasValue("/login?next=%2Fbriefs%2Fai-hegemony%3Fperiod%3D2025-03");
        assertThat(anyone.get("/login?next=%2Fbriefs%2Fai-hegemony%3Fperiod%3D2025-03")
                        .body())
                .contains("name=\"next\" value=\"/briefs/ai-hegemony?period=2025-03\"");
        for (String elsewhere :
                List.of("https://evil.example/", "//evil.example/", "/\\evil.example/", "/login", "/logout")) {
            Browserless someone = new Browserless(h.url(""));
            someone.get("/login");
            HttpResponse<String> in =
                    someone.postForm("/login", Map.of("user", "operator", "password", PW, "next", elsewhere));
            assertThat(in.headers().firstValue("Location")).as(elsewhere).hasValue("/");
        }
        // Logging out once the session has ended is no action left undone, and no page to go back to.
        assertThat(new Browserless(h.url(""))
                        .postForm("/logout", Map.of())
                        .headers()
                        .firstValue("Location"))
                .hasValue("/login");
        Browserless back = new Browserless(h.url(""));
        back.get("/login");
        HttpResponse<String> in =
                back.postForm("/login", Map.of("user", "operator", "password", PW, "next", BRIEF + "?period=2025-03"));
        assertThat(in.headers().firstValue("Location")).hasValue(BRIEF + "?period=2025-03");
    }

    @Test
    void aConsoleBehindAProxyUnderAPathLinksPostsAndRedirectsUnderIt() throws Exception {
        // consoleUrl names the path users open it at; the proxy passes requests on with that path.
        h = new ConsoleHarness(dir.resolve("p"), "none", p -> {
            Path yaml = p.config().resolve("briefpipe.yaml");
            Files.writeString(
                    yaml,
                    Files.readString(yaml)
                            .replace("https://briefs.example.test/", "https://intranet.example.test/briefpipe/"));
        });
        Browserless anyone = new Browserless(h.url(""));
        assertThat(anyone.get("/briefpipe/healthz").statusCode()).isEqualTo(200);
        assertThat(anyone.get("/healthz").statusCode()).isEqualTo(404);
        assertThat(anyone.get("/briefpipe/").headers().firstValue("Location")).hasValue("/briefpipe/login");
        assertThat(anyone.get("/briefpipe" + BRIEF + "?period=2025-03")
                        .headers()
                        .firstValue("Location"))
                .hasValue("/briefpipe/login?next=%2Fbriefs%2Fai-hegemony%3Fperiod%3D2025-03");

        Browserless admin = new Browserless(h.url("/briefpipe"));
        admin.get("/login");
        HttpResponse<String> in =
                admin.postForm("/login", Map.of("user", "admin", "password", PW, "next", BRIEF + "?period=2025-03"));
        assertThat(in.headers().firstValue("Location")).hasValue("/briefpipe" + BRIEF + "?period=2025-03");
        assertThat(in.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("bp_session=").contains("Path=/briefpipe;"));
        // The reader's language too is this console's, not every site's of the host.
        assertThat(admin.get("/?lang=en").headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("bp_lang=en").contains("Path=/briefpipe;"));
        admin.get(BRIEF);
        assertThat(admin.postForm(BRIEF + "/build", Map.of("period", "2025-03"))
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/briefpipe" + BRIEF + "?notice=built"));

        // Every link, picture and form of every page leads under the path, and every link is there.
        java.util.regex.Pattern address = java.util.regex.Pattern.compile("(href|src|action)=\"([^\"?#][^\"]*)\"");
        for (String page : List.of("/", BRIEF + "?period=2025-03", "/runs", "/users", "/account")) {
            String html = admin.get(page).body();
            java.util.regex.Matcher m = address.matcher(html);
            int links = 0;
            while (m.find()) {
                String to = m.group(2).replace("&amp;", "&");
                assertThat(to).as(page + ": " + m.group()).startsWith("/briefpipe/");
                if (!m.group(1).equals("action")) {
                    links++;
                    assertThat(admin.download(to.substring("/briefpipe".length()))
                                    .statusCode())
                            .as(page + ": " + to)
                            .isEqualTo(200);
                }
            }
            assertThat(links).as(page).isGreaterThan(4);
        }
        assertThat(admin.postForm("/users", Map.of("name", "lee", "role", "analyst", "password", PW, "again", PW))
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/briefpipe/users?notice="));
        assertThat(admin.api("GET", "/api/briefs/none", "admin", PW).body()).contains("\"error\"");
        assertThat(admin.postForm("/logout", Map.of()).headers().firstValue("Location"))
                .hasValue("/briefpipe/login");
    }

    @Test
    void anOperatorIsToldThatAConfigEditedSinceTheStartWaitsForARestart() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Browserless operator = new Browserless(h.url(""));
        operator.login("operator", PW);
        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        assertThat(operator.get("/").body()).doesNotContain("설정 파일이");

        // A reader added to the brief while the console runs: its letters still go to the old list.
        Path yaml = h.project.config().resolve("briefs/ai-hegemony.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("  to: [", "  to: [minister@example.test, "));
        Files.copy(yaml, yaml.resolveSibling("copy.yaml"));
        assertThat(operator.get("/").body())
                .contains("설정 파일이 콘솔이 시작한 뒤 바뀌었습니다(briefs/ai-hegemony.yaml, briefs/copy.yaml). "
                        + "바뀐 설정은 briefpipe를 다시 시작해야 적용됩니다.");
        assertThat(operator.get("/?lang=en").body())
                .contains("The config changed after the console started (briefs/ai-hegemony.yaml, briefs/copy.yaml).");
        assertThat(analyst.get("/").body()).doesNotContain("설정 파일이");
    }

    @Test
    void fiveWrongPasswordsLockTheUserAndTheSessionCookieIsGuarded() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Browserless b = new Browserless(h.url(""));
        for (int i = 1; i < 5; i++) {
            assertThat(b.login("analyst", "not-the-password")).isEqualTo(401);
        }
        assertThat(b.login("analyst", "not-the-password")).isEqualTo(429);
        assertThat(b.login("analyst", PW))
                .as("locked even with the right password")
                .isEqualTo(429);
        assertThat(h.service.audit().list(20)).extracting(e -> e.action()).contains("login-wrong", "login-locked");
        assertThat(h.service.audit().list(20)).extracting(e -> e.target()).containsOnly("127.0.0.1");
        // Behind a proxy on this machine, the address the proxy added to X-Forwarded-For.
        Browserless proxied = new Browserless(h.url("")).with("X-Forwarded-For", "10.9.8.7, 192.0.2.44");
        assertThat(proxied.login("analyst", "not-the-password")).isEqualTo(429);
        assertThat(h.service.audit().list(1).get(0).target()).isEqualTo("192.0.2.44");

        Browserless ok = new Browserless(h.url(""));
        ok.get("/login");
        HttpResponse<String> login = ok.postForm("/login", Map.of("user", "operator", "password", PW));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("bp_session=").contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void aBriefWithoutAScheduleOffersNoPauseButABuild() throws Exception {
        // A brief built and sent by hand: its config has no schedule section.
        h = new ConsoleHarness(dir.resolve("p"), "none", p -> {
            Path yaml = p.config().resolve("briefs/ai-hegemony.yaml");
            String config = Files.readString(yaml);
            Files.writeString(
                    yaml,
                    config.substring(0, config.indexOf("\nschedule:"))
                            + config.substring(config.indexOf("\ndelivery:")));
        });
        Browserless operator = new Browserless(h.url(""));
        assertThat(operator.login("operator", PW)).isEqualTo(302);
        String page = operator.get(BRIEF).body();
        assertThat(page).contains("지금 빌드").doesNotContain("예약 일시 중지", "/pause\"");
    }

    @Test
    void aPostWithoutItsFormTokenIsRefusedAndEachRoleDoesOnlyItsPart() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Browserless operator = new Browserless(h.url(""));
        assertThat(operator.login("operator", PW)).isEqualTo(302);
        operator.get(BRIEF);
        assertThat(operator.postForm(BRIEF + "/pause", Map.of("_csrf", "")).statusCode())
                .isEqualTo(403);
        assertThat(operator.get(BRIEF).body()).contains("예약 일시 중지");
        assertThat(operator.postForm(BRIEF + "/pause", Map.of()).statusCode()).isEqualTo(302);
        assertThat(operator.get(BRIEF).body()).contains("예약 다시 시작");

        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        analyst.get(BRIEF);
        assertThat(analyst.postForm(BRIEF + "/approve", Map.of("sha256", "x")).statusCode())
                .isEqualTo(403);
        assertThat(analyst.postForm(BRIEF + "/build", Map.of()).statusCode()).isEqualTo(403);
        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        approver.get(BRIEF);
        assertThat(approver.upload(BRIEF + "/workbook", h.project.workbook(), Map.of(), null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdminManagesUsersInTheConsoleWhileItRuns() throws Exception {
        // On the embedded database `users add` waits for the console to stop: adding an analyst meant
        // stopping everyone's work.
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Browserless admin = new Browserless(h.url(""));
        admin.login("admin", PW);
        assertThat(admin.get("/").body()).contains("href=\"/users\"");
        admin.get("/users");
        assertThat(admin.postForm("/users", Map.of("name", "kim", "role", "analyst", "password", "short"))
                        .headers()
                        .firstValue("Location"))
                .hasValue("/users?notice=user-short");
        admin.postForm("/users", Map.of("name", "kim", "role", "analyst", "password", "kims-password-1"));
        assertThat(admin.get("/users").body()).contains("kim", "분석 담당");
        assertThat(admin.postForm("/users", Map.of("name", "KIM", "role", "admin", "password", "kims-password-2"))
                        .headers()
                        .firstValue("Location"))
                .hasValue("/users?notice=user-exists");

        Browserless kim = new Browserless(h.url(""));
        assertThat(kim.login("kim", "kims-password-1")).isEqualTo(302);
        assertThat(kim.get(BRIEF).body()).doesNotContain("href=\"/users\"");
        assertThat(kim.get("/users").statusCode()).isEqualTo(403);
        // A new password ends kim's session; the old one no longer opens one.
        admin.postForm("/users/password", Map.of("name", "kim", "password", "kims-password-2"));
        assertThat(kim.get(BRIEF).statusCode()).isEqualTo(302);
        assertThat(new Browserless(h.url("")).login("kim", "kims-password-1")).isNotEqualTo(302);
        assertThat(kim.login("kim", "kims-password-2")).isEqualTo(302);
        // Removed, kim is signed out and cannot sign in; an admin cannot remove themself.
        admin.postForm("/users/remove", Map.of("name", "kim"));
        assertThat(kim.get(BRIEF).statusCode()).isEqualTo(302);
        assertThat(admin.postForm("/users/remove", Map.of("name", "admin"))
                        .headers()
                        .firstValue("Location"))
                .hasValue("/users?notice=user-self");
        assertThat(admin.get("/runs").body()).contains("사용자 추가", "비밀번호 변경", "사용자 삭제");
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOneAndEveryLoginOfTheirsEnds() throws Exception {
        // The password an admin passes on is known to two people; the user could not change it.
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Browserless admin = new Browserless(h.url(""));
        admin.login("admin", PW);
        admin.get("/users");
        admin.postForm("/users", Map.of("name", "kim", "role", "approver", "password", "kims-password-1"));
        Browserless kim = new Browserless(h.url(""));
        Browserless kimElsewhere = new Browserless(h.url(""));
        assertThat(kim.login("kim", "kims-password-1")).isEqualTo(302);
        assertThat(kimElsewhere.login("kim", "kims-password-1")).isEqualTo(302);
        assertThat(kim.get(BRIEF).body()).contains("href=\"/account\"");
        assertThat(kim.get("/account").body()).contains("내 비밀번호", "지금 비밀번호", "새 비밀번호 다시");

        assertThat(changeOwn(kim, "not-kims-password", "kims-password-2", "kims-password-2"))
                .hasValue("/account?notice=password-wrong");
        assertThat(changeOwn(kim, "kims-password-1", "kims-password-2", "kims-password-3"))
                .hasValue("/account?notice=password-differ");
        assertThat(changeOwn(kim, "kims-password-1", "short", "short")).hasValue("/account?notice=user-short");
        assertThat(kim.get(BRIEF).statusCode()).isEqualTo(200);
        assertThat(new Browserless(h.url("")).login("kim", "kims-password-1")).isEqualTo(302);

        assertThat(changeOwn(kim, "kims-password-1", "kims-password-2", "kims-password-2"))
                .hasValue("/login?notice=password-changed");
        assertThat(kim.get(BRIEF).statusCode()).isEqualTo(302);
        assertThat(kimElsewhere.get(BRIEF).statusCode()).isEqualTo(302);
        assertThat(kim.get("/login?notice=password-changed").body()).contains("새 비밀번호로 로그인하세요");
        assertThat(new Browserless(h.url("")).login("kim", "kims-password-1")).isNotEqualTo(302);
        assertThat(kim.login("kim", "kims-password-2")).isEqualTo(302);
        assertThat(admin.get("/runs").body()).contains("비밀번호 변경");
        // Guessed at on an open session, the current password locks the user out, as at the login page.
        kim.get("/account");
        for (int i = 1; i < Users.MAX_FAILURES; i++) {
            assertThat(changeOwn(kim, "guess-" + i + "-password", "kims-password-3", "kims-password-3"))
                    .hasValue("/account?notice=password-wrong");
        }
        assertThat(changeOwn(kim, "guess-5-password", "kims-password-3", "kims-password-3"))
                .hasValue("/login?notice=password-locked");
        assertThat(kim.get(BRIEF).statusCode()).isEqualTo(302); // the session guessed on ended
        assertThat(kim.get("/login?notice=password-locked").body()).contains("로그아웃되었고 로그인이 잠시 잠겼습니다");
        assertThat(new Browserless(h.url("")).login("kim", "kims-password-2")).isNotEqualTo(302);
    }

    /** Posts the 내 비밀번호 form; where it leads. */
    private static java.util.Optional<String> changeOwn(Browserless user, String current, String password, String again)
            throws Exception {
        return user.postForm("/account", Map.of("current", current, "password", password, "again", again))
                .headers()
                .firstValue("Location");
    }

    @Test
    void anUploadWhileTheWorkingWorkbookIsOpenInExcelSaysSoWithItsFindingsAndReplacesItOnceClosed() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Path working = h.project.workbook();
        String before = FileHashes.sha256(Files.readAllBytes(working));
        Path next = dir.resolve("4월 분석본.xlsx");
        Files.copy(working, next);
        SampleProject.edit(next, "브리프정보", "B2", 176);
        // A colleague has the working workbook open in Excel on the share.
        Path lock = working.resolveSibling("~$" + working.getFileName());
        Files.writeString(lock, "kim");

        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        analyst.get(BRIEF);
        HttpResponse<String> r = analyst.upload(BRIEF + "/workbook", next, Map.of(), null);
        assertThat(r.statusCode()).isEqualTo(409);
        String sha = FileHashes.sha256(Files.readAllBytes(next));
        assertThat(r.body())
                .contains(
                        "새 버전을 검증했지만, 누군가 작업 워크북 ai-hegemony.xlsx을(를) Excel이나 LibreOffice에서 열어 두어"
                                + "(잠금 파일 ~$ai-hegemony.xlsx) 바꾸지 않았습니다. 그 창을 닫은 뒤 다시 올리세요.",
                        "report.html?upload=" + sha)
                .doesNotContain(dir.toString());
        assertThat(FileHashes.sha256(Files.readAllBytes(working))).isEqualTo(before);
        HttpResponse<String> api = new Browserless(h.url(""))
                .upload("/api/briefs/ai-hegemony/workbook", next, Map.of(), Browserless.basic("analyst", PW));
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.body()).contains("\"replaced\":false", "\"valid\":true", "\"error\":\"", "~$ai-hegemony.xlsx");

        Files.delete(lock);
        analyst.get(BRIEF);
        assertThat(analyst.upload(BRIEF + "/workbook", next, Map.of(), null).statusCode())
                .isEqualTo(200);
        assertThat(FileHashes.sha256(Files.readAllBytes(working))).isEqualTo(sha);
    }

    @Test
    void aBuildNowWhileTheWorkbookIsOpenRefreshesItsSummaryInACopyAndSaysSo() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none", p -> p.editConfig("  mode: copy ", "  mode: in-place "));
        Path working = h.project.workbook();
        Files.writeString(working.resolveSibling("~$" + working.getFileName()), "kim");
        Browserless operator = new Browserless(h.url(""));
        operator.login("operator", PW);
        operator.get(BRIEF);
        HttpResponse<String> built = operator.postForm(BRIEF + "/build", Map.of("period", "2025-03"));
        assertThat(built.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("notice=built-held"));
        assertThat(operator.get(built.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("빌드했습니다. 다만 작업 워크북이 Excel이나 LibreOffice에서 열려 있어");
    }

    @Test
    void aWorkbookUploadedOnAPublishedPeriodsPageIsCheckedForThatPeriodAndShownThere() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Browserless operator = new Browserless(h.url(""));
        operator.login("operator", PW);
        operator.get(BRIEF);
        assertThat(operator.postForm(BRIEF + "/build", Map.of("period", "2025-03"))
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("notice=built"));
        // This month's page, seen before March was published, now tells that the workbook is March's.
        assertThat(operator.get(BRIEF).body()).contains("자료와 똑같습니다");
        // The analyst mends a figure of the March brief, to be sent as its correction.
        Path mended = dir.resolve("3월 정정본.xlsx");
        Files.copy(h.project.workbook(), mended);
        SampleProject.edit(mended, "특허_발명자국가", "D3", 6277);
        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        // March's page checks the working workbook for March: it is not "March's data again".
        assertThat(analyst.get(BRIEF + "?period=2025-03").body()).doesNotContain("자료와 똑같습니다");
        HttpResponse<String> r = analyst.upload(BRIEF + "/workbook", mended, Map.of("period", "2025-03"), null);
        // Back on March's page, its issue date March's own: it was this month's page, which told the analyst
        // to change the date and number of the March brief to this month's.
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("<title>글로벌 AI 패권 경쟁 : 중국 동향과 시사점 2025-03 · briefpipe</title>")
                .contains("작업 워크북으로 바꿨습니다", "report.html?period=2025-03")
                .doesNotContain("보다 앞섭니다");
        assertThat(analyst.get(BRIEF + "/report.html?period=2025-03").body()).doesNotContain("보다 앞섭니다");
        // This month's page checks the same workbook for this month: the date is last March's.
        assertThat(analyst.get(BRIEF).body()).contains("2025-03-27이(가) 이 브리프의 기간");
        assertThat(analyst.get(BRIEF + "/report.html").body()).contains("2025-03-27");
    }

    @Test
    void anUploadWithTextInANumberCellShowsTheFindingAtItsCellAndKeepsTheWorkingWorkbook() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Path working = h.project.workbook();
        String before = FileHashes.sha256(Files.readAllBytes(working));
        Path bad = dir.resolve("3월 분석본.xlsx");
        Files.copy(working, bad);
        SampleProject.edit(bad, "특허_발명자국가", "D3", "모름");

        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        analyst.get(BRIEF);
        HttpResponse<String> r = analyst.upload(BRIEF + "/workbook", bad, Map.of(), null);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("'특허_발명자국가'!D3", "모름", "작업 워크북은 바꾸지 않았습니다");
        assertThat(FileHashes.sha256(Files.readAllBytes(working))).isEqualTo(before);
        // Its report and annotated copy are of the uploaded file, not of the working workbook it did not replace.
        String sha = FileHashes.sha256(Files.readAllBytes(bad));
        assertThat(r.body()).contains("report.html?upload=" + sha, "annotated.xlsx?upload=" + sha);
        // Named as the analyst saved it, never by where the server keeps it.
        assertThat(analyst.get(BRIEF + "/report.html?upload=" + sha).body())
                .contains("D3", "모름", "3월 분석본.xlsx")
                .doesNotContain(sha + ".xlsx", ".briefpipe-uploads");
        HttpResponse<byte[]> annotated = analyst.download(BRIEF + "/annotated.xlsx?upload=" + sha);
        assertThat(annotated.statusCode()).isEqualTo(200);
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(annotated.body()))) {
            var d3 = wb.getSheet("특허_발명자국가").getRow(2).getCell(3);
            assertThat(d3.getStringCellValue()).isEqualTo("모름");
            assertThat(d3.getCellComment()).isNotNull();
        }
        assertThat(analyst.get(BRIEF + "/report.html?upload=" + "0".repeat(64)).statusCode())
                .isEqualTo(404);
        assertThat(analyst.get(BRIEF + "/report.html?upload=../ai-hegemony").statusCode())
                .isEqualTo(404);

        // A script: HTTP Basic and no cookie (with a session cookie, a post needs the CSRF header too).
        HttpResponse<String> api = new Browserless(h.url(""))
                .upload("/api/briefs/ai-hegemony/workbook", bad, Map.of(), Browserless.basic("analyst", PW));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(422);
        assertThat(api.body())
                .contains("\"replaced\":false", "특허_발명자국가", "D3", "\"workbook\":\"3월 분석본.xlsx\"")
                .doesNotContain(".upload-", dir.toString());

        // A file cut short on its way: one sentence naming the file the analyst chose, in the page and the API.
        Path cut = dir.resolve("잘린 사본.xlsx");
        byte[] whole = Files.readAllBytes(working);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        HttpResponse<String> page = analyst.upload(BRIEF + "/workbook", cut, Map.of(), null);
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("잘린 사본.xlsx이(가) 잘려 있거나").doesNotContain(".upload-");
        HttpResponse<String> cutApi = new Browserless(h.url(""))
                .upload("/api/briefs/ai-hegemony/workbook", cut, Map.of(), Browserless.basic("analyst", PW));
        assertThat(cutApi.body()).contains("잘린 사본.xlsx이(가) 잘려 있거나").doesNotContain(".upload-", "Zip");

        // A sheet saved as CSV: said so, with how to save it as a workbook, not "the same format only".
        Path csv = dir.resolve("특허.csv");
        Files.writeString(csv, "순위,국가코드\n1,CN\n");
        HttpResponse<String> text = analyst.upload(BRIEF + "/workbook", csv, Map.of(), null);
        assertThat(text.body())
                .contains("특허.csv은(는) 워크북이 아니라 CSV(텍스트) 파일입니다", "Excel 통합 문서(.xlsx)")
                .doesNotContain("같은 형식");

        SampleProject.edit(bad, "특허_발명자국가", "D3", 12345);
        HttpResponse<String> fixed = analyst.upload(BRIEF + "/workbook", bad, Map.of(), null);
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(fixed.body()).contains("작업 워크북으로 바꿨습니다");
        assertThat(FileHashes.sha256(Files.readAllBytes(working)))
                .isEqualTo(FileHashes.sha256(Files.readAllBytes(bad)));
        assertThat(working.resolveSibling(".briefpipe-backups")).isDirectoryContaining("glob:**.xlsx");
        assertThat(dir.resolve("p/workbooks")).isDirectoryNotContaining("glob:**/.upload-*");
        // The same file again (a second click): it is the working workbook already, and no backup of the
        // same bytes pushes an older one out of the few kept.
        List<Path> backups = listed(working.resolveSibling(".briefpipe-backups"));
        HttpResponse<String> again = analyst.upload(BRIEF + "/workbook", bad, Map.of(), null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("작업 워크북으로 바꿨습니다");
        assertThat(listed(working.resolveSibling(".briefpipe-backups"))).isEqualTo(backups);
        assertThat(dir.resolve("p/workbooks")).isDirectoryNotContaining("glob:**/.upload-*");
    }

    @Test
    void aKeyFigureFarOffTheLastPeriodIsToldOnUploadAndFlaggedBesideThePdf() throws Exception {
        // An upload said nothing of a figure 30.9 % off last month's, and the page beside the PDF showed
        // both values but neither the change nor that no note said why.
        h = new ConsoleHarness(dir.resolve("p"), "none");
        var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
        Period now = brief.periodAt(Instant.now());
        h.service.build(brief, h.project.workbook(), now.previous(), h.settings.outputDir(), null);
        Path moved = dir.resolve("moved.xlsx");
        Files.copy(h.project.workbook(), moved);
        SampleProject.edit(moved, "특허_발명자국가", "D2", 50000); // 38,210 before

        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        analyst.get(BRIEF);
        HttpResponse<String> r = analyst.upload(BRIEF + "/workbook", moved, Map.of(), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("'특허_발명자국가'!D2", "38,210에서 50,000(으)로 +30.9%");

        h.service.build(brief, h.project.workbook(), now, h.settings.outputDir(), null);
        String page = analyst.get(BRIEF + "?period=" + now).body();
        String figures = page.substring(
                page.indexOf("id=\"figures\""), page.indexOf("</table>", page.indexOf("id=\"figures\"")));
        assertThat(figures).contains("50,000건", "38,210건", "+30.9%", "전기 값의 ±30% 초과, 사유 비고 없음", "92.6%", "+21.8%p");

        // A note on the row says why: the page shows it, and no longer flags the move.
        SampleProject.edit(moved, "특허_발명자국가", "F2", "WIPO 개정치 반영");
        assertThat(analyst.upload(BRIEF + "/workbook", moved, Map.of(), null).statusCode())
                .isEqualTo(200);
        h.service.build(brief, h.project.workbook(), now, h.settings.outputDir(), null);
        page = analyst.get(BRIEF + "?period=" + now).body();
        figures = page.substring(
                page.indexOf("id=\"figures\""), page.indexOf("</table>", page.indexOf("id=\"figures\"")));
        assertThat(figures).contains("+30.9%", "비고: WIPO 개정치 반영").doesNotContain("사유 비고 없음");
    }

    @Test
    void anApprovalRequestListsTheKeyFiguresAndMarksOneThatMovedWithNoNote() throws Exception {
        // The request said "the PDF is built" and no more: a figure 30.9 % off last month's went to an
        // approver reading on a phone with nothing to say so.
        h = new ConsoleHarness(dir.resolve("p"), "required");
        var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
        h.service.build(brief, h.project.workbook(), Period.parse("2025-02"), h.settings.outputDir(), null);
        h.project.setCell("특허_발명자국가", "D2", 50000); // 38,210 before
        var run = h.service.runScheduled(
                brief, Period.parse("2025-03"), RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(run.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
        assertThat(h.mail.getReceivedMessages()).hasSize(1);
        assertThat(MailParts.of(h.mail.getReceivedMessages()[0]).text())
                .contains(
                        "핵심 수치 (전기와 같은 것은 뺌):",
                        "- 중국 생성형 AI 특허군 수 (2014~2023): 50,000건 (전기 38,210건, +30.9%) — 전기 값의 ±30% 넘게"
                                + " 움직였는데 사유를 적은 비고가 없습니다\n",
                        "- 중국 비중 (세계 대비): 92.6% (전기 70.8%, +21.8%p) — 전기 값의 ±30% 넘게",
                        "- 그림 1 국가 합계: 66,612건 (전기 54,822건, +21.5%)\n")
                .doesNotContain("미국 생성형 AI 특허군 수");
    }

    @Test
    void aBriefWithoutAWorkbookOffersItsEmptyTemplateAndTakesTheFirstVersion() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Path working = h.project.workbook();
        Path first = dir.resolve("filled.xlsx");
        Files.move(working, first);

        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        assertThat(analyst.get(BRIEF).body())
                .contains("아직 작업 워크북이 없습니다", "/template.xlsx")
                // The kind of file the upload takes: the working workbook's (it offered .xls too, then refused it).
                .contains("워크북의 새 버전(.xlsx)", "accept=\".xlsx\"")
                .doesNotContain("발견된 문제가 없습니다", "report.html", "id=\"working\"");
        assertThat(analyst.download(BRIEF + "/workbook").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> template = analyst.download(BRIEF + "/template.xlsx");
        assertThat(template.statusCode()).isEqualTo(200);
        try (var wb =
                org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(template.body()))) {
            assertThat(wb.getSheet("특허_발명자국가").getRow(0).getCell(0).getStringCellValue())
                    .isNotBlank();
            assertThat(wb.getSheet("특허_발명자국가").getLastRowNum()).isZero();
        }

        HttpResponse<String> none =
                new Browserless(h.url("")).api("GET", "/api/briefs/ai-hegemony/validation", "analyst", PW);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("아직 작업 워크북이 없습니다");

        HttpResponse<String> r = analyst.upload(BRIEF + "/workbook", first, Map.of(), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("첫 작업 워크북").doesNotContain("백업에 남아");
        assertThat(working).hasSameBinaryContentAs(first);
        // The working workbook is what the analyst edits for the next version: its very bytes, its own name.
        assertThat(analyst.get(BRIEF).body()).contains("href=\"/briefs/ai-hegemony/workbook\" id=\"working\"");
        HttpResponse<byte[]> current = analyst.download(BRIEF + "/workbook");
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.body()).isEqualTo(Files.readAllBytes(first));
        assertThat(current.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''ai-hegemony.xlsx");
        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        assertThat(approver.download(BRIEF + "/workbook").statusCode()).isEqualTo(403);
        // The narrative as it will print: its sentences, not the rows placing a figure or table by id.
        assertThat(r.body()).contains("</code> 중국은 생성형 AI 특허").doesNotContain("</code> patents-chart");
    }

    @Test
    void aScheduledRunWaitsForAnApproverAndExactlyTheApprovedPdfIsSent() throws Exception {
        awaitingApproval();
        Period period = Period.parse("2025-03");
        var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
        // Nobody reads it yet; the approvers are asked, once for this PDF, however often it is built again.
        assertThat(h.mail.getReceivedMessagesForDomain("to.test")).isEmpty();
        var asked = h.mail.getReceivedMessagesForDomain("approvers.test");
        assertThat(asked).hasSize(1);
        assertThat(asked[0].getSubject()).contains("승인 요청", "(2025년 3월)");
        h.service.runScheduled(brief, period, RunTrigger.RETRY, Instant.parse("2025-03-03T00:30:00Z"));
        assertThat(h.mail.getReceivedMessages()).hasSize(1);

        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        // Whatever month it is now, the console opens on the period that waits for the approver.
        assertThat(approver.get("/").body()).contains("<td class=\"nowrap\">2025-03</td>", "승인 대기");
        assertThat(approver.get(BRIEF).body())
                .contains("id=\"pdf-sha\">")
                // and lists the periods built, each a link, the one shown marked
                .contains("<a href=\"/briefs/ai-hegemony?period=2025-03\" aria-current=\"page\">2025-03</a>");
        HttpResponse<String> page = approver.get(BRIEF + "?period=2025-03");
        String sha = page.body().replaceAll("(?s).*id=\"pdf-sha\">([0-9a-f]{64})<.*", "$1");
        assertThat(sha).hasSize(64);
        assertThat(MailParts.of(asked[0]).text())
                .contains(sha, "승인하거나 반려", "https://briefs.example.test/briefs/ai-hegemony?period=2025-03")
                .doesNotContain("명령")
                // The first period published: every figure, under a heading that promises no comparison.
                .contains("핵심 수치:\n- 중국 생성형 AI 특허군 수 (2014~2023): 38,210건\n")
                .doesNotContain("전기와 같은 것은 뺌");
        // The request carries the very PDF it asks about, to be read wherever the mail is.
        assertThat(FileHashes.sha256(MailParts.of(asked[0]).attachment(0))).isEqualTo(sha);
        // A stale page (another PDF) is refused with a sentence, nothing sent.
        HttpResponse<String> stale =
                approver.postForm(BRIEF + "/approve", Map.of("period", "2025-03", "sha256", "0".repeat(64)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("승인된 PDF").doesNotContain("Exception");
        assertThat(h.mail.getReceivedMessages()).hasSize(1);

        HttpResponse<String> ok = approver.postForm(BRIEF + "/approve", Map.of("period", "2025-03", "sha256", sha));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(h.mail.getReceivedMessages()).hasSize(4);
        var m = h.mail.getReceivedMessagesForDomain("to.test")[0];
        assertThat(FileHashes.sha256(MailParts.of(m).attachment(0))).isEqualTo(sha);
        Approvals.Approval a =
                h.service.approvals().latest("ai-hegemony", period).orElseThrow();
        assertThat(a.state()).isEqualTo(Approvals.State.APPROVED);
        assertThat(a.actor()).isEqualTo("approver");
        assertThat(a.pdfSha256()).isEqualTo(sha);
        assertThat(h.service.audit().list(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("approve");
            assertThat(e.target()).isEqualTo(sha);
        });
        // A run's period leads to that period's page, from the runs page and the brief's own.
        assertThat(approver.get("/runs").body())
                .contains("<a href=\"/briefs/ai-hegemony?period=2025-03\">2025-03</a></td>");
        // Once decided, the console is back on the current month, where nothing waits yet.
        String now = brief.periodAt(Instant.now()).toString();
        assertThat(approver.api("GET", "/api/briefs", "approver", PW).body())
                .contains("\"id\":\"ai-hegemony\",\"title\"")
                .containsPattern("\"id\":\"ai-hegemony\",[^}]*\"period\":\"" + now + "\",[^}]*\"approval\":\"—\"");
        // The next fire finds the period delivered; nobody is mailed twice.
        h.service.runScheduled(brief, period, RunTrigger.RETRY, Instant.parse("2025-03-03T01:00:00Z"));
        assertThat(h.mail.getReceivedMessages()).hasSize(4);
    }

    @Test
    void aDeliveredPeriodBuiltAgainReachesItsReadersOnlyAsACorrection() throws Exception {
        // A period delivered, its workbook mended, the period built again: the console asked for approval
        // of the new PDF, and approving it said "sent to the recipients" while nobody was sent anything.
        awaitingApproval();
        var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
        Period period = Period.parse("2025-03");
        String first = h.service.approving().publishedPdf(brief, period).orElseThrow();
        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        approver.get(BRIEF + "?period=2025-03");
        approver.postForm(BRIEF + "/approve", Map.of("period", "2025-03", "sha256", first));
        int readers = h.mail.getReceivedMessagesForDomain("to.test").length; // to, cc and bcc
        assertThat(readers).isPositive();
        Path next = dir.resolve("ai-hegemony.xlsx");
        Files.copy(h.project.workbook(), next);
        SampleProject.edit(next, "특허_발명자국가", "D3", 12345);
        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        analyst.get(BRIEF);
        assertThat(analyst.upload(BRIEF + "/workbook", next, Map.of(), null).statusCode())
                .isEqualTo(200);
        Browserless operator = new Browserless(h.url(""));
        operator.login("operator", PW);
        operator.get(BRIEF);
        int asked = h.mail.getReceivedMessagesForDomain("approvers.test").length;
        // Built, but the approvers are not asked about a PDF its readers would not be sent.
        assertThat(operator.postForm(BRIEF + "/build", Map.of("period", "2025-03"))
                        .headers()
                        .firstValue("location"))
                .hasValueSatisfying(l -> assertThat(l).contains("notice=built").doesNotContain("asked"));
        assertThat(h.mail.getReceivedMessagesForDomain("approvers.test")).hasSize(asked);
        String rebuilt = h.service.approving().publishedPdf(brief, period).orElseThrow();
        assertThat(rebuilt).isNotEqualTo(first);

        // The page says the readers have an earlier PDF, and offers a correction in place of approval.
        String page = approver.get(BRIEF + "?period=2025-03").body();
        assertThat(page)
                .contains("id=\"superseded\"", "이미 이전 PDF를 받았습니다", "id=\"correct\"")
                .doesNotContain("id=\"approve\"");
        assertThat(approver.api("GET", BRIEF.replace("/briefs", "/api/briefs") + "?period=2025-03", "approver", PW)
                        .body())
                .contains("\"pdfSuperseded\":true");
        // Approved all the same (a page open from before): it says that nothing went.
        assertThat(approver.postForm(BRIEF + "/approve", Map.of("period", "2025-03", "sha256", rebuilt))
                        .headers()
                        .firstValue("location"))
                .hasValueSatisfying(l -> assertThat(l).contains("notice=approved-had"));
        assertThat(h.mail.getReceivedMessagesForDomain("to.test")).hasSize(readers);

        // The correction: its edition names each change and goes to the approvers first.
        assertThat(approver.postForm(BRIEF + "/correct", Map.of("period", "2025-03"))
                        .headers()
                        .firstValue("location"))
                .hasValueSatisfying(l -> assertThat(l).contains("notice=corrected-asked"));
        assertThat(h.mail.getReceivedMessagesForDomain("approvers.test")).hasSize(asked + 1);
        String corrected = h.service.approving().publishedPdf(brief, period).orElseThrow();
        page = approver.get(BRIEF + "?period=2025-03").body();
        assertThat(page)
                .contains("<h2>미리 보기와 승인</h2>", "id=\"approve\">이 PDF 승인하고 보내기<")
                .doesNotContain("id=\"superseded\"");
        approver.postForm(BRIEF + "/approve", Map.of("period", "2025-03", "sha256", corrected));
        var toReaders = h.mail.getReceivedMessagesForDomain("to.test");
        assertThat(toReaders).hasSize(2 * readers);
        assertThat(toReaders[readers].getSubject()).contains("정정");
        assertThat(FileHashes.sha256(MailParts.of(toReaders[readers]).attachment(0)))
                .isEqualTo(corrected);
        assertThat(h.service.audit().list(20))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("correct"));
    }

    @Test
    void anApproverTestSendsAndReadsThePdfAndAScriptApprovesThroughTheApi() throws Exception {
        var run = awaitingApproval();
        Period period = Period.parse("2025-03");
        assertThat(h.mail.getReceivedMessages()).hasSize(1); // the approvers' request

        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        String sha = approver.get(BRIEF + "?period=2025-03")
                .body()
                .replaceAll("(?s).*id=\"pdf-sha\">([0-9a-f]{64})<.*", "$1");
        HttpResponse<byte[]> pdf = approver.download(BRIEF + "/brief.pdf?period=2025-03");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(FileHashes.sha256(pdf.body())).isEqualTo(sha);

        // A test letter to the approver's own address: the readers' letter, recorded for nobody.
        HttpResponse<String> test =
                approver.postForm(BRIEF + "/test-send", Map.of("period", "2025-03", "to", "me@approvers.test"));
        assertThat(test.headers().firstValue("location"))
                .hasValueSatisfying(l -> assertThat(l).contains("notice=test-sent"));
        var mine = h.mail.getReceivedMessagesForDomain("approvers.test");
        assertThat(mine).hasSize(2);
        assertThat(FileHashes.sha256(MailParts.of(mine[1]).attachment(0))).isEqualTo(sha);
        assertThat(h.service.ledger().list("ai-hegemony", period))
                .noneSatisfy(e -> assertThat(e.recipient()).isEqualTo("me@approvers.test"));
        assertThat(h.mail.getReceivedMessagesForDomain("to.test")).isEmpty();

        // A script approves the run's PDF; the readers get exactly those bytes. A run there is not is not found.
        assertThat(new Browserless(h.url(""))
                        .api("POST", "/api/runs/" + (run.runId().orElseThrow() + 1000) + "/approve", "approver", PW)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> approved = new Browserless(h.url(""))
                .api("POST", "/api/runs/" + run.runId().orElseThrow() + "/approve", "approver", PW);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(h.mail.getReceivedMessages()).hasSize(2 + 3); // to, cc and bcc, once each
        var read = h.mail.getReceivedMessagesForDomain("to.test");
        assertThat(FileHashes.sha256(MailParts.of(read[0]).attachment(0))).isEqualTo(sha);
        assertThat(h.service
                        .approvals()
                        .latest("ai-hegemony", period)
                        .orElseThrow()
                        .pdfSha256())
                .isEqualTo(sha);
    }

    @Test
    void aRejectedPeriodStaysInViewWithItsReasonUntilItsRebuiltPdfIsApproved() throws Exception {
        awaitingApproval();
        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        String rejected = approver.get(BRIEF).body().replaceAll("(?s).*id=\"pdf-sha\">([0-9a-f]{64})<.*", "$1");
        // A rejection without its reason (the page's field is required; a script may try) rejects nothing.
        HttpResponse<String> bare =
                approver.postForm(BRIEF + "/reject", Map.of("period", "2025-03", "sha256", rejected, "comment", " "));
        assertThat(bare.statusCode()).isEqualTo(409);
        assertThat(bare.body()).contains("반려 사유가 없어 반려하지 않았습니다");
        assertThat(h.service.approvals().latest("ai-hegemony", Period.parse("2025-03")))
                .isEmpty();
        assertThat(h.mail.getReceivedMessagesForDomain("analysts.test")).isEmpty();
        approver.postForm(BRIEF + "/reject", Map.of("period", "2025-03", "sha256", rejected, "comment", "출처 확인"));
        assertThat(approver.get("/").body()).contains("<td class=\"nowrap\">2025-03</td>", "반려됨 (approver", "): 출처 확인");
        // The analysts mend the workbook and an operator builds the period again: a new PDF, waiting.
        assertThat(approver.get(BRIEF).body()).doesNotContain("id=\"outdated\"");
        // Opened and saved again as it was (a new file, a later time): the PDF still shows what it holds.
        SampleProject.append(h.project.workbook(), "특허_발명자국가", List.of());
        assertThat(approver.get(BRIEF).body()).doesNotContain("id=\"outdated\"");
        SampleProject.edit(h.project.workbook(), "특허_발명자국가", "D3", 38211);
        // Until it is built again, the approver is told the PDF shows the workbook as it was.
        assertThat(approver.get(BRIEF).body()).contains("id=\"outdated\">이 PDF를 만든 뒤 작업 워크북이 바뀌었습니다.");
        assertThat(approver.api("GET", "/api" + BRIEF, "approver", PW).body()).contains("\"pdfOutdated\":true");
        Browserless operator = new Browserless(h.url(""));
        operator.login("operator", PW);
        operator.get(BRIEF);
        assertThat(operator.postForm(BRIEF + "/build", Map.of("period", "2025-03"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(approver.get("/").body())
                .contains("<td class=\"nowrap\">2025-03</td>", "승인 대기")
                .doesNotContain("반려됨");
        assertThat(approver.get(BRIEF).body()).doesNotContain("id=\"outdated\"");
        String rebuilt = approver.get(BRIEF).body().replaceAll("(?s).*id=\"pdf-sha\">([0-9a-f]{64})<.*", "$1");
        assertThat(rebuilt).hasSize(64).isNotEqualTo(rejected);
        approver.postForm(BRIEF + "/approve", Map.of("period", "2025-03", "sha256", rebuilt));
        assertThat(approver.get("/").body())
                .doesNotContain("<td class=\"nowrap\">2025-03</td>")
                .contains("<td class=\"nowrap\">"
                        + h.settings.findBrief("ai-hegemony").orElseThrow().periodAt(Instant.now()) + "</td>");
    }

    @Test
    void aPeriodWhoseManifestCannotBeReadLeavesTheOverviewOnTheCurrentMonthAndIsBuiltAgainFromItsPage()
            throws Exception {
        awaitingApproval();
        Files.writeString(h.settings.outputDir().resolve("ai-hegemony/2025-03/manifest.json"), "{\"cut off");
        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        HttpResponse<String> overview = approver.get("/");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body())
                .contains("<td class=\"nowrap\">"
                        + h.settings.findBrief("ai-hegemony").orElseThrow().periodAt(Instant.now()) + "</td>");
        // That period's page still opens, says what is wrong, and an operator builds it again from there.
        Browserless operator = new Browserless(h.url(""));
        operator.login("operator", PW);
        HttpResponse<String> damaged = operator.get(BRIEF + "?period=2025-03");
        assertThat(damaged.statusCode()).isEqualTo(200);
        assertThat(damaged.body())
                .contains("id=\"damaged\">", "manifest.json", "다시 build")
                .contains("name=\"period\" value=\"2025-03\"><button type=\"submit\" id=\"build\">")
                .doesNotContain("id=\"pdf-sha\"");
        assertThat(operator.postForm(BRIEF + "/build", Map.of("period", "2025-03"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(approver.get(BRIEF + "?period=2025-03").body())
                .contains("id=\"pdf-sha\"")
                .doesNotContain("id=\"damaged\"");
    }

    @Test
    void aDeadlineWithoutApprovalTellsTheOwnersAndNobodyElse() throws Exception {
        awaitingApproval();
        Period period = Period.parse("2025-03");
        var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
        h.service.markMissed(brief, period, Instant.parse("2025-03-10T00:00:00Z"), RunStatus.AWAITING_APPROVAL);
        var told = h.mail.getReceivedMessagesForDomain("owners.test");
        assertThat(told).hasSize(1);
        assertThat(MailParts.of(told[0]).text()).contains("마감인 2025년 3월 10일 (월) 09:00(Asia/Seoul)까지", "승인하지 않아");
        assertThat(h.mail.getReceivedMessagesForDomain("to.test")).isEmpty();
        assertThat(h.service.runs().list("ai-hegemony", 5))
                .anySatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.MISSED));
        // The runs page says why in its reader's language, whatever the brief's.
        Browserless operator = new Browserless(h.url(""));
        operator.login("operator", PW);
        assertThat(operator.get("/runs").body()).contains("마감인 2025년 3월 10일 (월) 09:00(Asia/Seoul)까지");
        assertThat(operator.get("/runs?lang=en").body())
                .contains("Mon 10 March 2025, 09:00 (Asia/Seoul)")
                .doesNotContain("마감인");
        // An approver who approves it after all sends it late, and the owners, told it was missed, hear so.
        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        String sha = approver.get(BRIEF).body().replaceAll("(?s).*id=\"pdf-sha\">([0-9a-f]{64})<.*", "$1");
        approver.postForm(BRIEF + "/approve", Map.of("period", "2025-03", "sha256", sha));
        assertThat(h.mail.getReceivedMessagesForDomain("to.test")).isNotEmpty();
        told = h.mail.getReceivedMessagesForDomain("owners.test");
        assertThat(told).hasSize(2);
        assertThat(told[1].getSubject()).contains("[브리프 늦은 발송]");
        assertThat(MailParts.of(told[1]).text()).contains("마감이 지난 뒤 approver님이 이번 기간의 PDF를 승인해");
    }

    @Test
    void aPeriodWaitingOnItsRetriesShowsTheApproverWhenItIsMissed() throws Exception {
        awaitingApproval();
        // The job leaves a retry of the March fire while the period waits: missed five days after that fire.
        retryPending(Period.parse("2025-03"), Instant.parse("2025-03-03T00:00:00Z"));
        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        assertThat(approver.get("/").body()).contains("승인 대기 · 마감 2025-03-08 09:00 KST");
        assertThat(approver.get(BRIEF + "?period=2025-03").body()).contains("승인 대기 · 마감 2025-03-08 09:00 KST");
        // The next run is the retry, in an hour, not next month's fire: when a mended workbook is taken up.
        java.util.Date retry = h.scheduler
                .quartz()
                .getTrigger(TriggerKey.triggerKey("retry-2025-03", "ai-hegemony"))
                .getNextFireTime();
        String at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.ROOT)
                .format(retry.toInstant().atZone(java.time.ZoneId.of("Asia/Seoul")));
        assertThat(approver.get("/").body()).contains(at + " · 재시도 2025-03");
    }

    @Test
    void aPeriodWaitingOnAMendedWorkbookShowsTheAnalystWhenItIsMissed() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
        SampleProject.edit(h.project.workbook(), "특허_발명자국가", "D3", "모름");
        retryPending(brief.periodAt(Instant.now()), Instant.parse("2025-03-03T00:00:00Z"));
        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        assertThat(analyst.get("/").body())
                .containsPattern("<td class=\"bad\">오류 \\d+건 · 마감 2025-03-08 09:00 KST</td>");
    }

    @Test
    void hourlyRetriesOfAWaitingPeriodShowAsOneRowInTheHistory() throws Exception {
        awaitingApproval();
        var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
        Instant fire = Instant.parse("2025-03-03T00:00:00Z");
        for (int hour = 1; hour <= 3; hour++) {
            var retry = h.service.runScheduled(
                    brief, Period.parse("2025-03"), RunTrigger.RETRY, fire.plus(Duration.ofHours(hour)));
            assertThat(retry.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
        }
        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        // The fire and one row for its three retries, on the brief's page and in the history of all briefs.
        for (String page : List.of(BRIEF, "/runs")) {
            String body = approver.get(page).body();
            assertThat(body).containsOnlyOnce("재시도 3회").containsOnlyOnce(">예약<");
            assertThat(body).doesNotContainPattern("<td>재시도</td>");
        }
    }

    /** A retry of the brief's job pending for a period, as the job leaves one while the period waits. */
    private void retryPending(Period period, Instant fire) throws Exception {
        var cron = h.scheduler.quartz().getTrigger(TriggerKey.triggerKey("cron", "ai-hegemony"));
        h.scheduler
                .quartz()
                .scheduleJob(TriggerBuilder.newTrigger()
                        .withIdentity("retry-" + period, "ai-hegemony")
                        .forJob(cron.getJobKey())
                        .startAt(java.util.Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .usingJobData(BriefJob.PERIOD, period.toString())
                        .usingJobData(BriefJob.KIND, RunTrigger.RETRY.id())
                        .usingJobData(BriefJob.ORIGIN, fire.toEpochMilli())
                        .build());
    }

    @Test
    void aRejectedPdfIsNotPressedOnTheApproversBeforeTheDeadlineButTheAnalystsAreRemindedToMendIt() throws Exception {
        awaitingApproval();
        Period period = Period.parse("2025-03");
        var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        String sha = approver.get(BRIEF).body().replaceAll("(?s).*id=\"pdf-sha\">([0-9a-f]{64})<.*", "$1");
        approver.postForm(BRIEF + "/reject", Map.of("period", "2025-03", "sha256", sha, "comment", "출처 확인"));
        h.service.remindOfApproval(brief, period, Instant.parse("2025-03-08T00:00:00Z"));
        assertThat(h.mail.getReceivedMessagesForDomain("approvers.test")).hasSize(1);
        // The analysts, told of the rejection, are reminded once that the period waits on their fix.
        var told = h.mail.getReceivedMessagesForDomain("analysts.test");
        assertThat(told).hasSize(2);
        assertThat(told[0].getSubject()).contains("[브리프 반려]");
        assertThat(told[1].getSubject()).contains("[브리프 마감 임박]", "(2025년 3월)");
        assertThat(MailParts.of(told[1]).text())
                .contains("승인자가 이번 기간의 PDF를 반려했고", "마감은 2025년 3월 8일 (토) 09:00(Asia/Seoul)입니다")
                .contains("https://briefs.example.test/briefs/ai-hegemony?period=2025-03");
        h.service.remindOfApproval(brief, period, Instant.parse("2025-03-08T00:00:00Z"));
        assertThat(h.mail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aRejectionReachesTheAnalystsAndANewWorkbookWithdrawsAnApproval() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "required");
        Browserless operator = new Browserless(h.url(""));
        operator.login("operator", PW);
        operator.get(BRIEF);
        HttpResponse<String> built = operator.postForm(BRIEF + "/build", Map.of());
        assertThat(built.statusCode()).isEqualTo(302);
        assertThat(built.headers().firstValue("location").orElseThrow()).contains("notice=built-asked");
        // Who built, and how it ended, is in the audit log.
        assertThat(h.service.audit().list(10))
                .extracting(e -> e.actor(), e -> e.action(), e -> e.brief(), e -> e.detail())
                .contains(org.assertj.core.groups.Tuple.tuple("operator", "build", "ai-hegemony", "ok"));
        Period now = h.settings.findBrief("ai-hegemony").orElseThrow().periodAt(Instant.now());
        String sha = h.service
                .approving()
                .publishedPdf(h.settings.findBrief("ai-hegemony").orElseThrow(), now)
                .orElseThrow();
        // The approvers are asked for that PDF, as after a scheduled run; once, however often it is built.
        var asked = h.mail.getReceivedMessagesForDomain("approvers.test");
        assertThat(asked).hasSize(1);
        assertThat(MailParts.of(asked[0]).text()).contains(sha);
        assertThat(operator.postForm(BRIEF + "/build", Map.of()).headers().firstValue("location"))
                .hasValueSatisfying(l -> assertThat(l).contains("notice=built").doesNotContain("asked"));
        assertThat(h.mail.getReceivedMessagesForDomain("approvers.test")).hasSize(1);

        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        approver.get(BRIEF);
        assertThat(approver.postForm(BRIEF + "/reject", Map.of("sha256", sha, "comment", "표 1의 출처를 확인해 주세요"))
                        .statusCode())
                .isEqualTo(302);
        var toAnalyst = h.mail.getReceivedMessagesForDomain("analysts.test");
        assertThat(toAnalyst).hasSize(1);
        assertThat(toAnalyst[0].getSubject()).contains("반려");
        assertThat(MailParts.of(toAnalyst[0]).text())
                .contains("표 1의 출처를 확인해 주세요", "approver", "콘솔에서 올릴 수 있습니다: https://briefs.example.test/briefs/");

        h.service.approvals().record("ai-hegemony", now, sha, Approvals.State.APPROVED, "approver", null);
        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        analyst.get(BRIEF);
        Path next = dir.resolve("ai-hegemony.xlsx");
        Files.copy(h.project.workbook(), next);
        SampleProject.edit(next, "특허_발명자국가", "D3", 12345);
        assertThat(analyst.upload(BRIEF + "/workbook", next, Map.of(), null).statusCode())
                .isEqualTo(200);
        assertThat(h.service
                        .approvals()
                        .latest("ai-hegemony", now)
                        .orElseThrow()
                        .state())
                .isEqualTo(Approvals.State.WITHDRAWN);
    }

    @Test
    void theJsonApiListsRunsAndDeliveries() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        Browserless b = new Browserless(h.url(""));
        HttpResponse<String> built = b.api("POST", "/api/briefs/ai-hegemony/runs?period=2025-03", "operator", PW);
        assertThat(built.statusCode()).isEqualTo(200);
        assertThat(built.body()).contains("\"status\":\"ok\"", "\"period\":\"2025-03\"");
        assertThat(h.service.audit().list(10))
                .extracting(e -> e.actor(), e -> e.action(), e -> String.valueOf(e.period()))
                .contains(org.assertj.core.groups.Tuple.tuple("operator", "build", "2025-03"));
        assertThat(b.api("GET", "/api/runs", "analyst", PW).body()).contains("\"trigger\":\"manual\"");
        // A brief sent on its schedule without approval: its approvers may send the PDF now, but not
        // reject it, which would stop nothing (the form was there, and its fire sent the PDF all the same).
        Browserless approver = new Browserless(h.url(""));
        approver.login("approver", PW);
        String briefPage = approver.get(BRIEF + "?period=2025-03").body();
        // Its button says what it does there: it sends now, ahead of the schedule; nobody waits on it.
        assertThat(briefPage)
                .contains("<h2>미리 보기와 발송</h2>", "id=\"approve\">이 PDF 지금 보내기 (예약을 기다리지 않고)<")
                .doesNotContain("id=\"reject\"", "승인하고 보내기");
        String shown = briefPage.replaceAll("(?s).*id=\"pdf-sha\">([0-9a-f]{64})<.*", "$1");
        HttpResponse<String> rejected =
                approver.postForm(BRIEF + "/reject", Map.of("period", "2025-03", "sha256", shown, "comment", "출처 확인"));
        assertThat(rejected.statusCode()).isEqualTo(409);
        assertThat(rejected.body()).contains("반려해도 발송이 멈추지 않아", "예약 일시 중지");
        assertThat(h.service.approvals().latest("ai-hegemony", Period.parse("2025-03")))
                .isEmpty();
        // The overview shows this month; its last run, of March 2025, says so.
        Browserless analyst = new Browserless(h.url(""));
        analyst.login("analyst", PW);
        assertThat(analyst.get("/").body()).contains("완료 (2025-03) · ");
        assertThat(analyst.get(BRIEF + "?period=2025-03").body()).contains("완료 · ");
        HttpResponse<String> validation = b.api("GET", "/api/briefs/ai-hegemony/validation", "analyst", PW);
        assertThat(validation.body()).contains("\"valid\":true");
        assertThat(b.api("GET", "/api/deliveries?brief=ai-hegemony&period=2025-03", "operator", PW)
                        .statusCode())
                .isEqualTo(200);
        assertThat(b.api("POST", "/api/briefs/ai-hegemony/runs", "analyst", PW).statusCode())
                .isEqualTo(403);
        HttpResponse<String> wrong = b.api("GET", "/api/runs", "analyst", "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"briefpipe\"");
        // A request it cannot take: one sentence in the caller's language, as its other refusals.
        HttpResponse<String> noPeriod = b.api("GET", "/api/deliveries?brief=ai-hegemony", "operator", PW);
        assertThat(noPeriod.statusCode()).isEqualTo(400);
        assertThat(noPeriod.body())
                .isEqualTo("{\"error\":\"brief와 period가 있어야 합니다 (예: ?brief=ai-hegemony&period=2025-03).\"}");
        HttpResponse<String> badPeriod =
                b.api("GET", "/api/deliveries?brief=ai-hegemony&period=2025-13", "operator", PW);
        assertThat(badPeriod.statusCode()).as(badPeriod.body()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("기간 '2025-13'을(를) 읽을 수 없습니다");
        HttpResponse<String> noFile = b.api("POST", "/api/briefs/ai-hegemony/workbook", "analyst", PW);
        assertThat(noFile.statusCode()).as(noFile.body()).isEqualTo(400);
        assertThat(noFile.body()).contains("multipart 필드 'workbook'");
        assertThat(b.api("GET", "/api/briefs/ai-hegemony?period=2025-03", "approver", PW)
                        .body())
                .contains("\"pdfSha256\":\"", "\"pages\":");
        assertThat(b.api("GET", "/api/deliveries", "operator", PW).statusCode()).isEqualTo(400);
        // A run's error in the caller's language too, not in the brief's.
        h.project.setCell("특허_발명자국가", "D3", "모름");
        Browserless english = new Browserless(h.url(""));
        HttpResponse<String> invalid =
                english.api("POST", "/api/briefs/ai-hegemony/runs?period=2025-04&lang=en", "operator", PW);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("1 data error in ").doesNotContain("데이터 오류");
        assertThat(b.api("GET", "/api/runs", "analyst", PW).body()).contains("데이터 오류가 1건 있어");
        assertThat(new Browserless(h.url(""))
                        .api("GET", "/api/runs?lang=en", "analyst", PW)
                        .body())
                .contains("1 data error in ")
                .doesNotContain("데이터 오류");
        h.project.setCell("특허_발명자국가", "D3", 6276);

        // A manifest damaged by hand is named, with what to do.
        Path manifest = h.settings.outputDir().resolve("ai-hegemony/2025-03/manifest.json");
        Files.writeString(manifest, "{\"broken\": ");
        HttpResponse<String> damaged = b.api("GET", "/api/briefs/ai-hegemony?period=2025-03", "approver", PW);
        assertThat(damaged.statusCode()).isEqualTo(409);
        assertThat(damaged.body())
                .contains("manifest.json을(를) 읽을 수 없습니다", "다시 build")
                .doesNotContain("Exception");
        // Anything unforeseen (here a folder where the manifest should be): a sentence and the log, not the
        // web server's "Server Error".
        Files.delete(manifest);
        Files.createDirectory(manifest);
        HttpResponse<String> api = b.api("GET", "/api/briefs/ai-hegemony?period=2025-03", "approver", PW);
        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.body()).contains("\"error\"", "예기치 못한 오류").doesNotContain("Exception", "Server Error");
        Browserless operator = new Browserless(h.url(""));
        operator.login("operator", PW);
        HttpResponse<String> page = operator.get(BRIEF + "?period=2025-03");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("예기치 못한 오류", "서버 로그").doesNotContain("Exception");
    }

    @Test
    void aResendThatFailsSaysSoAndAnOperatorMarksTheDeliveryByHand() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
        Period period = Period.parse("2025-03");
        h.service.build(brief, h.settings.workbookOf(brief), period, h.settings.outputDir(), null);
        assertThat(h.service
                        .send(brief, period, h.settings.outputDir(), dev.briefpipe.deliver.Resend.NONE)
                        .allServed())
                .isTrue();
        h.mail.stop();
        Browserless operator = new Browserless(h.url(""));
        operator.login("operator", PW);
        operator.get(BRIEF + "?period=2025-03");
        Map<String, String> form = Map.of("period", "2025-03", "recipient", ScheduledProject.TO);
        HttpResponse<String> resend = operator.postForm(BRIEF + "/resend", form);
        // The mail server is down: the console says it was not sent, not "sent again".
        assertThat(resend.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("notice=resend-failed"));
        String page = operator.get(resend.headers().firstValue("Location").orElseThrow())
                .body();
        assertThat(page).contains("보내지 못했습니다", "실패").doesNotContain("다시 보냈습니다");
        assertThat(h.service.audit().list(10))
                .extracting(e -> e.action(), e -> String.valueOf(e.detail()))
                .contains(org.assertj.core.groups.Tuple.tuple("resend", "failed"));
        // Once the server's log shows it arrived after all, the operator records it.
        HttpResponse<String> marked = operator.postForm(BRIEF + "/mark-delivered", form);
        assertThat(marked.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("notice=marked"));
        assertThat(h.service
                        .ledger()
                        .find("ai-hegemony", period, "brief", ScheduledProject.TO)
                        .orElseThrow()
                        .state())
                .isEqualTo(dev.briefpipe.deliver.DeliveryState.SENT);
    }

    @Test
    void anApprovalThatReachesNotEveryReaderIsToldToTheOwnersAndTheApproverHearsWhoSendsAgain() throws Exception {
        // The mail server refuses one reader; it takes everything else.
        try (SmtpStub smtp = new SmtpStub((r, n) -> r.equals(ScheduledProject.CC) ? "550 5.1.1 no such user" : null)) {
            h = new ConsoleHarness(dir.resolve("p"), "required", p -> {
                Path yaml = p.config().resolve("briefpipe.yaml");
                Files.writeString(yaml, Files.readString(yaml).replaceFirst("port: \\d+", "port: " + smtp.port()));
            });
            var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
            h.service.runScheduled(
                    brief, Period.parse("2025-03"), RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
            Browserless approver = new Browserless(h.url(""));
            approver.login("approver", PW);
            String sha = approver.get(BRIEF + "?period=2025-03")
                    .body()
                    .replaceAll("(?s).*id=\"pdf-sha\">([0-9a-f]{64})<.*", "$1");
            HttpResponse<String> approved =
                    approver.postForm(BRIEF + "/approve", Map.of("period", "2025-03", "sha256", sha));
            // An approver cannot send again: the page says who will, and the owners have the letter.
            String back = approved.headers().firstValue("Location").orElseThrow();
            assertThat(back).contains("notice=approved-unsent-told");
            assertThat(approver.get(back).body()).contains("브리프 담당자에게 메일로 알렸으니").doesNotContain("확인한 뒤 다시 보내세요");
            assertThat(smtp.delivered()).contains(ScheduledProject.TO, ScheduledProject.OWNER);
            assertThat(smtp.delivered()).doesNotContain(ScheduledProject.CC);
        }
    }

    /** A console whose brief wants approval, and the cron fire for March 2025 that built it and waits. */
    private dev.briefpipe.run.RunOutcome awaitingApproval() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "required");
        var brief = h.settings.findBrief("ai-hegemony").orElseThrow();
        var run = h.service.runScheduled(
                brief, Period.parse("2025-03"), RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(run.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
        return run;
    }

    private static List<Path> listed(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
