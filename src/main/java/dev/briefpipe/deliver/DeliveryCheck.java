package dev.briefpipe.deliver;

import dev.briefpipe.config.BriefCheck;
import dev.briefpipe.config.BriefConfig;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Map;

/**
 * A brief's delivery settings: each recipient one address as Jakarta Mail parses it strictly, a name
 * before it or not ({@code 홍길동 <hong@example.org>}),
 * attachments and the oversize rule among the known ones, a link where one is needed.
 */
public final class DeliveryCheck implements BriefCheck {
    @Override
    public void check(BriefConfig brief, Problems problems) {
        BriefConfig.DeliveryConfig d = brief.delivery();
        Map<String, List<String>> groups = Map.of(
                "to",
                d.to(),
                "cc",
                d.cc(),
                "bcc",
                d.bcc(),
                "analysts",
                d.analysts(),
                "owners",
                d.owners(),
                "approvers",
                d.approvers(),
                "replyTo",
                d.replyTo());
        groups.forEach((group, list) -> {
            for (int i = 0; i < list.size(); i++) {
                String addr = list.get(i);
                if (!strict(addr)) {
                    problems.add("/delivery/" + group + "/" + i, "bad-email", addr);
                }
            }
        });
        for (int i = 0; i < d.attach().size(); i++) {
            if (!List.of("csv", "workbook").contains(d.attach().get(i))) {
                problems.add("/delivery/attach/" + i, "bad-attach", d.attach().get(i));
            }
        }
        if (!List.of("fail", "link").contains(d.oversize())) {
            problems.add("/delivery/oversize", "bad-oversize", d.oversize());
        } else if (d.oversize().equals("link") && d.link() == null) {
            problems.add("/delivery/oversize", "link-missing");
        }
        if (!List.of("none", "required").contains(d.approval())) {
            problems.add("/delivery/approval", "bad-approval", d.approval());
        }
        if (d.link() != null && !d.link().matches("https?://\\S+")) {
            problems.add("/delivery/link", "bad-link", d.link());
        }
    }

    private static boolean strict(String addr) {
        try {
            return addr.chars().noneMatch(Character::isISOControl)
                    && new InternetAddress(addr, true).getAddress().equals(BriefConfig.mailbox(addr));
        } catch (AddressException e) {
            return false;
        }
    }
}
