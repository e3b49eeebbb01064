package dev.briefpipe.testing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** GreenMail keeps an inbox per envelope recipient; a bcc recipient only shows up here. */
public final class Inboxes {
    private Inboxes() {}

    /** The messages delivered to one envelope recipient. */
    public static List<MimeMessage> of(GreenMail mail, String address) throws Exception {
        var user = mail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        List<MimeMessage> out = new ArrayList<>();
        for (var stored : mail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
            out.add(stored.getMimeMessage());
        }
        return out;
    }
}
