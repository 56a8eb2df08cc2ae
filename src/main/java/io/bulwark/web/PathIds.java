package io.bulwark.web;

import io.bulwark.errors.NotFoundException;
import io.javalin.http.Context;

/** Path ids: canonical decimal integers up to 2^63-1; anything else is a 404 without a query. */
public final class PathIds {
    private PathIds() {
    }

    /** The id in path parameter {@code name}; {@code noun} words the 404 ("user", "site"). */
    public static long parse(Context ctx, String name, String noun) {
        String raw = ctx.pathParam(name);
        if (raw.matches("0|[1-9][0-9]{0,18}")) {
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException ignored) {
                // Nineteen digits above Long.MAX_VALUE: no such object either.
            }
        }
        throw new NotFoundException("No " + noun + " with id " + abbreviate(raw) + ".");
    }

    private static String abbreviate(String raw) {
        String printable = raw.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
