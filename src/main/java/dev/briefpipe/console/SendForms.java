package dev.briefpipe.console;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.Resend;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.Role;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.store.Sessions;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The console's forms about mailing a period: approve or reject its PDF, send a test, send a
 * correction to its readers, and settle a reader's delivery. Each comes back to the brief's page with a
 * notice.
 */
final class SendForms {
    private final Settings settings;
    private final BriefService service;
    private final Pages pages;

    SendForms(Settings settings, BriefService service, Pages pages) {
        this.settings = settings;
        this.service = service;
        this.pages = pages;
    }

    void approve(Context ctx) throws IOException {
        Sessions.Session s = Auth.need(ctx, Role.APPROVER);
        BriefConfig b = pages.briefOf(ctx);
        var approved =
                service.approving().approve(b, pages.period(ctx, b), String.valueOf(ctx.formParam("sha256")), s.user());
        var sent = approved.sent();
        // Nobody was sent it, nobody failed: its readers had already been sent this period's brief.
        boolean had =
                sent.sent().isEmpty() && sent.allServed() && !sent.skipped().isEmpty();
        // Only an operator sends again; an approver hears who will.
        String unsent = s.role().may(Role.OPERATOR)
                ? "approved-unsent"
                : approved.ownersTold() ? "approved-unsent-told" : "approved-unsent-tell";
        Pages.redirect(
                ctx,
                b,
                sent.dryRun() ? "approved-outbox" : had ? "approved-had" : sent.allServed() ? "approved" : unsent);
    }

    void reject(Context ctx) {
        Sessions.Session s = Auth.need(ctx, Role.APPROVER);
        BriefConfig b = pages.briefOf(ctx);
        String comment =
                java.util.Objects.toString(ctx.formParam("comment"), "").strip();
        if (comment.isEmpty()) { // the page asks for it; a post without one rejects nothing
            throw new dev.briefpipe.failure.UsageException("console.reject.no-reason");
        }
        if (!b.delivery().approvalRequired()) { // its fire sends without a word: a rejection would stop nothing
            throw new dev.briefpipe.failure.UsageException("console.reject.not-waiting");
        }
        service.approving().reject(b, pages.period(ctx, b), String.valueOf(ctx.formParam("sha256")), s.user(), comment);
        Pages.redirect(ctx, b, "rejected");
    }

    void testSend(Context ctx) throws IOException {
        Sessions.Session s = Auth.need(ctx, Role.APPROVER, Role.OPERATOR);
        BriefConfig b = pages.briefOf(ctx);
        String to = String.valueOf(ctx.formParam("to")).strip();
        service.sendTest(b, pages.period(ctx, b), settings.outputDir(), to);
        service.audit().record(s.user(), "test-send", b.id(), pages.period(ctx, b), to, null);
        Pages.redirect(ctx, b, "test-sent");
    }

    void settle(Context ctx, boolean resend) throws IOException {
        Sessions.Session s = Auth.need(ctx, Role.OPERATOR);
        BriefConfig b = pages.briefOf(ctx);
        Period p = pages.period(ctx, b);
        String r = String.valueOf(ctx.formParam("recipient"));
        if (!b.hasReader(r)) {
            throw new NotFoundResponse();
        }
        if (resend) {
            boolean served = service.send(b, p, settings.outputDir(), Resend.to(Set.of(r)))
                    .allServed();
            service.audit().record(s.user(), "resend", b.id(), p, r, served ? null : "failed");
            Pages.redirect(ctx, b, served ? "resent" : "resend-failed");
        } else {
            service.markDelivered(b, p, r, s.user());
            Pages.redirect(ctx, b, "marked");
        }
    }

    /**
     * Sends what changed to the readers of a delivered period, as {@code send --correction} does: the
     * corrected edition lists each change against the PDF they got. Of a brief that wants approval, the
     * corrected edition is built and the approvers asked; approving it sends it.
     */
    void correct(Context ctx) throws IOException {
        Sessions.Session s = Auth.need(ctx, Role.APPROVER, Role.OPERATOR);
        BriefConfig b = pages.briefOf(ctx);
        Period p = pages.period(ctx, b);
        String notice;
        try {
            notice = service.correct(b, p, settings.workbookOf(b), settings.outputDir())
                    .map(o -> o.dryRun() ? "corrected-outbox" : o.allServed() ? "corrected" : "corrected-unsent")
                    .orElse("correction-none");
        } catch (DataInvalidException e) {
            notice = "build-invalid";
        } catch (DeliveryException e) {
            if (!e.phrase().key().equals("correction.awaiting-approval")) {
                throw e;
            }
            notice = "corrected-asked";
        }
        service.audit().record(s.user(), "correct", b.id(), p, null, notice);
        Pages.redirect(ctx, b, notice);
    }
}
