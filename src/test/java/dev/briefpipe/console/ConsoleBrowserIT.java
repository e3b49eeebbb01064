package dev.briefpipe.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.testing.ConsoleHarness;
import dev.briefpipe.testing.MailParts;
import dev.briefpipe.testing.Poll;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as its users see it: Debian's Chromium, headless, driven by Selenium against a real server
 * on a random port and a real SMTP server. Each step leaves a screenshot in {@code target/screenshots/}.
 */
class ConsoleBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String BRIEF = "/briefs/" + SampleProject.BRIEF;
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private ConsoleHarness h;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        boolean there = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (System.getenv("BRIEFPIPE_REQUIRE_PEERS") == null) {
            Assumptions.assumeTrue(there, "chromium and chromium-driver are not installed");
        }
        assertThat(there)
                .as("chromium and chromium-driver (apt-get install chromium chromium-driver)")
                .isTrue();
        ChromeOptions options = new ChromeOptions()
                .setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ko-KR,ko"))
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=ko-KR")
                .addArguments("--window-size=1280,1000", "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (h != null) {
            h.close();
        }
    }

    @Test
    void anAnalystLogsInUploadsAWorkbookWithTextInANumberCellAndSeesTheFindingAtItsCell() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        browser.get(h.url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        shot("01-login");
        logIn("analyst");
        assertThat(text(By.tagName("table"))).contains("ai-hegemony", "유효");
        assertThat(browser.getTitle()).isEqualTo("브리프 · briefpipe");
        shot("02-overview");

        Path bad = dir.resolve("ai-hegemony.xlsx");
        Files.copy(h.project.workbook(), bad);
        SampleProject.edit(bad, "특허_발명자국가", "D3", "많음");
        SampleProject.edit(bad, "브리프정보", "D2", "2025-13-27");
        byte[] before = Files.readAllBytes(h.project.workbook());
        browser.get(h.url(BRIEF));
        browser.findElement(By.id("workbook")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();
        waitForText(By.id("findings"), "'특허_발명자국가'!D3");
        // A tab, a bookmark and the history name the brief and the period the page shows.
        assertThat(browser.getTitle()).matches("글로벌 AI 패권 경쟁 : 중국 동향과 시사점 \\d{4}-\\d\\d · briefpipe");
        // The next fire in the brief's zone, named as in the run tables and `briefpipe jobs`.
        assertThat(text(By.className("facts")))
                .containsPattern("\\d{4}-\\d\\d-\\d\\d 09:00 KST")
                .doesNotContain("Asia/Seoul");
        assertThat(text(By.id("findings"))).contains("'특허_발명자국가'!D3", "많음");
        assertThat(text(By.className("notice"))).contains("작업 워크북은 바꾸지 않았습니다");
        // A value as short as a date is one line, on a laptop's screen too: it broke after its hyphen,
        // "2025-13-" over "27".
        org.openqa.selenium.Dimension full = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(800, 1000));
        Number lines = (Number)
                ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript(
                                "var td = [...document.querySelectorAll('#findings td[data-label]')]"
                                        + ".find(t => t.textContent.trim() === '2025-13-27');"
                                        + "var r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length;");
        assertThat(lines.intValue()).isEqualTo(1);
        browser.manage().window().setSize(full);
        assertThat(browser.findElement(By.className("notice")).getAttribute("class"))
                .contains("error");
        shot("03-upload-finding");
        // On a phone a finding is a block of lines, its sentence as wide as the screen: in the table's
        // fifth column it was a word or two a line.
        org.openqa.selenium.Dimension wide = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Number table = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.getElementById('findings').getBoundingClientRect().width");
        Number sentence = (Number)
                ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript(
                                "return document.querySelector('#findings tr.bad td:last-child').getBoundingClientRect().width");
        assertThat(sentence.doubleValue()).isGreaterThan(0.8 * table.doubleValue());
        assertThat(browser.findElement(By.cssSelector("#findings tr.bad td[data-label]"))
                        .getAttribute("data-label"))
                .isEqualTo("값");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('findings').scrollIntoView()");
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                SHOTS.resolve("03-upload-finding-phone.png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(wide);
        // The uploaded file's report, as the analyst opens it from the page.
        browser.get(browser.findElement(By.id("upload-report")).getAttribute("href"));
        assertThat(text(By.tagName("h1"))).isEqualTo("ai-hegemony.xlsx");
        // Styled as the page styles itself (the console's policy blocked its inline styles): the error in red.
        assertThat(browser.findElement(By.cssSelector("td.error")).getCssValue("color"))
                .isEqualTo("rgba(176, 0, 32, 1)");
        // A message wraps between words, as Korean is written: "하나로", never "하나" over "로".
        assertThat(browser.findElement(By.cssSelector("td.error + td")).getCssValue("word-break"))
                .isEqualTo("keep-all");
        accessible("03-upload-report");
        // The report as a phone shows an attachment: a finding a block, its sentence the screen's width.
        // In the fixed table the sentence's column had what the others left: a letter a line.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Number page = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.querySelector('main').getBoundingClientRect().width");
        assertThat(browser.findElement(By.cssSelector("td.error + td"))
                        .getRect()
                        .getWidth())
                .isGreaterThan((int) (0.8 * page.doubleValue()));
        assertThat(browser.findElement(By.cssSelector("meta[name=viewport]")).getAttribute("content"))
                .contains("width=device-width");
        browser.manage().window().setSize(wide);
        browser.get(h.url(BRIEF));
        // Not replaced: the working workbook is the one it was.
        assertThat(Files.readAllBytes(h.project.workbook())).isEqualTo(before);

        SampleProject.edit(bad, "특허_발명자국가", "D3", 38210);
        SampleProject.edit(bad, "브리프정보", "D2", java.time.LocalDate.of(2025, 3, 27));
        browser.findElement(By.id("workbook")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();
        waitForText(By.className("notice"), "작업 워크북으로 바꿨습니다");
        assertThat(browser.findElement(By.className("notice")).getAttribute("class"))
                .doesNotContain("error");
        // Nothing has run yet: the page says so instead of showing an empty table.
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("아직 실행 기록이 없습니다");
        assertThat(browser.findElements(By.cssSelector("#findings tr.bad"))).isEmpty();
        assertThat(FileHashes.sha256(Files.readAllBytes(h.project.workbook())))
                .isEqualTo(FileHashes.sha256(Files.readAllBytes(bad)));
        shot("04-upload-fixed");
    }

    @Test
    void anApproverApprovesAndTheApprovedPdfArrivesWhileTokenlessAndAnalystPostsAreRefused() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "required");
        var brief = h.settings.findBrief(SampleProject.BRIEF).orElseThrow();
        Period period = Period.parse("2025-03");
        var run = h.service.runScheduled(brief, period, RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(run.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);

        // An analyst sees no approve button, and a hand-made approve form with a valid token is refused.
        browser.get(h.url("/"));
        logIn("analyst");
        browser.get(h.url(BRIEF + "?period=2025-03"));
        assertThat(browser.findElements(By.id("approve"))).isEmpty();
        String sha = text(By.id("pdf-sha"));
        postFromPage("/briefs/ai-hegemony/approve", sha, true);
        assertThat(text(By.tagName("main"))).contains("권한이 없습니다");
        shot("05-analyst-refused");
        logOut();

        // The link in the approvers' request, opened while logged out, leads back to its period's page.
        String link = approvalLink();
        assertThat(link).isEqualTo(BRIEF + "?period=2025-03");
        browser.get(h.url(link));
        assertThat(browser.getCurrentUrl()).contains("/login?next=");
        fillLogin("approver");
        assertThat(browser.getCurrentUrl()).endsWith(link);
        // Switching the language keeps the period shown.
        browser.findElement(By.linkText("English")).click();
        waitForText(By.tagName("h2"), "Workbook");
        assertThat(browser.findElement(By.name("period")).getAttribute("value")).isEqualTo("2025-03");
        browser.findElement(By.linkText("한국어")).click();
        waitForText(By.tagName("h2"), "워크북");
        assertThat(browser.findElement(By.name("period")).getAttribute("value")).isEqualTo("2025-03");
        // The pages as pictures (a phone shows no PDF inline), each drawn.
        Poll.until(
                Duration.ofSeconds(60),
                () -> browser.findElements(By.cssSelector("#pages img")).stream()
                        .allMatch(img -> ((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                                                .executeScript("return arguments[0].naturalWidth", img))
                                        .intValue()
                                > 500));
        assertThat(browser.findElements(By.cssSelector("#pages img"))).hasSizeGreaterThanOrEqualTo(2);
        // "Explain this number": the expression and the cells it read, with their values.
        WebElement first = waitFor(By.cssSelector("#figures details"));
        first.findElement(By.tagName("summary")).click();
        assertThat(first.getText()).contains("cn_families", "patents[CN].families", "'특허_발명자국가'!", "38210");
        // The narrative as it will print, placeholders filled.
        WebElement sentences = waitFor(By.id("sentences"));
        sentences.findElement(By.tagName("summary")).click();
        assertThat(sentences.getText()).contains("'본문'!D3", "총 38,210건으로", "셀에 쓴 글");
        sentences.findElement(By.tagName("summary")).click();
        shot("06-preview");
        // A rejection's reason has room for a sentence, its prompt whole; on a phone it fits the screen.
        WebElement reason = browser.findElement(By.cssSelector("form.reject [name=comment]"));
        assertThat(reason.getTagName()).isEqualTo("textarea");
        org.openqa.selenium.Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                                .executeScript(
                                        "return document.querySelector('form.reject').getBoundingClientRect().right"
                                                + " - document.documentElement.clientWidth"))
                        .doubleValue())
                .isLessThanOrEqualTo(0);
        browser.manage().window().setSize(laptop);
        // The approve form stripped of its CSRF token is refused, and nothing is sent.
        postFromPage("/briefs/ai-hegemony/approve", sha, false);
        assertThat(text(By.tagName("main"))).contains("보안 토큰");
        shot("07-csrf-refused");
        assertThat(h.mail.getReceivedMessagesForDomain("to.test")).isEmpty();

        // A page that still tells of an earlier action (a pause, say)…
        browser.get(h.url(BRIEF + "?notice=paused&period=2025-03"));
        assertThat(text(By.id("pdf-sha"))).isEqualTo(sha);
        // …approved once the login has ended: nothing is done, the login page says so, and leads back
        // to the same page without the earlier action's notice.
        browser.manage().deleteCookieNamed("bp_session");
        browser.findElement(By.id("approve")).click();
        waitForText(By.className("notice"), "그 작업은 하지 않았습니다");
        shot("07-login-ended");
        fillLogin("approver");
        assertThat(browser.getCurrentUrl()).endsWith(BRIEF + "?period=2025-03");
        assertThat(browser.findElements(By.className("notice"))).isEmpty();
        assertThat(text(By.id("approval"))).doesNotContain("승인됨");
        browser.findElement(By.id("approve")).click();
        waitForText(By.className("notice"), "승인했고");
        assertThat(text(By.id("approval"))).contains("승인됨", "approver");
        // The brief's own runs say what started each in the reader's words, as the runs page does.
        assertThat(text(By.id("brief-runs"))).contains("예약", "승인").doesNotContainPattern("\\bcron\\b");
        shot("08-approved");
        // The approvers' request, then the brief to its three readers.
        assertThat(h.mail.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), 4))
                .isTrue();
        var m = h.mail.getReceivedMessagesForDomain("to.test")[0];
        assertThat(FileHashes.sha256(MailParts.of(m).attachment(0))).isEqualTo(sha);
        browser.get(h.url("/runs"));
        // Every moment in the brief's zone, named: the approval and the logins alike.
        // What was done, in the reader's words, not the stored ids.
        assertThat(text(By.id("audit-log")))
                .contains("승인", "로그인", sha)
                .doesNotContainPattern("\\bapprove\\b|login-ok")
                .doesNotContainPattern("\\dT\\d")
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d KST");
        // A run waiting on an approver is not coloured as a failure.
        assertThat(browser.findElements(By.cssSelector("#runs td.warn")))
                .extracting(org.openqa.selenium.WebElement::getText)
                .contains("승인 대기");
        assertThat(browser.findElements(By.cssSelector("#runs td.bad"))).isEmpty();
        shot("09-runs-audit");
        // A phone's screen: the same page, nothing cut off sideways.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(h.url(BRIEF + "?period=2025-03"));
        Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Object wide = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "const w = document.documentElement.clientWidth; return [w, window.innerWidth, ...Array.from(document.querySelectorAll('body *'))"
                                + ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll')).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))]");
        assertThat(overflow.intValue()).as(String.valueOf(wide)).isLessThanOrEqualTo(0);
        // A period stays whole in the narrow table of runs: "2025-03", not "2025-" over "03".
        Object broken = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return Array.from(document.querySelectorAll('#brief-runs td:nth-child(2) a'))"
                        + ".filter(a => a.getClientRects().length > 1).map(a => a.textContent)");
        assertThat((java.util.List<?>) broken).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#brief-runs td:nth-child(2) a")))
                .isNotEmpty();
        accessible("10-phone");
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve("10-phone.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anAdminAddsAUserOnTheUsersPageAndTheUserLogsIn() throws Exception {
        h = new ConsoleHarness(dir.resolve("p"), "none");
        logIn("admin");
        browser.findElement(By.linkText("사용자")).click();
        waitFor(By.id("users"));
        browser.findElement(By.cssSelector("form[action='/users'] input[name=name]"))
                .sendKeys("kim");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("form[action='/users'] select")))
                .selectByValue("approver");
        browser.findElement(By.cssSelector("form[action='/users'] input[name=password]"))
                .sendKeys("kims-password-1");
        browser.findElement(By.cssSelector("form[action='/users'] button")).click();
        waitForText(By.className("notice"), "사용자를 추가했습니다");
        assertThat(roleOf("kim")).isEqualTo("승인자");
        assertThat(browser.getTitle()).isEqualTo("사용자 · briefpipe");
        shot("05-users");
        kimLogsInAs("승인자");
        assertThat(browser.findElements(By.linkText("사용자"))).isEmpty();
        // Another role for kim, chosen on the same page; the admin's own role is not offered.
        logOut();
        logIn("admin");
        browser.get(h.url("/users"));
        WebElement kims = browser.findElement(By.xpath("//table[@id='users']//tr[td[1]='kim']"));
        new org.openqa.selenium.support.ui.Select(kims.findElement(By.name("role"))).selectByValue("operator");
        kims.findElement(By.cssSelector("form[action='/users/role'] button")).click();
        waitForText(By.className("notice"), "역할을 바꿨습니다");
        assertThat(roleOf("kim")).isEqualTo("운영자");
        assertThat(browser.findElement(By.xpath("//table[@id='users']//tr[td[1]='admin']"))
                        .findElements(By.name("role")))
                .isEmpty();
        shot("05-users-role");
        // The audit log says who gave kim which role, in the reader's words.
        browser.get(h.url("/runs"));
        assertThat(text(By.xpath("//table[@id='audit-log']//tr[td[3]='역할 변경']")))
                .contains("admin", "kim", "운영자");
        kimLogsInAs("운영자");
    }

    /** Logs out, then in as kim with the password the admin gave, and sees the role in the header. */
    private void kimLogsInAs(String role) {
        logOut();
        browser.findElement(By.id("user")).sendKeys("kim");
        browser.findElement(By.id("password")).sendKeys("kims-password-1");
        browser.findElement(By.id("login")).click();
        waitForText(By.tagName("header"), "kim · " + role);
    }

    /** The role the users page shows for a user, as chosen in the row's list. */
    private String roleOf(String user) {
        WebElement row = waitFor(By.xpath("//table[@id='users']//tr[td[1]='" + user + "']"));
        return new org.openqa.selenium.support.ui.Select(row.findElement(By.name("role")))
                .getFirstSelectedOption()
                .getText();
    }

    private void logIn(String user) {
        browser.get(h.url("/login"));
        fillLogin(user);
    }

    /** Logs in on the login page the browser shows. */
    private void fillLogin(String user) {
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(ConsoleHarness.PASSWORD);
        browser.findElement(By.id("login")).click();
        // Until the browser has left the login page (its address may carry ?next=…).
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !java.net.URI.create(d.getCurrentUrl()).getPath().equals("/login"));
    }

    /** The brief's page as the approvers' request links it, without the console's address. */
    private String approvalLink() throws Exception {
        Poll.until(Duration.ofSeconds(30), () -> h.mail.getReceivedMessagesForDomain("approvers.test").length > 0);
        String text = MailParts.of(h.mail.getReceivedMessagesForDomain("approvers.test")[0])
                .text();
        var m = java.util.regex.Pattern.compile("https://briefs\\.example\\.test(/\\S+)")
                .matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private void logOut() {
        browser.findElement(By.cssSelector("form.who button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/login"));
    }

    /**
     * Posts a form as a forged page would: built in the page (the console itself runs no script), with
     * the session's own CSRF token from another form, or without one.
     */
    private void postFromPage(String action, String sha, boolean withToken) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                                + "const add = (n, v) => { const i = document.createElement('input'); i.type = 'hidden';"
                                + " i.name = n; i.value = v; f.appendChild(i); };"
                                + "add('period', '2025-03'); add('sha256', arguments[1]);"
                                + "if (arguments[2]) add('_csrf', document.querySelector('input[name=_csrf]').value);"
                                + "document.body.appendChild(f); f.submit();",
                        action,
                        sha,
                        withToken);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith(action));
    }

    /**
     * A wait that looks again when the page it looked at was replaced under it (a form posted):
     * Selenium says so as a stale element, or chromedriver, caught in the middle of the new page, as
     * an inspector error ("Node with given id does not belong to the document"). A wait that never
     * comes still fails, with the last of those as its cause.
     */
    private WebDriverWait patiently() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    private WebElement waitFor(By what) {
        return patiently().until(d -> {
            var found = d.findElements(what);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private void waitForText(By what, String text) {
        patiently()
                .until(d ->
                        d.findElements(what).stream().anyMatch(e -> e.getText().contains(text)));
    }

    private String text(By what) {
        return patiently().until(d -> {
            var found = d.findElements(what);
            return found.isEmpty() ? null : found.get(0).getText();
        });
    }

    private void shot(String name) throws IOException {
        // Every word on the page found in the reader's language: a missing key shows as "[key]".
        assertThat(text(By.tagName("body"))).as(name).doesNotContainPattern("\\[(console|word)\\.[a-z.-]+\\]");
        // Each page named in its tab, not only the console's name.
        assertThat(browser.getTitle()).as(name).isNotEqualTo("briefpipe").doesNotContain("[console.");
        accessible(name);
        // The whole page, as tall as it is (within reason), at a laptop's width.
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
        browser.manage()
                .window()
                .setSize(new org.openqa.selenium.Dimension(1280, Math.min(4000, Math.max(800, height.intValue()))));
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Nothing on the page that keeps a screen-reader or keyboard user out: WCAG 2.2 A and AA and axe-core's best practices, as axe-core judges them. */
    private void accessible(String name) {
        Results axe = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice", "wcag22aa"))
                .analyze(browser);
        assertThat(axe.getViolations())
                .as(name)
                .extracting(r -> r.getId() + ": " + r.getHelp() + " "
                        + r.getNodes().stream().map(n -> n.getHtml()).toList())
                .isEmpty();
    }
}
