package io.bulwark.users;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The WHATWG "valid e-mail address" grammar, with internationalised domains accepted through
 * their ASCII form. Addresses are stored as given; uniqueness uses {@link #normalize}.
 */
public final class EmailAddress {
    private static final Pattern LOCAL = Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern LABEL =
            Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");

    private EmailAddress() {
    }

    public static boolean isValid(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1) {
            return false;
        }
        if (!LOCAL.matcher(address.substring(0, at)).matches()) {
            return false;
        }
        String domain;
        try {
            domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (domain.isEmpty() || domain.endsWith(".")) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The form compared for uniqueness and search: lower-cased with {@link Locale#ROOT}. */
    public static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
