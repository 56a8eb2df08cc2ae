package io.bulwark.vulns.matching;

import static java.util.Map.entry;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the HTML entities found in WordPress product names ({@code &amp;}, {@code &#8211;},
 * {@code &rsquo;}, ...), so that a feed's {@code product_name_premium} can be compared with the
 * name a plugin header declares. One pass: {@code &amp;lt;} becomes {@code &lt;}.
 */
final class HtmlEntities {
    // LIMITATION: only numeric entities and the named entities common in product names are
    // decoded, not HTML's full table of about 2,000 names; a premium name spelled with a rarer
    // entity does not match its installed product, so the record is not reported for it. Add
    // names here when an import shows one.
    private static final Map<String, String> NAMED = Map.ofEntries(
            entry("amp", "&"),
            entry("lt", "<"),
            entry("gt", ">"),
            entry("quot", "\""),
            entry("apos", "'"),
            entry("nbsp", "\u00A0"),
            entry("ndash", "\u2013"),
            entry("mdash", "\u2014"),
            entry("lsquo", "\u2018"),
            entry("rsquo", "\u2019"),
            entry("ldquo", "\u201C"),
            entry("rdquo", "\u201D"),
            entry("hellip", "\u2026"),
            entry("copy", "\u00A9"),
            entry("reg", "\u00AE"),
            entry("trade", "\u2122"));
    private static final Pattern ENTITY =
            Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));");

    private HtmlEntities() {
    }

    /** Returns {@code text} with known entities decoded; unknown or invalid ones stay as is. */
    static String decode(String text) {
        Matcher matcher = ENTITY.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(decodeOne(match.group(),
                match.group(1), match.group(2), match.group(3))));
    }

    private static String decodeOne(String entity, String decimal, String hexadecimal,
            String name) {
        if (name != null) {
            return NAMED.getOrDefault(name, entity);
        }
        int codePoint = decimal != null
                ? Integer.parseInt(decimal)
                : Integer.parseInt(hexadecimal, 16);
        boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
                && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
        return valid ? Character.toString(codePoint) : entity;
    }
}
