package io.github.guestinspect.guest;

import java.util.ArrayList;
import java.util.List;

/**
 * The accounts of an /etc/shadow file whose password field allows a login: a hash (a golden image should carry
 * none) or an empty field (login without any password). Locked ("!", "!..."), disabled ("*") and placeholder
 * fields are neither. Only account names are kept; hashes are never stored.
 *
 * @param withPassword      accounts with a password hash
 * @param withEmptyPassword accounts with an empty password field
 */
public record ShadowFile(List<String> withPassword, List<String> withEmptyPassword) {
    public ShadowFile {
        withPassword = List.copyOf(withPassword);
        withEmptyPassword = List.copyOf(withEmptyPassword);
    }

    public static ShadowFile parse(final byte[] content) {
        List<String> withPassword = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (String line : GuestText.lines(content)) {
            String[] fields = line.split(":", -1);
            if (fields.length < 2 || fields[0].isEmpty()) {
                continue;
            }
            String hash = fields[1];
            if (hash.isEmpty()) {
                empty.add(fields[0]);
            }
            else if (!hash.startsWith("!") && !hash.startsWith("*") && !"x".equals(hash)) {
                withPassword.add(fields[0]);
            }
        }
        return new ShadowFile(withPassword, empty);
    }
}
