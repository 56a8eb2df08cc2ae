package io.bulwark.pluginzip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An imported plugin zip and the one rewrite Bulwark makes to it: in
 * {@code patchstack/patchstack.php} the two key placeholders and the two vendor base URLs are
 * replaced (each occurs exactly once), and an {@code Update URI:} header line is added so that
 * WordPress never swaps the rewritten plugin for the stock one. Every other entry is copied
 * unchanged, and the file keeps its own line endings.
 */
public final class PluginTemplate {
    static final String MAIN_FILE = "patchstack/patchstack.php";
    static final String CLIENT_ID = "PATCHSTACK_CLIENT_ID";
    static final String PRIVATE_KEY = "PATCHSTACK_PRIVATE_KEY";
    static final String API_URL = "https://api.patchstack.com";
    static final String AUTH_URL = "https://auth.patchstack.com";
    private static final Pattern VERSION = Pattern.compile("(?m)^[ \\t/*#@]*Version:\\s*(\\S+)");
    private static final Pattern HEADER_NAME = Pattern.compile("(?m)^([ \\t/*#@]*)Plugin Name:");

    private final byte[] zip;

    private PluginTemplate(byte[] zip) {
        this.zip = zip.clone();
    }

    /**
     * Checks an uploaded zip.
     *
     * @throws IllegalArgumentException naming what is missing when it is no usable template
     */
    public static PluginTemplate of(byte[] zip) {
        String main = mainFile(zip);
        checkEntryNames(zip);
        for (String literal : new String[] {CLIENT_ID, PRIVATE_KEY, API_URL, AUTH_URL}) {
            int count = countQuoted(main, literal);
            if (count != 1) {
                throw new IllegalArgumentException(MAIN_FILE + " must contain '" + literal
                        + "' exactly once as a quoted string, found " + count);
            }
        }
        if (!HEADER_NAME.matcher(main).find()) {
            throw new IllegalArgumentException(MAIN_FILE + " has no 'Plugin Name:' header");
        }
        return new PluginTemplate(zip);
    }

    /** The plugin's {@code Version:} header, or "unknown". */
    public String version() {
        Matcher matcher = VERSION.matcher(mainFile(zip));
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    /** Writes the zip for one site to {@code out}. */
    public void writeFor(OutputStream out, long clientId, String secret, String publicBase)
            throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zipOut.putNextEntry(copy);
                if (entry.getName().equals(MAIN_FILE)) {
                    String main = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    zipOut.write(rewrite(main, clientId, secret, publicBase)
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zipOut);
                }
                zipOut.closeEntry();
            }
        }
    }

    static String rewrite(String main, long clientId, String secret, String publicBase) {
        String result = replaceQuoted(main, CLIENT_ID, Long.toString(clientId));
        result = replaceQuoted(result, PRIVATE_KEY, secret);
        result = replaceQuoted(result, API_URL, publicBase);
        result = replaceQuoted(result, AUTH_URL, publicBase);
        String newline = main.contains("\r\n") ? "\r\n" : "\n";
        Matcher header = HEADER_NAME.matcher(result);
        header.find();
        String line = header.group(1) + "Update URI: " + publicBase + newline;
        return result.substring(0, header.start()) + line + result.substring(header.start());
    }

    private static String replaceQuoted(String source, String literal, String value) {
        String escaped = value.replace("\\", "\\\\").replace("'", "\\'");
        String single = "'" + literal + "'";
        if (source.contains(single)) {
            return source.replace(single, "'" + escaped + "'");
        }
        String doubleQuoted = "\"" + literal + "\"";
        return source.replace(doubleQuoted, "'" + escaped + "'");
    }

    private static int countQuoted(String source, String literal) {
        return count(source, "'" + literal + "'") + count(source, "\"" + literal + "\"");
    }

    private static int count(String source, String needle) {
        int found = 0;
        for (int at = source.indexOf(needle); at >= 0; at = source.indexOf(needle, at + 1)) {
            found++;
        }
        return found;
    }

    /**
     * Every entry must stay inside {@code patchstack/}: WordPress refuses to unzip names that
     * climb out, so such a template would break every site's install.
     */
    private static void checkEntryNames(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                boolean inside = name.startsWith("patchstack/") && !name.contains("\\")
                        && Arrays.stream(name.split("/")).noneMatch(".."::equals);
                if (!inside) {
                    throw new IllegalArgumentException("Every zip entry must lie inside the "
                            + "folder patchstack/; found '" + name + "'");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The file is not a readable zip archive ("
                    + e.getMessage() + ")");
        }
    }

    private static String mainFile(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            int entries = 0;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries++;
                if (entry.getName().equals(MAIN_FILE)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            if (entries == 0) {
                throw new IOException("no zip entries found");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The file is not a readable zip archive ("
                    + e.getMessage() + ")");
        }
        throw new IllegalArgumentException("The zip has no " + MAIN_FILE);
    }
}
