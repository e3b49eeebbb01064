package dev.briefpipe.deliver;

import dev.briefpipe.config.BriefCheck;
import dev.briefpipe.config.BriefConfig;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Map;

/** A brief's recipients, each one plain address as Jakarta Mail parses it strictly. */
public final class AddressCheck implements BriefCheck {
    @Override
    public void check(BriefConfig brief, Problems problems) {
        BriefConfig.DeliveryConfig d = brief.delivery();
        if (d == null) {
            return;
        }
        Map<String, List<String>> groups = Map.of("to", d.to(), "cc", d.cc(), "bcc", d.bcc(), "analysts", d.analysts());
        groups.forEach((group, list) -> {
            for (int i = 0; i < list.size(); i++) {
                String addr = list.get(i);
                if (addr != null && !strict(addr)) {
                    problems.add("/delivery/" + group + "/" + i, "bad-email", addr);
                }
            }
        });
    }

    private static boolean strict(String addr) {
        try {
            return new InternetAddress(addr, true).getAddress().equals(addr);
        } catch (AddressException e) {
            return false;
        }
    }
}
